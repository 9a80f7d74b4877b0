package dk.amu.catalogue.audit.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import dk.amu.catalogue.audit.AuditQueries;
import dk.amu.catalogue.audit.replay.EventDecoder;
import dk.amu.catalogue.audit.replay.LogReplay;
import dk.amu.catalogue.serde.registry.SchemaRegistryClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** What both the command line and the web API use: the replay, the decoder, the clock and the queries. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ KafkaProperties.class, AuditProperties.class, CatalogueProperties.class })
public class AuditConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AuditConfiguration.class);

    @Bean
    LogReplay logReplay(KafkaProperties kafka, AuditProperties audit) {
        return new LogReplay(KafkaReaders.replay(kafka, audit), audit.kafkaTimeout());
    }

    @Bean
    EventDecoder eventDecoder(CatalogueProperties catalogue) {
        return new EventDecoder(SchemaRegistryClient.forUrl(catalogue.registryUrl()));
    }

    @Bean
    AuditQueries auditQueries(LogReplay replay, EventDecoder decoder, AuditProperties audit, Clock clock) {
        return new AuditQueries(replay, decoder, audit.topic(), audit.snapshotTopic(), audit.maxFindings(), clock,
                JsonMapper.builder().build());
    }

    /** The one clock; {@code catalogue.clock-start} starts it elsewhere in time, as in the other services. */
    @Bean
    Clock clock(CatalogueProperties catalogue) {
        var system = Clock.system(catalogue.zone());
        if (catalogue.clockStart() == null || catalogue.clockStart().isBlank()) {
            return system;
        }
        var start = parseStart(catalogue.clockStart().trim(), catalogue);
        log.warn("The catalogue clock starts at {} (CATALOGUE_CLOCK_START) and runs on from there", start);
        return Clock.offset(system, Duration.between(system.instant(), start));
    }

    private static Instant parseStart(String text, CatalogueProperties catalogue) {
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(catalogue.zone()).toInstant() : Instant.parse(text);
        }
        catch (DateTimeParseException ex) {
            throw new IllegalArgumentException("CATALOGUE_CLOCK_START must be an ISO date (2025-06-29) or instant "
                    + "(2025-06-29T22:00:00Z), got '" + text + "'", ex);
        }
    }
}
