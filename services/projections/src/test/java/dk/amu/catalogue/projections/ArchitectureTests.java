package dk.amu.catalogue.projections;

import dk.amu.catalogue.testkit.ServiceArchitectureTests;

/** The projections service held to the rules every service keeps (see docs/architecture.md). */
class ArchitectureTests extends ServiceArchitectureTests {

    ArchitectureTests() {
        super("dk.amu.catalogue.projections");
    }
}
