package dk.amu.catalogue.standalone;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

import dk.amu.catalogue.ingest.samples.SampleDocuments;
import dk.amu.catalogue.kafka.broker.EmbeddedKafkaBroker;
import dk.amu.catalogue.postgres.EmbeddedDatabase;
import dk.amu.catalogue.registry.EmbeddedSchemaRegistry;
import dk.amu.catalogue.standalone.launch.OptimizedLaunch;
import dk.amu.catalogue.standalone.logging.ServiceLabels;
import org.slf4j.MDC;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The embedded default: one process runs a KRaft Kafka broker, the schema registry, PostgreSQL and
 * every service of {@link CatalogueServices}, each service in a child context of its own with its
 * own port and config file, all started side by side. Nothing but a JDK is needed. The parent holds
 * only the infrastructure and the shared clock, and no auto-configuration, so every service
 * configures its own clients.
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

    /** Longer than a consumer group's session timeout, after which a crashed instance's partitions are free. */
    private static final Duration ASSIGNMENT_TIMEOUT = Duration.ofSeconds(90);

    /** The jar's main is {@link StandaloneMain}, which starts the commands without loading this class. */
    public static void main(String[] args) {
        StandaloneMain.main(args);
    }

    public static ConfigurableApplicationContext start(String... args) {
        var infrastructure = new SpringApplicationBuilder(StandaloneApplication.class)
                .web(WebApplicationType.NONE)
                .properties("spring.config.name=standalone")
                .run(args);
        var properties = infrastructure.getBean(StandaloneProperties.class);
        var database = Infrastructure.databaseSettings(properties);
        var gate = new InfrastructureGate(starting(infrastructure, EmbeddedKafkaBroker.class),
                starting(infrastructure, EmbeddedDatabase.class));
        Starting<EmbeddedSchemaRegistry> registry = starting(infrastructure, EmbeddedSchemaRegistry.class);
        try {
            var adminToken = CatalogueServices.adminToken(infrastructure.getEnvironment());
            var services = CatalogueServices.all(properties);
            services.forEach(service -> ServiceLabels.register(service.name(), service.port(), service.threads()));
            var started = startAll(services, service -> new SpringApplicationBuilder(service.application())
                    .parent(infrastructure)
                    .main(service.application())
                    .bannerMode(Banner.Mode.OFF)
                    .web(WebApplicationType.SERVLET)
                    .properties("spring.config.name=" + service.name())
                    // below command-line arguments and environment variables, above the service's own yml
                    .initializers(context -> {
                        context.getEnvironment().getPropertySources().addAfter(
                                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                                new MapPropertySource("standalone", CatalogueServices.settings(service, properties,
                                        database, adminToken, context.getEnvironment())));
                        context.getBeanFactory().addBeanPostProcessor(gate);
                        context.getBeanFactory().registerSingleton("schemaRegistryGate", new SchemaRegistryGate(registry));
                        context.getBeanFactory().registerSingleton("eagerBeans", new EagerBeans());
                    })
                    .run(args));
            // a service that needed neither did not wait for them
            infrastructure.getBean(EmbeddedKafkaBroker.class);
            infrastructure.getBean(EmbeddedSchemaRegistry.class);
            infrastructure.getBean(EmbeddedDatabase.class);
            ConsumerAssignments.await(started, properties.bootstrapServers(), ASSIGNMENT_TIMEOUT);
            announceReady(properties, services);
            ingestSamples(started);
        }
        catch (RuntimeException ex) {
            // the broker's threads would keep the JVM alive with nothing serving
            infrastructure.close();
            throw ex;
        }
        // closing the parent closes the services first, then the registry, the database and the broker
        return infrastructure;
    }

    private static <T extends AutoCloseable> Starting<T> starting(ConfigurableApplicationContext infrastructure, Class<T> what) {
        return infrastructure.<Starting<T>>getBeanProvider(ResolvableType.forClassWithGenerics(Starting.class, what)).getObject();
    }

    /**
     * Starts every service at once, each on a thread named for it: a service's start is mostly one
     * thread loading classes and making beans, so side by side they use every core, and one waiting
     * for Kafka or PostgreSQL does not hold up the others. The first failure is thrown once all have
     * finished; closing the parent then closes those that did start.
     */
    private static Map<CatalogueService, ConfigurableApplicationContext> startAll(List<CatalogueService> services,
            Function<CatalogueService, ConfigurableApplicationContext> start) {
        var starts = new ArrayList<CompletableFuture<ConfigurableApplicationContext>>();
        for (var service : services) {
            var future = new CompletableFuture<ConfigurableApplicationContext>();
            var thread = new Thread(() -> {
                try {
                    future.complete(start.apply(service));
                }
                catch (Throwable ex) {
                    future.completeExceptionally(ex);
                }
            }, service.name() + "-start");
            thread.start();
            starts.add(future);
        }
        var started = new LinkedHashMap<CatalogueService, ConfigurableApplicationContext>();
        RuntimeException failure = null;
        for (int i = 0; i < services.size(); i++) {
            try {
                started.put(services.get(i), starts.get(i).join());
            }
            catch (CompletionException ex) {
                if (failure == null) {
                    failure = ex.getCause() instanceof RuntimeException runtime ? runtime : ex;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return started;
    }

    /**
     * After "ready": a first start's samples are the first documents the ready services take in, so
     * the start does not wait for them; their lines are ingest's, though they run on this thread.
     * {@code --catalogue.ingest.samples=false} leaves them out. Samples that fail (the process stopping
     * as they go in) are said on stderr and leave the services running.
     */
    private static void ingestSamples(Map<CatalogueService, ConfigurableApplicationContext> started) {
        started.forEach((service, context) -> {
            if (service.name().equals("ingest")
                    && context.getEnvironment().getProperty("catalogue.ingest.samples", Boolean.class, true)) {
                try (var label = MDC.putCloseable(ServiceLabels.MDC_KEY, service.name())) {
                    context.getBean(SampleDocuments.class).ingestOnFirstStart();
                }
                catch (RuntimeException ex) {
                    // a stop while they went in, say: each document is one transaction, so none is half there
                    System.err.println("The bundled samples were not all ingested (" + ex.getMessage()
                            + "); the services run on, and the next start on an empty log tries again");
                }
            }
        });
    }

    private static void announceReady(StandaloneProperties properties, List<CatalogueService> services) {
        // from the start of the JVM that `java -jar` started, which may have launched this one (OptimizedLaunch)
        var launchedAt = Long.getLong(OptimizedLaunch.LAUNCHED_AT, ManagementFactory.getRuntimeMXBean().getStartTime());
        double seconds = (System.currentTimeMillis() - launchedAt) / 1000.0;
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
