package dk.amu.catalogue.standalone;

import dk.amu.catalogue.kafka.broker.BrokerSettings;
import dk.amu.catalogue.kafka.broker.EmbeddedKafkaBroker;
import dk.amu.catalogue.registry.EmbeddedSchemaRegistry;
import dk.amu.catalogue.registry.RegistrySettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The infrastructure a fresh machine lacks: a Kafka broker and a schema registry, both in this process. */
@Configuration(proxyBeanMethods = false)
class Infrastructure {

    @Bean(destroyMethod = "close")
    EmbeddedKafkaBroker kafkaBroker(StandaloneProperties properties) {
        return EmbeddedKafkaBroker.start(BrokerSettings.of(properties.dataDirectory().resolve("kafka"), properties.host(),
                properties.kafka().port(), properties.kafka().controllerPort()));
    }

    @Bean(destroyMethod = "close")
    EmbeddedSchemaRegistry schemaRegistry(EmbeddedKafkaBroker broker, StandaloneProperties properties) {
        return EmbeddedSchemaRegistry.start(new RegistrySettings(broker.bootstrapServers(), properties.host(),
                properties.registryPort(), "_schemas"));
    }
}
