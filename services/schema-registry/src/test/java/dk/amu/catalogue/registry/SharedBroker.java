package dk.amu.catalogue.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import dk.amu.catalogue.kafka.broker.BrokerSettings;
import dk.amu.catalogue.kafka.broker.EmbeddedKafkaBroker;

/**
 * The one broker of this module's test JVM, started on first use and stopped when the JVM ends; each
 * test class runs its registries on a {@code _schemas} topic of its own, so none sees another's
 * subjects. (The services' tests get theirs from test-kit, which this module cannot use: test-kit
 * depends on it.)
 */
final class SharedBroker {

    private static EmbeddedKafkaBroker broker;

    private SharedBroker() {
    }

    static synchronized String bootstrapServers() {
        if (broker == null) {
            try {
                broker = EmbeddedKafkaBroker.start(BrokerSettings.onFreePorts(Files.createTempDirectory("registry-tests-kafka")));
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "registry-tests-broker-stop"));
        }
        return broker.bootstrapServers();
    }

    /** Registry settings on a free port, with a store topic named for the test class. */
    static RegistrySettings registrySettings(Class<?> testClass) {
        return RegistrySettings.onFreePort(bootstrapServers()).withTopic("_schemas-" + testClass.getSimpleName());
    }
}
