package dk.amu.catalogue.notifier;

import dk.amu.catalogue.testkit.ServiceArchitectureTests;

/** The notifier service held to the rules every service keeps (see docs/architecture.md). */
class ArchitectureTests extends ServiceArchitectureTests {

    ArchitectureTests() {
        super("dk.amu.catalogue.notifier");
    }
}
