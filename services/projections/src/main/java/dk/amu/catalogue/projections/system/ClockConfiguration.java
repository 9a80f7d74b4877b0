package dk.amu.catalogue.projections.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one clock of the service: "today" for a status and "now" for {@code knownAt} come from here. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ClockConfiguration.class);

    @Bean
    Clock clock(CatalogueProperties properties) {
        var system = Clock.system(properties.zone());
        if (properties.clockStart() == null || properties.clockStart().isBlank()) {
            return system;
        }
        var start = parseStart(properties.clockStart().trim(), properties);
        log.warn("The catalogue clock starts at {} (CATALOGUE_CLOCK_START) and runs on from there", start);
        return Clock.offset(system, Duration.between(system.instant(), start));
    }

    private static Instant parseStart(String text, CatalogueProperties properties) {
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(properties.zone()).toInstant() : Instant.parse(text);
        }
        catch (DateTimeParseException ex) {
            throw new IllegalArgumentException("CATALOGUE_CLOCK_START must be an ISO date (2025-06-29) or instant "
                    + "(2025-06-29T22:00:00Z), got '" + text + "'", ex);
        }
    }
}
