package dk.amu.catalogue.projections.dashboard;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import dk.amu.catalogue.eventlog.CatalogueZone;
import dk.amu.catalogue.projections.web.BadParameterException;
import dk.amu.catalogue.projections.web.Parameters;

/**
 * The known-at picker is an {@code <input type="datetime-local">}: it sends a Copenhagen wall-clock
 * time without a zone. The API's forms (an ISO instant, or a date meaning its first instant) are
 * taken as well, so a link copied from the API works on the page.
 */
final class RecordTime {

    private static final DateTimeFormatter PICKER = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private RecordTime() {
    }

    static Instant parse(String text, Parameters parameters) {
        if (text == null || text.isBlank()) {
            return parameters.knownAt(null);
        }
        var value = text.strip();
        if (value.length() > 10 && value.indexOf('T') == 10 && !value.endsWith("Z") && value.indexOf('+') < 0) {
            try {
                return LocalDateTime.parse(value).atZone(CatalogueZone.ZONE).toInstant();
            }
            catch (DateTimeParseException ex) {
                throw new BadParameterException("knownAt", "knownAt must be a time like 2025-06-01T12:00, got '" + text + "'");
            }
        }
        return parameters.knownAt(value);
    }

    /** The value the picker shows for an instant. */
    static String input(Instant instant) {
        return PICKER.format(instant.atZone(CatalogueZone.ZONE));
    }
}
