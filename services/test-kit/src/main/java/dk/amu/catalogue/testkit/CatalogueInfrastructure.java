package dk.amu.catalogue.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;

import dk.amu.catalogue.eventlog.CatalogueTopics;
import dk.amu.catalogue.kafka.broker.BrokerSettings;
import dk.amu.catalogue.kafka.broker.EmbeddedKafkaBroker;
import dk.amu.catalogue.postgres.DatabaseSettings;
import dk.amu.catalogue.postgres.EmbeddedDatabase;
import dk.amu.catalogue.registry.EmbeddedSchemaRegistry;
import dk.amu.catalogue.registry.RegistrySettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.util.FileSystemUtils;

/**
 * One real Kafka broker (in-process KRaft), the project's schema registry and, on first use, one
 * embedded PostgreSQL for the whole test JVM: started by the first test class that asks, stopped
 * when the run ends. {@code @ExtendWith(CatalogueInfrastructure.class)} on a test class, or on a
 * service's test meta-annotation, is all it takes.
 */
public final class CatalogueInfrastructure implements BeforeAllCallback {

    private static Running running;

    @Override
    public void beforeAll(ExtensionContext context) {
        started(context);
    }

    static synchronized Running started(ExtensionContext context) {
        if (running == null) {
            running = Running.start();
            // the root store closes it when the whole run ends, not when this class does
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(CatalogueInfrastructure.class, running);
        }
        return running;
    }

    /**
     * Something a test started for the rest of the run (an application it shares between classes,
     * say) that must stop before the broker and the database do; closed last-in, first-out.
     */
    public static void closeBeforeStopping(AutoCloseable resource) {
        running().closeFirst.add(resource);
    }

    public static Running running() {
        if (running == null) {
            throw new IllegalStateException("annotate the test class with @ExtendWith(CatalogueInfrastructure.class)");
        }
        return running;
    }

    /**
     * The properties a service's Spring test needs to reach this infrastructure: Kafka, the registry
     * under the shared {@code catalogue.registry-url}, and the database (started here if it is not yet).
     */
    public static void register(DynamicPropertyRegistry registry) {
        registerKafka(registry);
        registry.add("spring.datasource.url", () -> running().database().jdbcUrl());
        registry.add("spring.datasource.username", () -> running().database().username());
        registry.add("spring.datasource.password", () -> running().database().password());
    }

    /** Kafka and the registry only, for services without a database. */
    public static void registerKafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> running().bootstrapServers());
        registry.add("catalogue.registry-url", () -> running().registryUrl());
    }

    public static final class Running implements ExtensionContext.Store.CloseableResource, AutoCloseable {

        private final Path directory;

        private final EmbeddedKafkaBroker broker;

        private final EmbeddedSchemaRegistry registry;

        private EmbeddedDatabase database;

        private final Deque<AutoCloseable> closeFirst = new ConcurrentLinkedDeque<>();

        private Running(Path directory, EmbeddedKafkaBroker broker, EmbeddedSchemaRegistry registry) {
            this.directory = directory;
            this.broker = broker;
            this.registry = registry;
        }

        static Running start() {
            try {
                var directory = Files.createTempDirectory("catalogue-tests");
                var broker = EmbeddedKafkaBroker.start(BrokerSettings.onFreePorts(directory.resolve("kafka")));
                var registry = EmbeddedSchemaRegistry.start(
                        new RegistrySettings(broker.bootstrapServers(), "127.0.0.1", 0, "_schemas"));
                createCatalogueTopics(broker.bootstrapServers());
                return new Running(directory, broker, registry);
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }

        /** The broker creates no topic on its own; the services' admins find these already there. */
        private static void createCatalogueTopics(String bootstrapServers) {
            try (var admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
                admin.createTopics(CatalogueTopics.singleBroker()).all().get();
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
            catch (ExecutionException ex) {
                throw new IllegalStateException("could not create the catalogue topics", ex.getCause());
            }
        }

        public String bootstrapServers() {
            return broker.bootstrapServers();
        }

        public String registryUrl() {
            return registry.url();
        }

        /**
         * The JVM's PostgreSQL, started on first use: tests of services without a database pay
         * nothing for it. A test may {@link EmbeddedDatabase#stop()} and {@link EmbeddedDatabase#start()} it.
         */
        public synchronized EmbeddedDatabase database() {
            if (database == null) {
                database = EmbeddedDatabase.start(DatabaseSettings.onFreePort(directory.resolve("postgres")));
            }
            return database;
        }

        @Override
        public synchronized void close() {
            // what runs on the infrastructure stops first, while the broker and the database answer
            for (var resource = closeFirst.pollLast(); resource != null; resource = closeFirst.pollLast()) {
                try {
                    resource.close();
                }
                catch (Exception ex) {
                    LoggerFactory.getLogger(CatalogueInfrastructure.class)
                            .warn("Could not stop {} before the infrastructure: {}", resource, ex.toString());
                }
            }
            SpringTestContexts.closeAll();
            if (database != null) {
                database.close();
            }
            registry.close();
            broker.close();
            FileSystemUtils.deleteRecursively(directory.toFile());
        }
    }
}
