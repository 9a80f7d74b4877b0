package dk.amu.catalogue.compose;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startable;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * What every {@code *IT} test class runs against, from the images docker-compose.yml runs: Kafka and
 * Confluent's Schema Registry on one network, and if asked the catalogue's topics and PostgreSQL 17.
 * Registered on a static field, it skips the class with one line where no Docker engine runs
 * ({@link DockerEngine}), starts the containers before the class and stops them after it:
 *
 * <pre>
 * &#64;RegisterExtension
 * static final ComposeStack compose = ComposeStack.kafkaAndRegistry().withCatalogueTopics().withPostgres();
 *
 * &#64;DynamicPropertySource
 * static void infrastructure(DynamicPropertyRegistry properties) {
 *     compose.register(properties);
 * }
 * </pre>
 *
 * Nothing touches Testcontainers before the class is known to run, so a skipped class logs nothing
 * but that line.
 */
public final class ComposeStack implements ExecutionCondition, BeforeAllCallback, AfterAllCallback {

    private boolean catalogueTopics;

    private boolean postgresWanted;

    private Network network;

    private KafkaContainer kafka;

    private GenericContainer<?> registry;

    private PostgreSQLContainer postgres;

    private ComposeStack() {
    }

    /** One broker and the registry, nothing in them: for a service that creates its own topics. */
    public static ComposeStack kafkaAndRegistry() {
        return new ComposeStack();
    }

    /** Also creates the events and snapshots topics with their policies, as ingest would have. */
    public ComposeStack withCatalogueTopics() {
        catalogueTopics = true;
        return this;
    }

    /** Also runs PostgreSQL 17, for the services that keep state in it. */
    public ComposeStack withPostgres() {
        postgresWanted = true;
        return this;
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return DockerEngine.missingHere()
                .map(ConditionEvaluationResult::disabled)
                .orElseGet(() -> ConditionEvaluationResult.enabled("a Docker engine answers"));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        network = Network.newNetwork();
        kafka = ComposeImages.kafka(network);
        registry = ComposeImages.schemaRegistry(network, kafka);
        postgres = postgresWanted ? ComposeImages.postgres() : null;
        // the registry waits for the broker; PostgreSQL starts beside them
        Startables.deepStart(started()).join();
        if (catalogueTopics) {
            ComposeImages.createTopics(kafka);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (network == null) {
            return;
        }
        var started = started();
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).stop();
        }
        network.close();
    }

    /** The settings a service reads its infrastructure from: the broker, the registry and, if run, the database. */
    public void register(DynamicPropertyRegistry properties) {
        properties.add("spring.kafka.bootstrap-servers", this::bootstrapServers);
        properties.add("catalogue.registry-url", this::registryUrl);
        if (postgresWanted) {
            properties.add("spring.datasource.url", () -> postgres.getJdbcUrl());
            properties.add("spring.datasource.username", () -> postgres.getUsername());
            properties.add("spring.datasource.password", () -> postgres.getPassword());
        }
    }

    /** The broker's address from the host. */
    public String bootstrapServers() {
        return running(kafka).getBootstrapServers();
    }

    /** The registry's URL from the host. */
    public String registryUrl() {
        return ComposeImages.registryUrl(running(registry));
    }

    private List<Startable> started() {
        var containers = new ArrayList<Startable>(List.of(kafka, registry));
        if (postgres != null) {
            containers.add(postgres);
        }
        return containers;
    }

    private static <C> C running(C container) {
        if (container == null) {
            throw new IllegalStateException("the compose containers start before the test class: register ComposeStack "
                    + "on a static field with @RegisterExtension");
        }
        return container;
    }
}
