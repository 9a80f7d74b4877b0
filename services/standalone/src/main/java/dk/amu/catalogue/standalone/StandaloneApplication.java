package dk.amu.catalogue.standalone;

import java.lang.management.ManagementFactory;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import dk.amu.catalogue.ingest.IngestApplication;
import dk.amu.catalogue.ingest.cli.IngestCommand;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The embedded default: one process runs a KRaft Kafka broker, the schema registry and every
 * service, each service in a child context of its own with its own port. Nothing but a JDK is needed.
 * The parent holds only the infrastructure and no auto-configuration, so every service configures
 * its own Kafka clients instead of finding the parent's.
 *
 * <p>{@code java -jar standalone.jar ingest --fkb CODE FILE...} is the command line for documents instead.
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
        start(args);
    }

    public static ConfigurableApplicationContext start(String... args) {
        var infrastructure = new SpringApplicationBuilder(StandaloneApplication.class)
                .web(WebApplicationType.NONE)
                .properties("spring.config.name=standalone")
                .run(args);
        var properties = infrastructure.getBean(StandaloneProperties.class);
        try {
            var ingest = new SpringApplicationBuilder(IngestApplication.class)
                    .parent(infrastructure)
                    .web(WebApplicationType.SERVLET)
                    .properties("spring.config.name=ingest")
                    // below command-line arguments and environment variables, above ingest.yml's defaults
                    .initializers(context -> context.getEnvironment().getPropertySources().addAfter(
                            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                            new MapPropertySource("standalone", ingestSettings(properties, context.getEnvironment()))))
                    .run(args);
            announceReady(properties, ingest);
        }
        catch (RuntimeException ex) {
            // the broker's threads would keep the JVM alive with nothing serving
            infrastructure.close();
            throw ex;
        }
        // closing the parent closes the services first, then the registry and the broker
        return infrastructure;
    }

    private static Map<String, Object> ingestSettings(StandaloneProperties properties,
            Environment environment) {
        var settings = new HashMap<String, Object>();
        settings.put("spring.main.banner-mode", "off");
        settings.put("server.port", properties.ingestPort());
        settings.put("server.address", properties.host());
        settings.put("spring.kafka.bootstrap-servers", properties.bootstrapServers());
        settings.put("catalogue.ingest.registry-url", properties.registryUrl());
        settings.put("catalogue.ingest.auto-register-schemas", true);
        settings.put("catalogue.ingest.samples", true);
        settings.put("catalogue.ingest.inbox.directory", properties.dataDirectory().resolve("inbox").toString());
        var token = environment.getProperty("catalogue.ingest.admin-token");
        if (token == null || token.isBlank()) {
            token = generatedToken();
            // printed, not logged: the operator needs it once, log files keep it for ever
            System.out.println("Admin token for uploads (set CATALOGUE_ADMIN_TOKEN to choose your own): " + token);
        }
        settings.put("catalogue.ingest.admin-token", token);
        return settings;
    }

    private static String generatedToken() {
        var bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void announceReady(StandaloneProperties properties, ConfigurableApplicationContext ingest) {
        double seconds = ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0;
        System.out.printf("%nAMU catalogue tracker ready in %.1f s%n"
                + "  Kafka            %s%n"
                + "  Schema registry  %s%n"
                + "  Ingest API       http://%s:%d/api/fkbs%n"
                + "  Data             %s%n%n",
                seconds, properties.bootstrapServers(), properties.registryUrl(), properties.host(),
                properties.ingestPort(), properties.dataDirectory().toAbsolutePath().normalize());
    }
}
