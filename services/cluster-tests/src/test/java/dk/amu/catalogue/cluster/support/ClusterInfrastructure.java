package dk.amu.catalogue.cluster.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import dk.amu.catalogue.eventlog.CatalogueTopics;
import dk.amu.catalogue.kafka.broker.ClusterSettings;
import dk.amu.catalogue.kafka.broker.EmbeddedKafkaCluster;
import dk.amu.catalogue.postgres.DatabaseSettings;
import dk.amu.catalogue.postgres.EmbeddedDatabase;
import dk.amu.catalogue.registry.EmbeddedSchemaRegistry;
import dk.amu.catalogue.registry.RegistrySettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.util.FileSystemUtils;

/**
 * Three KRaft brokers in this JVM, the project's registry on them and one embedded PostgreSQL,
 * once for the whole test JVM; the catalogue's topics with replication factor 3 and
 * {@code min.insync.replicas=2}. {@code @ExtendWith(ClusterInfrastructure.class)} is all it takes.
 */
public final class ClusterInfrastructure implements BeforeAllCallback {

    public static final int BROKERS = 3;

    public static final int MIN_IN_SYNC = 2;

    private static Running running;

    @Override
    public void beforeAll(ExtensionContext context) {
        synchronized (ClusterInfrastructure.class) {
            if (running == null) {
                running = Running.start();
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(ClusterInfrastructure.class, running);
            }
        }
    }

    public static Running running() {
        if (running == null) {
            throw new IllegalStateException("annotate the test class with @ExtendWith(ClusterInfrastructure.class)");
        }
        return running;
    }

    public static final class Running implements ExtensionContext.Store.CloseableResource, AutoCloseable {

        private final Path directory;

        private final EmbeddedKafkaCluster cluster;

        private final EmbeddedSchemaRegistry registry;

        private final EmbeddedDatabase database;

        private Running(Path directory, EmbeddedKafkaCluster cluster, EmbeddedSchemaRegistry registry,
                EmbeddedDatabase database) {
            this.directory = directory;
            this.cluster = cluster;
            this.registry = registry;
            this.database = database;
        }

        static Running start() {
            try {
                var directory = Files.createTempDirectory("catalogue-cluster-tests");
                var cluster = EmbeddedKafkaCluster.start(ClusterSettings.onFreePorts(directory.resolve("kafka"), BROKERS));
                createCatalogueTopics(cluster.bootstrapServers());
                var registry = EmbeddedSchemaRegistry.start(
                        new RegistrySettings(cluster.bootstrapServers(), "127.0.0.1", 0, "_schemas"));
                var database = EmbeddedDatabase.start(DatabaseSettings.onFreePort(directory.resolve("postgres")));
                return new Running(directory, cluster, registry, database);
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }

        private static void createCatalogueTopics(String bootstrapServers) {
            try (var admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
                admin.createTopics(CatalogueTopics.replicated((short) BROKERS, MIN_IN_SYNC)).all().get();
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
            catch (ExecutionException ex) {
                throw new IllegalStateException("could not create the catalogue topics on the cluster", ex.getCause());
            }
        }

        public EmbeddedKafkaCluster cluster() {
            return cluster;
        }

        public String bootstrapServers() {
            return cluster.bootstrapServers();
        }

        public String registryUrl() {
            return registry.url();
        }

        public EmbeddedDatabase database() {
            return database;
        }

        @Override
        public void close() {
            database.close();
            registry.close();
            cluster.close();
            FileSystemUtils.deleteRecursively(directory.toFile());
        }
    }
}
