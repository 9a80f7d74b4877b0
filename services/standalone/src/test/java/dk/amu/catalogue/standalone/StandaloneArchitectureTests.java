package dk.amu.catalogue.standalone;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dk.amu.catalogue.testkit.ServiceArchitecture;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The standalone runtime's package rules, checked on its compiled main classes. */
class StandaloneArchitectureTests {

    private static final String ROOT = "dk.amu.catalogue.standalone";

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);

    @Test
    void packagesFormNoCycleTransitively() {
        ServiceArchitecture.of(ROOT).noCyclesBetweenPackagesTransitively().check(classes);
    }

    /** Direct: the first JVM of {@code java -jar} only starts the second, so it loads neither Spring nor a service. */
    @Test
    void theLauncherUsesNothingButTheJdk() {
        noClasses().that().resideInAPackage(ROOT + ".launch..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "javax..", ROOT + ".launch..")
                .as("the launcher depends on the JDK alone (direct)")
                .check(classes);
    }
}
