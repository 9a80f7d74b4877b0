package dk.amu.catalogue.testkit;

import org.junit.jupiter.api.Test;

/**
 * A service's architecture tests: a service's {@code ArchitectureTests} extends this with its root
 * package, and {@link ServiceArchitecture}'s rules run against its main classes.
 */
public abstract class ServiceArchitectureTests {

    private final ServiceArchitecture architecture;

    protected ServiceArchitectureTests(String root) {
        this.architecture = ServiceArchitecture.of(root);
    }

    @Test
    void shouldHaveNoCyclesBetweenPackagesTransitively() {
        architecture.noCyclesBetweenPackagesTransitively().check(architecture.classes());
    }

    @Test
    void shouldKeepKafkaOutOfControllersDirectly() {
        architecture.controllersUseNoKafkaTypeDirectly().check(architecture.classes());
    }

    @Test
    void shouldKeepListenerTypesInTheConsumingPackageDirectly() {
        architecture.onlyConsumingUsesListenerTypesDirectly().check(architecture.classes());
    }

    @Test
    void shouldDeclareConfigurationPropertiesOnlyInSystemDirectly() {
        architecture.onlySystemDeclaresConfigurationProperties().check(architecture.classes());
    }
}
