package dk.amu.catalogue.ingest.system;

import dk.amu.catalogue.eventlog.CatalogueTopics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** The topics ingest writes, with the policies of DESIGN.md; Spring's KafkaAdmin creates them when missing. */
@Configuration(proxyBeanMethods = false)
class TopicConfiguration {

    @Bean
    KafkaAdmin.NewTopics catalogueTopics() {
        return new KafkaAdmin.NewTopics(CatalogueTopics.singleBroker().toArray(NewTopic[]::new));
    }
}
