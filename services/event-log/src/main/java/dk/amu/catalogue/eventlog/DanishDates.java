package dk.amu.catalogue.eventlog;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Dates as the catalogue's readers write them, on the dashboard and the schools' portal alike:
 * dd-mm-yyyy in both languages (the documents' own format), instants in Copenhagen time. Null in,
 * null out: each page says itself what an absent date looks like.
 */
public final class DanishDates {

    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm:ss");

    private DanishDates() {
    }

    public static String date(LocalDate date) {
        return date == null ? null : DATE.format(date);
    }

    /** The business date on which the instant fell in Copenhagen. */
    public static String date(Instant instant) {
        return instant == null ? null : DATE.format(instant.atZone(CatalogueZone.ZONE));
    }

    public static String minutes(Instant instant) {
        return instant == null ? null : MINUTES.format(instant.atZone(CatalogueZone.ZONE));
    }

    public static String seconds(Instant instant) {
        return instant == null ? null : SECONDS.format(instant.atZone(CatalogueZone.ZONE));
    }
}
