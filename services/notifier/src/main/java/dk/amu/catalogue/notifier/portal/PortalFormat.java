package dk.amu.catalogue.notifier.portal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import dk.amu.catalogue.eventlog.CatalogueZone;
import org.springframework.stereotype.Component;

/** Dates on the portal's pages as a Danish reader writes them: dd-mm-yyyy, in Copenhagen time. Null shows as a dash. */
@Component("portalFormat")
public class PortalFormat {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm:ss");

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

    public String date(LocalDate date) {
        return date == null ? "–" : DATE.format(date);
    }

    public String date(Instant instant) {
        return instant == null ? "–" : DATE.format(instant.atZone(CatalogueZone.ZONE));
    }

    public String dateTime(Instant instant) {
        return instant == null ? "–" : DATE_TIME.format(instant.atZone(CatalogueZone.ZONE));
    }

    /** To the minute: when a person acts on a time (an old secret's last minute), seconds only clutter it. */
    public String minute(Instant instant) {
        return instant == null ? "–" : MINUTE.format(instant.atZone(CatalogueZone.ZONE));
    }
}
