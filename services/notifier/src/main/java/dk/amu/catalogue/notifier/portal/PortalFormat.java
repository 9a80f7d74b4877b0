package dk.amu.catalogue.notifier.portal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import dk.amu.catalogue.eventlog.DanishDates;
import org.springframework.stereotype.Component;

/** Dates on the portal's pages as the dashboard writes them ({@link DanishDates}); an absent one shows as a dash. */
@Component("portalFormat")
public class PortalFormat {

    private static final String NONE = "–";

    public String date(LocalDate date) {
        return Objects.requireNonNullElse(DanishDates.date(date), NONE);
    }

    public String date(Instant instant) {
        return Objects.requireNonNullElse(DanishDates.date(instant), NONE);
    }

    /** To the second: when an attempt was made, or a retry is due. */
    public String dateTime(Instant instant) {
        return Objects.requireNonNullElse(DanishDates.seconds(instant), NONE);
    }

    /** To the minute: when a person acts on a time (an old secret's last minute), seconds only clutter it. */
    public String minute(Instant instant) {
        return Objects.requireNonNullElse(DanishDates.minutes(instant), NONE);
    }
}
