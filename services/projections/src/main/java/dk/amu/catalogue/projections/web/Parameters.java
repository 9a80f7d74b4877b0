package dk.amu.catalogue.projections.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import dk.amu.catalogue.eventlog.CatalogueZone;
import dk.amu.catalogue.eventlog.DateOrInstant;
import dk.amu.catalogue.projections.system.ProjectionsProperties;
import org.springframework.stereotype.Component;

/** The query parameters several endpoints share, with their defaults from the service's clock. */
@Component
public class Parameters {

    private final Clock clock;

    private final ProjectionsProperties properties;

    Parameters(Clock clock, ProjectionsProperties properties) {
        this.clock = clock;
        this.properties = properties;
    }

    /** {@code asOf}: a business date; today in Copenhagen when absent. */
    public LocalDate asOf(String text) {
        return text == null || text.isBlank() ? CatalogueZone.today(clock) : date("asOf", text);
    }

    /** {@code knownAt}: an instant (or a date, meaning its first instant in Copenhagen); now when absent. */
    public Instant knownAt(String text) {
        return text == null || text.isBlank() ? clock.instant() : instant("knownAt", text);
    }

    public LocalDate date(String name, String text) {
        try {
            return LocalDate.parse(text.strip());
        }
        catch (DateTimeParseException ex) {
            throw new BadParameterException(name, name + " must be an ISO date like 2025-06-01, got '" + text + "'");
        }
    }

    public Instant instant(String name, String text) {
        var value = text.strip();
        try {
            return DateOrInstant.parse(value);
        }
        catch (DateTimeParseException ex) {
            throw new BadParameterException(name, name + " must be an ISO instant like 2025-06-01T10:00:00Z or a date "
                    + "like 2025-06-01, got '" + text + "'");
        }
    }

    /** {@code size}: items per page, 1 to 1000; the configured default when absent. */
    public int size(Integer size) {
        if (size == null) {
            return properties.pageSize();
        }
        if (size < 1 || size > 1000) {
            throw new BadParameterException("size", "size must be between 1 and 1000, got " + size);
        }
        return size;
    }
}
