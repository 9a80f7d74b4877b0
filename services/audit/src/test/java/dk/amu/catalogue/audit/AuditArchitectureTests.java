package dk.amu.catalogue.audit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The audit's shape, as rules that fail the build: each says whether it follows direct or transitive dependencies. */
@AnalyzeClasses(packages = "dk.amu.catalogue.audit", importOptions = ImportOption.DoNotIncludeTests.class)
class AuditArchitectureTests {

    private static final String ROOT = "dk.amu.catalogue.audit";

    /** Every package of the service is a slice, its root package too (a pattern like ..audit.(*).. leaves the root out). */
    private static final SliceAssignment PACKAGES = new SliceAssignment() {

        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            var name = javaClass.getPackageName();
            if (name.equals(ROOT)) {
                return SliceIdentifier.of("(root)");
            }
            if (name.startsWith(ROOT + ".")) {
                return SliceIdentifier.of(name.substring(ROOT.length() + 1).split("\\.")[0]);
            }
            return SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "the audit's packages, the root package included";
        }
    };

    @ArchTest
    static final ArchRule noCyclesBetweenPackages = slices().assignedFrom(PACKAGES)
            .should().beFreeOfCycles()
            .as("no cycle between the audit's packages, the root package included (cycles of direct dependencies, "
                    + "however long)");

    @ArchTest
    static final ArchRule controllersUseNoKafkaTypesDirectly = noClasses()
            .that().haveSimpleNameEndingWith("Controller")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..")
            .as("controllers use no Kafka client or Spring Kafka type directly (direct dependencies only): they go "
                    + "through their feature's service class");

    @ArchTest
    static final ArchRule onlySystemDeclaresConfigurationProperties = classes()
            .that().areAnnotatedWith(ConfigurationProperties.class)
            .should().resideInAPackage(ROOT + ".system")
            .as("only the system package declares @ConfigurationProperties (the declaring class itself, no dependencies)");
}
