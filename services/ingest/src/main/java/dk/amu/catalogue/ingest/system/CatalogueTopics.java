package dk.amu.catalogue.ingest.system;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The topics of DESIGN.md with their policies; Spring's KafkaAdmin creates them when missing. */
@Configuration(proxyBeanMethods = false)
public class CatalogueTopics {

    public static final String EVENTS = "amu.catalogue.events.v1";

    public static final String SNAPSHOTS = "amu.catalogue.snapshots.v1";

    @Bean
    NewTopic catalogueEventsTopic() {
        // the audit log: kept forever, never compacted
        return TopicBuilder.name(EVENTS).partitions(6).replicas(1)
                .config(TopicConfig.RETENTION_MS_CONFIG, "-1")
                .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE)
                .build();
    }

    @Bean
    NewTopic catalogueSnapshotsTopic() {
        return TopicBuilder.name(SNAPSHOTS).partitions(6).replicas(1)
                .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
                .build();
    }
}
