package dk.amu.catalogue.projections;

import dk.amu.catalogue.testkit.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/** The service's architecture, as rules a change cannot break unnoticed ({@link ServiceArchitecture}). */
class ArchitectureTests {

    private static final ServiceArchitecture ARCHITECTURE = ServiceArchitecture.of("dk.amu.catalogue.projections");

    @Test
    void shouldHaveNoCyclesBetweenPackagesTransitively() {
        ARCHITECTURE.noCyclesBetweenPackagesTransitively().check(ARCHITECTURE.classes());
    }

    @Test
    void shouldKeepKafkaOutOfControllersDirectly() {
        ARCHITECTURE.controllersUseNoKafkaTypeDirectly().check(ARCHITECTURE.classes());
    }

    @Test
    void shouldKeepListenerTypesInTheConsumingPackageDirectly() {
        ARCHITECTURE.onlyConsumingUsesListenerTypesDirectly().check(ARCHITECTURE.classes());
    }

    @Test
    void shouldDeclareConfigurationPropertiesOnlyInSystemDirectly() {
        ARCHITECTURE.onlySystemDeclaresConfigurationProperties().check(ARCHITECTURE.classes());
    }
}
