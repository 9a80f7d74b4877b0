package dk.amu.catalogue.standalone;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dk.amu.catalogue.audit.cli.AuditCommand;
import dk.amu.catalogue.ingest.cli.IngestCommand;
import dk.amu.catalogue.postgres.EmbeddedDatabase;
import dk.amu.catalogue.standalone.deadletters.DeadLettersCommand;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The embedded default: one process runs a KRaft Kafka broker, the schema registry, PostgreSQL and
 * every service of {@link CatalogueServices}, each service in a child context of its own with its
 * own port and config file. Nothing but a JDK is needed. The parent holds only the infrastructure
 * and the shared clock, and no auto-configuration, so every service configures its own clients.
 *
 * <p>{@code java -jar standalone.jar ingest --fkb CODE FILE...} is the command line for documents instead,
 * {@code java -jar standalone.jar audit state|history|export|verify ...} the auditor's, and
 * {@code java -jar standalone.jar dead-letters list|show|redrive --service projections|notifier ...} the operator's
 * view of a running service's dead letters.
 */
@SpringBootConfiguration
@EnableConfigurationProperties(StandaloneProperties.class)
@Import(Infrastructure.class)
public class StandaloneApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("ingest")) {
            System.exit(IngestCommand.run(Arrays.copyOfRange(args, 1, args.length), Map.of("catalogue.ingest.auto-register-schemas", true),
                    System.out, System.err));
        }
        if (args.length > 0 && args[0].equals("audit")) {
            System.exit(AuditCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        if (args.length > 0 && args[0].equals("dead-letters")) {
            System.exit(DeadLettersCommand.run(Arrays.copyOfRange(args, 1, args.length), System.getenv(), System.out,
                    System.err));
        }
        start(args);
    }

    public static ConfigurableApplicationContext start(String... args) {
        var infrastructure = new SpringApplicationBuilder(StandaloneApplication.class)
                .web(WebApplicationType.NONE)
                .properties("spring.config.name=standalone")
                .run(args);
        var properties = infrastructure.getBean(StandaloneProperties.class);
        var database = infrastructure.getBean(EmbeddedDatabase.class);
        try {
            var adminToken = CatalogueServices.adminToken(infrastructure.getEnvironment());
            var services = CatalogueServices.all(properties);
            for (var service : services) {
                new SpringApplicationBuilder(service.application())
                        .parent(infrastructure)
                        .web(WebApplicationType.SERVLET)
                        .properties("spring.config.name=" + service.name())
                        // below command-line arguments and environment variables, above the service's own yml
                        .initializers(context -> context.getEnvironment().getPropertySources().addAfter(
                                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                                new MapPropertySource("standalone", CatalogueServices.settings(service, properties,
                                        database, adminToken, context.getEnvironment()))))
                        .run(args);
            }
            announceReady(properties, services);
        }
        catch (RuntimeException ex) {
            // the broker's threads would keep the JVM alive with nothing serving
            infrastructure.close();
            throw ex;
        }
        // closing the parent closes the services first, then the registry, the database and the broker
        return infrastructure;
    }

    private static void announceReady(StandaloneProperties properties, List<CatalogueService> services) {
        double seconds = ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0;
        var lines = new ArrayList<String>();
        lines.add(String.format("%nAMU catalogue tracker ready in %.1f s", seconds));
        for (var service : services) {
            lines.add(String.format("  %-16s %s%s", service.name(), properties.url(service.port()), service.home()));
        }
        lines.add(String.format("  %-16s %s", "schema registry", properties.registryUrl()));
        lines.add(String.format("  %-16s %s", "Kafka", properties.bootstrapServers()));
        lines.add(String.format("  %-16s %s:%d", "PostgreSQL", properties.host(), properties.ports().postgres()));
        lines.add(String.format("  %-16s %s%n", "data", properties.dataDirectory().toAbsolutePath().normalize()));
        System.out.println(String.join(System.lineSeparator(), lines));
    }
}
