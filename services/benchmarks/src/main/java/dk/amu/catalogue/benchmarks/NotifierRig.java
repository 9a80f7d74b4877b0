package dk.amu.catalogue.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dk.amu.catalogue.eventlog.CatalogueTopics;
import dk.amu.catalogue.ingest.IngestApplication;
import dk.amu.catalogue.ingest.ingestion.DocumentSubmission;
import dk.amu.catalogue.ingest.ingestion.IngestionReport;
import dk.amu.catalogue.ingest.ingestion.IngestionService;
import dk.amu.catalogue.kafka.broker.BrokerSettings;
import dk.amu.catalogue.kafka.broker.EmbeddedKafkaBroker;
import dk.amu.catalogue.notifier.NotifierApplication;
import dk.amu.catalogue.postgres.DatabaseSettings;
import dk.amu.catalogue.postgres.EmbeddedDatabase;
import dk.amu.catalogue.registry.EmbeddedSchemaRegistry;
import dk.amu.catalogue.registry.RegistrySettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the notifier harnesses share: the in-process broker, the embedded registry and an embedded
 * PostgreSQL 17, the real ingest service (documents in, events on the topic) and the real notifier
 * on them, a {@link LocalWebhookReceiver}, and subscriptions made through the notifier's own HTTP API.
 */
final class NotifierRig implements AutoCloseable {

    static final String ADMIN_TOKEN = "benchmark-admin-token";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EmbeddedKafkaBroker broker;

    private final EmbeddedSchemaRegistry registry;

    private final EmbeddedDatabase database;

    private final ConfigurableApplicationContext ingest;

    private final ConfigurableApplicationContext notifier;

    private final LocalWebhookReceiver receiver;

    private final HttpClient http = HttpClient.newHttpClient();

    private String schoolKey;

    private NotifierRig(EmbeddedKafkaBroker broker, EmbeddedSchemaRegistry registry, EmbeddedDatabase database,
            ConfigurableApplicationContext ingest, ConfigurableApplicationContext notifier, LocalWebhookReceiver receiver) {
        this.broker = broker;
        this.registry = registry;
        this.database = database;
        this.ingest = ingest;
        this.notifier = notifier;
        this.receiver = receiver;
    }

