package dk.amu.catalogue.eventlog;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A moment given as either an ISO date ({@code 2025-06-01}, its start in the catalogue's zone) or an
 * ISO instant ({@code 2025-06-01T08:00:00Z}): how a clock start, an as-of or a known-at parameter is
 * written everywhere.
 */
public final class DateOrInstant {

    private static final int ISO_DATE_LENGTH = "2025-06-01".length();

    private DateOrInstant() {
    }

    /** Whether the text is written as a date (the length of {@code 2025-06-01}), not an instant. */
    public static boolean isDate(String text) {
        return text.trim().length() == ISO_DATE_LENGTH;
    }

    /** @throws java.time.format.DateTimeParseException when the text is neither */
    public static Instant parse(String text, ZoneId zone) {
        var trimmed = text.trim();
        return isDate(trimmed) ? LocalDate.parse(trimmed).atStartOfDay(zone).toInstant()
                : Instant.parse(trimmed);
    }

    /** In the catalogue's own zone. */
    public static Instant parse(String text) {
        return parse(text, CatalogueZone.ZONE);
    }
}
