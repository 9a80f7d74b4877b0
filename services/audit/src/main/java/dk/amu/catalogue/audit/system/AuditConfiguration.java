package dk.amu.catalogue.audit.system;

import java.time.Clock;

import dk.amu.catalogue.audit.queries.AuditQueries;
import dk.amu.catalogue.audit.replay.EventDecoder;
import dk.amu.catalogue.audit.replay.LogEnds;
import dk.amu.catalogue.audit.replay.LogReplay;
import dk.amu.catalogue.audit.replay.ReplayGate;
import dk.amu.catalogue.serde.registry.SchemaRegistryClient;
import dk.amu.catalogue.settings.CatalogueProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What both the command line and the web API use: the replay, the decoder and the queries. The
 * registry URL and the one clock are the shared settings' ({@code catalogue.*}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ KafkaProperties.class, AuditProperties.class })
public class AuditConfiguration {

    @Bean
    LogReplay logReplay(KafkaProperties kafka, AuditProperties audit) {
        return new LogReplay(KafkaReaders.replay(kafka.buildConsumerProperties(), audit), audit.kafkaTimeout());
    }

    @Bean
    LogEnds logEnds(KafkaProperties kafka, AuditProperties audit) {
        return new LogEnds(KafkaReaders.replay(kafka.buildConsumerProperties(), audit), audit.kafkaTimeout());
    }

    @Bean
    ReplayGate replayGate(AuditProperties audit) {
        return new ReplayGate(audit.maxConcurrentReplays());
    }

    @Bean
    EventDecoder eventDecoder(CatalogueProperties catalogue) {
        return new EventDecoder(SchemaRegistryClient.forUrl(catalogue.registryUrl()));
    }

    @Bean
    AuditQueries auditQueries(LogReplay replay, EventDecoder decoder, LogEnds ends, ReplayGate gate,
            AuditProperties audit, Clock clock) {
        return new AuditQueries(replay, decoder, ends, gate, settings(audit), clock);
    }

    static AuditQueries.Settings settings(AuditProperties audit) {
        return new AuditQueries.Settings(audit.topic(), audit.snapshotTopic(), audit.maxFindings(),
                audit.answerCacheEntries(), audit.answerCacheMaxItems());
    }
}