    /** @param notifierSettings what differs from the notifier's defaults in this harness */
    static NotifierRig start(Map<String, Object> notifierSettings, int receiverThreads) throws Exception {
        var data = Files.createTempDirectory("notifier-bench");
        var broker = EmbeddedKafkaBroker.start(BrokerSettings.onFreePorts(data.resolve("kafka")));
        var registry = EmbeddedSchemaRegistry.start(new RegistrySettings(broker.bootstrapServers(), "127.0.0.1", 0, "_schemas"));
        var database = EmbeddedDatabase.start(DatabaseSettings.onFreePort(data.resolve("postgres")));
        try (var admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(new ArrayList<>(CatalogueTopics.singleBroker())).all().get();
        }
        var receiver = LocalWebhookReceiver.start(receiverThreads);
        var ingest = ingestService(broker.bootstrapServers(), registry.url());
        var settings = new HashMap<String, Object>(Map.of(
                "spring.config.name", NotifierApplication.CONFIG_NAME,
                "server.port", 0,
                "spring.kafka.bootstrap-servers", broker.bootstrapServers(),
                "catalogue.registry-url", registry.url(),
                "spring.datasource.url", database.jdbcUrl(),
                "spring.datasource.username", database.username(),
                "spring.datasource.password", database.password(),
                "catalogue.notifier.admin-token", ADMIN_TOKEN,
                "catalogue.notifier.allow-private-targets", true,
                "logging.level.root", "WARN"));
        settings.putAll(notifierSettings);
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("benchmark", settings));
        var notifier = new SpringApplicationBuilder(NotifierApplication.class).environment(environment)
                .bannerMode(Banner.Mode.OFF).logStartupInfo(false).run();
        return new NotifierRig(broker, registry, database, ingest, notifier, receiver);
    }

    private static ConfigurableApplicationContext ingestService(String bootstrapServers, String registryUrl) {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("benchmark-ingest", Map.of(
                "spring.config.name", "ingest",
                "catalogue.ingest.scheduling", false,
                "catalogue.ingest.samples", false,
                "catalogue.ingest.auto-register-schemas", true,
                "spring.kafka.bootstrap-servers", bootstrapServers,
                "catalogue.registry-url", registryUrl,
                "logging.level.root", "WARN",
                // the notifier beside it brings JDBC onto the classpath; ingest has no database
                "spring.autoconfigure.exclude", "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
                        + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration")));
        return new SpringApplicationBuilder(IngestApplication.class).environment(environment)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false).run();
    }

    int notifierPort() {
        return ((WebServerApplicationContext) notifier).getWebServer().getPort();
    }

    /** The embedded PostgreSQL's port, for a client such as psql beside the notifier. */
    int databasePort() {
        var url = database.jdbcUrl();
        return Integer.parseInt(url.substring(url.lastIndexOf(':') + 1, url.lastIndexOf('/')));
    }

    LocalWebhookReceiver receiver() {
        return receiver;
    }

    <T> T notifierBean(Class<T> type) {
        return notifier.getBean(type);
    }

    /** Parses, diffs and commits the document's events in one Kafka transaction; returns when they are committed. */
    IngestionReport ingest(String fkbCode, String document) {
        return ingest.getBean(IngestionService.class).ingest(new DocumentSubmission(fkbCode,
                document.getBytes(StandardCharsets.UTF_8), fkbCode + ".txt", "Benchmark " + fkbCode, false));
    }

    long pendingWebhooks() {
        return notifier.getBean(JdbcTemplate.class).queryForObject(
                "select count(*) from notifier.deliveries where status = 'PENDING' and channel = 'WEBHOOK'", Long.class);
    }

    long deliveredWebhooks() {
        return notifier.getBean(JdbcTemplate.class).queryForObject(
                "select count(*) from notifier.deliveries where status = 'DELIVERED' and channel = 'WEBHOOK'", Long.class);
    }

    /** {@code count} subscriptions of one school through the HTTP API, endpoint i at the receiver's /hooks/i. */
    void subscribe(int count, Map<String, List<String>> filters) throws Exception {
        if (schoolKey == null) {
            schoolKey = post("/api/schools", ADMIN_TOKEN, Map.of("name", "Benchmark school", "email", "bench@example.org"))
                    .get("apiKey").asString();
        }
        for (int i = 0; i < count; i++) {
            var body = new HashMap<String, Object>(filters);
            body.put("webhookUrl", receiver.url(i));
            receiver.trust(i, post("/api/subscriptions", schoolKey, body).get("webhookSecret").asString());
        }
    }

    private JsonNode post(String path, String token, Object body) throws Exception {
        var port = ((WebServerApplicationContext) notifier).getWebServer().getPort();
        var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /**
     * A synthetic FKB document of {@code links} courses (10000, 10001, ...), all linked since
     * 19-12-2024; the first {@code moved} end on a date that moves one day with each {@code version},
     * years ahead so that no expiry warning is due. Each new version is one {@code FkbRevised} and
     * {@code moved} {@code CourseLinkEndScheduled} events.
     */
    static String document(int links, int moved, int version) {
        var text = new StringBuilder()
                .append("Målgruppen for FKB Benchmark er medarbejdere i en syntetisk branche.\n\n")
                .append("Aktuelt tilkoblede mål\n\nNiveau kan angives ved enkeltfag.\n\n")
                .append("Nummer, niveau og titel EUU Varighed\ni dage\n\nTilknyttet i perioden\n\n");
        var end = LocalDate.of(2035, 1, 1).plusDays(version);
        for (int j = 0; j < links; j++) {
            var period = j < moved ? String.format("til %02d-%02d-%d", end.getDayOfMonth(), end.getMonthValue(), end.getYear())
                    : "og fremefter";
            text.append(String.format("%05d Benchmark-kursus nummer %d AD 2,0 19-12-2024 %s%n", 10000 + j, j, period));
        }
        return text.toString();
    }

    static double percentile(double[] sorted, double p) {
        return sorted[Math.max(0, (int) Math.ceil(sorted.length * p) - 1)];
    }

    @Override
    public void close() throws Exception {
        notifier.close();
        ingest.close();
        receiver.close();
        database.close();
        registry.close();
        broker.close();
    }
}
