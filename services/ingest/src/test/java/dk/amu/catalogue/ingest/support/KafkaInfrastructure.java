package dk.amu.catalogue.ingest.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dk.amu.catalogue.kafka.broker.BrokerSettings;
import dk.amu.catalogue.kafka.broker.EmbeddedKafkaBroker;
import dk.amu.catalogue.registry.EmbeddedSchemaRegistry;
import dk.amu.catalogue.registry.RegistrySettings;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.util.FileSystemUtils;

/**
 * One real Kafka broker (in-process KRaft) and the project's schema registry for the whole test
 * run, started by the first test class that needs them and stopped when the run ends.
 */
public final class KafkaInfrastructure implements BeforeAllCallback {

    private static Running running;

    @Override
    public void beforeAll(ExtensionContext context) {
        started(context);
    }

    public static synchronized Running started(ExtensionContext context) {
        if (running == null) {
            running = Running.start();
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(KafkaInfrastructure.class, running);
        }
        return running;
    }

    public static Running running() {
        if (running == null) {
            throw new IllegalStateException("annotate the test class with @ExtendWith(KafkaInfrastructure.class)");
        }
        return running;
    }

    /** The properties a Spring Boot test of the ingest service needs to reach this infrastructure. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> running().bootstrapServers());
        registry.add("catalogue.registry-url", () -> running().registryUrl());
        registry.add("catalogue.ingest.auto-register-schemas", () -> "true");
    }

    public record Running(Path directory, EmbeddedKafkaBroker broker, EmbeddedSchemaRegistry registry)
            implements AutoCloseable {

        static Running start() {
            try {
                var directory = Files.createTempDirectory("ingest-tests-kafka");
                var broker = EmbeddedKafkaBroker.start(BrokerSettings.onFreePorts(directory));
                var registry = EmbeddedSchemaRegistry.start(new RegistrySettings(broker.bootstrapServers(), "127.0.0.1", 0, "_schemas"));
                return new Running(directory, broker, registry);
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }

        public String bootstrapServers() {
            return broker.bootstrapServers();
        }

        public String registryUrl() {
            return registry.url();
        }

        @Override
        public void close() throws IOException {
            registry.close();
            broker.close();
            FileSystemUtils.deleteRecursively(directory);
        }
    }
}
