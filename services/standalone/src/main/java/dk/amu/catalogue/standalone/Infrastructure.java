package dk.amu.catalogue.standalone;

import java.time.Clock;

import dk.amu.catalogue.kafka.broker.EmbeddedKafkaBroker;
import dk.amu.catalogue.postgres.DatabaseSettings;
import dk.amu.catalogue.postgres.EmbeddedDatabase;
import dk.amu.catalogue.registry.EmbeddedSchemaRegistry;
import dk.amu.catalogue.settings.CatalogueProperties;
import dk.amu.catalogue.settings.CatalogueSettingsAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * What a fresh machine lacks, all in this process: a Kafka broker, a schema registry and a
 * PostgreSQL server; and the one clock every service shares (they find it here, in their parent).
 * The broker, the registry once the broker is up, and PostgreSQL start on threads of their own while
 * the services' contexts start; the running ones are beans here for whoever asks, once they are up.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CatalogueProperties.class)
class Infrastructure {

    @Bean(destroyMethod = "close")
    Starting<EmbeddedKafkaBroker> startingKafka(StandaloneProperties properties) {
        return Starting.begin("Kafka", "kafka-start", () -> KafkaInfrastructure.startBroker(properties));
    }

    /** Closed before the broker, which it depends on. */
    @Bean(destroyMethod = "close")
    Starting<EmbeddedSchemaRegistry> startingRegistry(Starting<EmbeddedKafkaBroker> kafka, StandaloneProperties properties) {
        return Starting.begin("the schema registry", "registry-start",
                () -> KafkaInfrastructure.startRegistry(kafka.await(), properties));
    }

    @Bean(destroyMethod = "close")
    Starting<EmbeddedDatabase> startingDatabase(StandaloneProperties properties) {
        return Starting.begin("PostgreSQL", "postgres-start", () -> EmbeddedDatabase.start(databaseSettings(properties)));
    }

    // stopped by their Starting, which also stops them when nobody asked for them

    @Bean(destroyMethod = "")
    @Lazy
    EmbeddedKafkaBroker kafkaBroker(Starting<EmbeddedKafkaBroker> kafka) {
        return kafka.await();
    }

    @Bean(destroyMethod = "")
    @Lazy
    EmbeddedSchemaRegistry schemaRegistry(Starting<EmbeddedSchemaRegistry> registry) {
        return registry.await();
    }

    @Bean(destroyMethod = "")
    @Lazy
    EmbeddedDatabase database(Starting<EmbeddedDatabase> database) {
        return database.await();
    }

    @Bean
    Clock catalogueClock(CatalogueProperties catalogue) {
        return CatalogueSettingsAutoConfiguration.clock(catalogue);
    }

    static DatabaseSettings databaseSettings(StandaloneProperties properties) {
        return new DatabaseSettings(properties.dataDirectory().resolve("postgres"), properties.host(),
                properties.ports().postgres());
    }
}
