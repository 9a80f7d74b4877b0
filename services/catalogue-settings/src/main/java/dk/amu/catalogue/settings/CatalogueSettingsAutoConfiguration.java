package dk.amu.catalogue.settings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import dk.amu.catalogue.eventlog.DateOrInstant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The shared settings and the one {@link Clock}. A clock already in the context or a parent (the
 * standalone runtime's, a test's movable clock) wins, so services on one classpath share one time.
 */
@AutoConfiguration
@EnableConfigurationProperties(CatalogueProperties.class)
public class CatalogueSettingsAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CatalogueSettingsAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean(Clock.class)
    Clock catalogueClock(CatalogueProperties properties) {
        return clock(properties);
    }

    /** The system clock, or one that starts at {@code catalogue.clock-start} and runs on from there. */
    public static Clock clock(CatalogueProperties properties) {
        var system = Clock.system(properties.zone());
        if (properties.clockStart() == null || properties.clockStart().isBlank()) {
            return system;
        }
        var start = parseStart(properties.clockStart().trim(), properties);
        log.warn("The catalogue clock starts at {} (CATALOGUE_CLOCK_START) and runs on from there", start);
        return Clock.offset(system, Duration.between(system.instant(), start));
    }

    static Instant parseStart(String text, CatalogueProperties properties) {
        try {
            return DateOrInstant.parse(text, properties.zone());
        }
        catch (DateTimeParseException ex) {
            throw new IllegalArgumentException("CATALOGUE_CLOCK_START must be an ISO date (2025-06-29) or instant "
                    + "(2025-06-29T22:00:00Z), got '" + text + "'", ex);
        }
    }
}
