package dk.amu.catalogue.standalone;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import dk.amu.catalogue.eventlog.CatalogueTopics;
import dk.amu.catalogue.kafka.broker.BrokerSettings;
import dk.amu.catalogue.kafka.broker.EmbeddedKafkaBroker;
import dk.amu.catalogue.postgres.DatabaseSettings;
import dk.amu.catalogue.postgres.EmbeddedDatabase;
import dk.amu.catalogue.registry.EmbeddedSchemaRegistry;
import dk.amu.catalogue.registry.RegistrySettings;
import dk.amu.catalogue.settings.CatalogueProperties;
import dk.amu.catalogue.settings.CatalogueSettingsAutoConfiguration;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What a fresh machine lacks, all in this process: a Kafka broker, a schema registry and a
 * PostgreSQL server; and the one clock every service shares (they find it here, in their parent).
 * PostgreSQL starts beside the broker and the registry.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CatalogueProperties.class)
class Infrastructure {

    /** Started first, so that PostgreSQL comes up while the broker and the registry do. */
    @Bean(destroyMethod = "close")
    StartingDatabase startingDatabase(StandaloneProperties properties) {
        return StartingDatabase.begin(new DatabaseSettings(properties.dataDirectory().resolve("postgres"),
                properties.host(), properties.ports().postgres()));
    }

    @Bean(destroyMethod = "close")
    EmbeddedKafkaBroker kafkaBroker(StandaloneProperties properties, StartingDatabase startingDatabase) {
        var broker = EmbeddedKafkaBroker.start(BrokerSettings.of(properties.dataDirectory().resolve("kafka"),
                properties.host(), properties.kafka().port(), properties.kafka().controllerPort()));
        createCatalogueTopics(broker);
        return broker;
    }

    @Bean(destroyMethod = "close")
    EmbeddedSchemaRegistry schemaRegistry(EmbeddedKafkaBroker broker, StandaloneProperties properties) {
        return EmbeddedSchemaRegistry.start(new RegistrySettings(broker.bootstrapServers(), properties.host(),
                properties.ports().registry(), "_schemas"));
    }

    /** Taken last (after the registry, hence the parameter), so the main thread never waits for it early. */
    @Bean(destroyMethod = "close")
    EmbeddedDatabase database(StartingDatabase starting, EmbeddedSchemaRegistry registry) {
        return starting.await();
    }

    /**
     * Ingest creates the topics too, but only once it has started: made here, they exist when the
     * consumers first join their groups, which then hand out every partition at once instead of
     * after the consumers have noticed the topic.
     */
    private static void createCatalogueTopics(EmbeddedKafkaBroker broker) {
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            for (var topic : CatalogueTopics.singleBroker()) {
                try {
                    admin.createTopics(List.of(topic)).all().get();
                }
                catch (ExecutionException ex) {
                    if (!(ex.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + topic.name() + ": " + ex.getCause().getMessage(), ex);
                    }
                }
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the catalogue topics", ex);
        }
    }

    @Bean
    Clock catalogueClock(CatalogueProperties catalogue) {
        return CatalogueSettingsAutoConfiguration.clock(catalogue);
    }
}
