package dk.amu.catalogue.standalone;

import java.time.Clock;

import dk.amu.catalogue.kafka.broker.BrokerSettings;
import dk.amu.catalogue.kafka.broker.EmbeddedKafkaBroker;
import dk.amu.catalogue.postgres.DatabaseSettings;
import dk.amu.catalogue.postgres.EmbeddedDatabase;
import dk.amu.catalogue.registry.EmbeddedSchemaRegistry;
import dk.amu.catalogue.registry.RegistrySettings;
import dk.amu.catalogue.settings.CatalogueProperties;
import dk.amu.catalogue.settings.CatalogueSettingsAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What a fresh machine lacks, all in this process: a Kafka broker, a schema registry and a
 * PostgreSQL server; and the one clock every service shares (they find it here, in their parent).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CatalogueProperties.class)
class Infrastructure {

    @Bean(destroyMethod = "close")
    EmbeddedKafkaBroker kafkaBroker(StandaloneProperties properties) {
        return EmbeddedKafkaBroker.start(BrokerSettings.of(properties.dataDirectory().resolve("kafka"), properties.host(),
                properties.kafka().port(), properties.kafka().controllerPort()));
    }

    @Bean(destroyMethod = "close")
    EmbeddedSchemaRegistry schemaRegistry(EmbeddedKafkaBroker broker, StandaloneProperties properties) {
        return EmbeddedSchemaRegistry.start(new RegistrySettings(broker.bootstrapServers(), properties.host(),
                properties.ports().registry(), "_schemas"));
    }

    @Bean(destroyMethod = "close")
    EmbeddedDatabase database(StandaloneProperties properties) {
        return EmbeddedDatabase.start(new DatabaseSettings(properties.dataDirectory().resolve("postgres"),
                properties.host(), properties.ports().postgres()));
    }

    @Bean
    Clock catalogueClock(CatalogueProperties catalogue) {
        return CatalogueSettingsAutoConfiguration.clock(catalogue);
    }
}
