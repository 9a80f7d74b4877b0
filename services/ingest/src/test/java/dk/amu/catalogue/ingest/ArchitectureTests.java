package dk.amu.catalogue.ingest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ingest service's package rules, checked on its compiled main classes. Each rule's name says
 * whether it follows only direct dependencies or any path of them (transitive).
 */
@AnalyzeClasses(packages = ArchitectureTests.ROOT, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    static final String ROOT = "dk.amu.catalogue.ingest";

    @ArchTest
    static final ArchRule packagesFormNoCycle = slices().assignedFrom(new PackagesWithRoot())
            .should().beFreeOfCycles()
            .as("transitive: the packages of ingest, the root package included, form no cycle");

    @ArchTest
    static final ArchRule classesFormNoCycle = slices().assignedFrom(new TopLevelClasses())
            .should().beFreeOfCycles()
            .as("transitive: the top-level classes of ingest (each with its nested classes) form no cycle");

    @ArchTest
    static final ArchRule controllersUseNoKafka = noClasses()
            .that().areAnnotatedWith(RestController.class).or().areAnnotatedWith(Controller.class)
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..")
            .as("direct: controllers use no Kafka client or Spring Kafka type; they go through a service of their feature");

    @ArchTest
    static final ArchRule onlySystemDeclaresProperties = classes()
            .that().areAnnotatedWith(ConfigurationProperties.class)
            .should().resideInAPackage(ROOT + ".system")
            .as("direct: only the system package declares @ConfigurationProperties classes");

    @ArchTest
    static final ArchRule onlySystemBindsProperties = noMethods()
            .that().areAnnotatedWith(ConfigurationProperties.class)
            .should().beDeclaredInClassesThat().resideOutsideOfPackage(ROOT + ".system")
            .allowEmptyShould(true)
            .as("direct: only the system package binds @ConfigurationProperties on @Bean methods");

    /**
     * One slice per package directly under the root, with everything below it, and one for the root
     * package itself, which a pattern such as {@code ..ingest.(*)..} would leave out.
     */
    static final class PackagesWithRoot implements SliceAssignment {

        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            if (name.equals(ROOT)) {
                return SliceIdentifier.of("(root)");
            }
            if (!name.startsWith(ROOT + ".")) {
                return SliceIdentifier.ignore();
            }
            return SliceIdentifier.of(name.substring(ROOT.length() + 1).split("\\.")[0]);
        }

        @Override
        public String getDescription() {
            return "the packages of ingest, the root included";
        }
    }

    /** One slice per source file: a top-level class with the classes nested in it. */
    static final class TopLevelClasses implements SliceAssignment {

        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            if (!javaClass.getPackageName().startsWith(ROOT)) {
                return SliceIdentifier.ignore();
            }
            JavaClass topLevel = javaClass;
            while (topLevel.getEnclosingClass().isPresent()) {
                topLevel = topLevel.getEnclosingClass().get();
            }
            return SliceIdentifier.of(topLevel.getName());
        }

        @Override
        public String getDescription() {
            return "the top-level classes of ingest";
        }
    }
}
