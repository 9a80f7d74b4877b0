package dk.amu.catalogue.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;

/**
 * The rules every service's architecture is held to, checked by ArchUnit on the service's main
 * classes. Each rule's name says whether it checks direct dependencies (an import, a call, a field
 * type) or transitive ones (a path through other packages).
 *
 * @param root     the service's root package, e.g. {@code dk.amu.catalogue.notifier}
 * @param classes  the service's main classes
 */
public record ServiceArchitecture(String root, JavaClasses classes) {

    /** The listener types of {@code event-consumer}: how a service plugs into the consumer shape. */
    private static final String LISTENER_TYPES = "dk\\.amu\\.catalogue\\.eventconsumer\\.(EventConsumer|BatchHandler|"
            + "BatchApplied|ListenerContainers|DeadLetters|SeekToStoredPositions|EventConsumerAutoConfiguration)";

    public static ServiceArchitecture of(String root) {
        return new ServiceArchitecture(root, new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(root));
    }

    /** Transitive: no path of dependencies leads from a package back to itself, the root package counted as one. */
    public ArchRule noCyclesBetweenPackagesTransitively() {
        return SlicesRuleDefinition.slices().assignedFrom(new TopLevelPackages(root)).should().beFreeOfCycles()
                .as("no cycles between the packages of " + root + ", its root package included (transitive)");
    }

    /** Direct: a controller reaches Kafka only through a service class of its feature. */
    public ArchRule controllersUseNoKafkaTypeDirectly() {
        return noClasses().that().areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
                .or().areAnnotatedWith("org.springframework.stereotype.Controller")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..")
                .as("controllers and page controllers use no Kafka client or Spring Kafka type (direct)")
                .allowEmptyShould(true);
    }

    /** Direct: the consumer's plumbing stays in the package that consumes. */
    public ArchRule onlyConsumingUsesListenerTypesDirectly() {
        return noClasses().that().resideOutsideOfPackage(root + ".consuming..")
                .should().dependOnClassesThat().haveNameMatching(LISTENER_TYPES)
                .as("only the consuming package uses event-consumer's listener types (direct)")
                .allowEmptyShould(true);
    }

    /** Direct: settings are declared in one place per service. */
    public ArchRule onlySystemDeclaresConfigurationProperties() {
        return noClasses().that().resideOutsideOfPackage(root + ".system..")
                .should().beAnnotatedWith("org.springframework.boot.context.properties.ConfigurationProperties")
                .as("only the system package declares @ConfigurationProperties (direct)")
                .allowEmptyShould(true);
    }

    /** Each class's slice is the first package below the root; the root package is a slice of its own. */
    private record TopLevelPackages(String root) implements SliceAssignment {

        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            var name = javaClass.getPackageName();
            if (name.equals(root)) {
                return SliceIdentifier.of("(root)");
            }
            if (name.startsWith(root + ".")) {
                return SliceIdentifier.of(name.substring(root.length() + 1).split("\\.")[0]);
            }
            return SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "the packages of " + root + ", the root package included";
        }
    }
}
