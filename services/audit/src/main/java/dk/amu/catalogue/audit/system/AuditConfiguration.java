package dk.amu.catalogue.audit.system;

import java.time.Clock;

import dk.amu.catalogue.audit.AuditQueries;
import dk.amu.catalogue.audit.replay.EventDecoder;
import dk.amu.catalogue.audit.replay.LogReplay;
import dk.amu.catalogue.serde.registry.SchemaRegistryClient;
import dk.amu.catalogue.settings.CatalogueProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * What both the command line and the web API use: the replay, the decoder and the queries. The
 * registry URL and the one clock are the shared settings' ({@code catalogue.*}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ KafkaProperties.class, AuditProperties.class })
public class AuditConfiguration {

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
}
