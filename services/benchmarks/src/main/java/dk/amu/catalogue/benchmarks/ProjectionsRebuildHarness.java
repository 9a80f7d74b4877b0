package dk.amu.catalogue.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dk.amu.catalogue.eventlog.CatalogueTopics;
import dk.amu.catalogue.kafka.broker.BrokerSettings;
import dk.amu.catalogue.kafka.broker.EmbeddedKafkaBroker;
import dk.amu.catalogue.postgres.DatabaseSettings;
import dk.amu.catalogue.postgres.EmbeddedDatabase;
import dk.amu.catalogue.projections.ProjectionsApplication;
import dk.amu.catalogue.projections.consuming.LiveConsumer;
import dk.amu.catalogue.projections.rebuild.RebuildProgress;
import dk.amu.catalogue.projections.rebuild.Rebuilds;
import dk.amu.catalogue.registry.EmbeddedSchemaRegistry;
import dk.amu.catalogue.registry.RegistrySettings;
import dk.amu.catalogue.testkit.EventLogWriter;
import dk.amu.catalogue.testkit.SyntheticCatalogue;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.tools.ConsumerPerformance;
import org.postgresql.PGConnection;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Rebuild throughput of the projections service: a synthetic log of N events (default 1,000,000)
 * in the in-process broker, the service against an embedded PostgreSQL 17, first caught up by its
 * live consumer, then {@code Rebuilds.start()} timed from its start to its switch-over. Beside it, on
 * the same topic and the same tables in the same run: Kafka's ConsumerPerformance (raw read rate)
 * and a plain PgJDBC COPY of the rebuilt rows into empty copies of the tables. Then the live path:
 * 1,000 single-event transactions, each timed from its commit until the API shows it. The live
 * consumer is stopped while the rebuild runs unless {@code -Dlive-catch-up=true} asks to time it
 * applying the whole log first.
 *
 * <p>{@code java -cp services/benchmarks/target/benchmarks.jar dk.amu.catalogue.benchmarks.ProjectionsRebuildHarness [events] [fkbs]}
 */
public final class ProjectionsRebuildHarness {

    private static final List<String> TABLES = List.of("fkbs", "fkb_revisions", "link_versions", "links", "changes",
            "consumer_positions");

    private ProjectionsRebuildHarness() {
    }

    public static void main(String[] args) throws Exception {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        int fkbs = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        var data = Files.createTempDirectory("projections-rebuild");
        try (var broker = EmbeddedKafkaBroker.start(BrokerSettings.onFreePorts(data.resolve("kafka")));
                var registry = EmbeddedSchemaRegistry.start(new RegistrySettings(broker.bootstrapServers(), "127.0.0.1", 0, "_schemas"));
                var database = EmbeddedDatabase.start(DatabaseSettings.onFreePort(data.resolve("postgres")))) {
            createTopics(broker.bootstrapServers());
            var writeStarted = System.nanoTime();
            try (var writer = new EventLogWriter(broker.bootstrapServers(), registry.url())) {
                writer.write(new SyntheticCatalogue(42, fkbs, events, Instant.parse("2020-01-01T00:00:00Z")), 10_000);
            }
            System.out.printf("%nLOG: %d events over %d FKBs written in %.1f s%n", events, fkbs, seconds(writeStarted));

            var readStarted = System.nanoTime();
            ConsumerPerformance.main(new String[] { "--bootstrap-server", broker.bootstrapServers(), "--topic",
                    CatalogueTopics.EVENTS, "--messages", Long.toString(events), "--timeout", "60000",
                    "--command-property", "isolation.level=read_committed" });
            var readRate = events / seconds(readStarted);
            System.out.printf("CONSUMER PERFORMANCE: %d records read in %.2f s (incl. client start) = %.0f records/s%n",
                    events, seconds(readStarted), readRate);

            try (var context = projections(broker.bootstrapServers(), registry.url(), database)) {
                if (Boolean.getBoolean("live-catch-up")) {
                    var catchUpStarted = System.nanoTime();
                    awaitApplied(database, events);
                    System.out.printf("LIVE CATCH-UP: %d events applied by the listener in %.1f s = %.0f events/s%n",
                            events, seconds(catchUpStarted), events / seconds(catchUpStarted));
                }
                else {
                    // the rebuild replays everything from offset 0 whatever the live tables hold
                    context.getBean(LiveConsumer.class).stop();
                }

                var rebuilds = context.getBean(Rebuilds.class);
                var rebuildStarted = System.nanoTime();
                rebuilds.start();
                RebuildProgress progress;
                do {
                    Thread.sleep(200);
                    progress = rebuilds.progress();
                }
                while (progress.running());
                var rebuildSeconds = seconds(rebuildStarted);
                if (progress.state() != RebuildProgress.State.DONE) {
                    throw new IllegalStateException("rebuild failed: " + progress.message());
                }
                var rebuildRate = progress.replayed() / rebuildSeconds;
                System.out.printf("REBUILD: %d events replayed into a shadow schema and switched over in %.2f s = %.0f events/s%n",
                        progress.replayed(), rebuildSeconds, rebuildRate);

                var copySeconds = copyBaseline(database);
                System.out.printf("COPY BASELINE: the rebuilt rows of %s copied into empty tables in %.2f s = %.0f events/s%n",
                        TABLES, copySeconds, events / copySeconds);
                System.out.printf("RATIOS: rebuild = %.0f %% of ConsumerPerformance, %.0f %% of COPY%n",
                        100 * rebuildRate / readRate, 100 * rebuildRate * copySeconds / events);

                LiveLatency.measure(context, broker.bootstrapServers(), registry.url(), 1_000);
            }
        }
        // the HTTP client behind RestClient leaves non-daemon threads that would keep the JVM up
        System.exit(0);
    }

    private static ConfigurableApplicationContext projections(String bootstrapServers, String registryUrl,
            EmbeddedDatabase database) {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("benchmark", Map.of(
                "spring.config.name", ProjectionsApplication.CONFIG_NAME,
                "server.port", 0,
                "spring.kafka.bootstrap-servers", bootstrapServers,
                "catalogue.registry-url", registryUrl,
                "spring.datasource.url", database.jdbcUrl(),
                "spring.datasource.username", database.username(),
                "spring.datasource.password", database.password(),
                "logging.level.root", "WARN",
                "logging.level.dk.amu.catalogue.projections.rebuild", "INFO")));
        return new SpringApplicationBuilder(ProjectionsApplication.class).environment(environment)
                .bannerMode(Banner.Mode.OFF).logStartupInfo(false).run();
    }

    private static void awaitApplied(EmbeddedDatabase database, long events) throws Exception {
        try (var connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password())) {
            while (count(connection, "projections.changes") < events) {
                Thread.sleep(200);
            }
        }
    }

    /** COPY out of the rebuilt tables, then COPY in to empty copies of them: PostgreSQL's own bulk rate. */
    private static double copyBaseline(EmbeddedDatabase database) throws Exception {
        try (var connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password())) {
            var copies = connection.unwrap(PGConnection.class).getCopyAPI();
            var dumps = new HashMap<String, byte[]>();
            try (var statement = connection.createStatement()) {
                statement.execute("drop schema if exists copy_baseline cascade; create schema copy_baseline");
                for (var table : TABLES) {
                    statement.execute("create table copy_baseline." + table + " (like projections." + table
                            + " including all)");
                    var out = new ByteArrayOutputStream();
                    copies.copyOut("copy projections." + table + " to stdout (format binary)", out);
                    dumps.put(table, out.toByteArray());
                }
            }
            connection.setAutoCommit(false);
            var started = System.nanoTime();
            for (var table : TABLES) {
                copies.copyIn("copy copy_baseline." + table + " from stdin (format binary)",
                        new ByteArrayInputStream(dumps.get(table)));
            }
            connection.commit();
            return seconds(started);
        }
    }

    private static long count(Connection connection, String table) throws Exception {
        try (var statement = connection.createStatement(); var rows = statement.executeQuery("select count(*) from " + table)) {
            rows.next();
            return rows.getLong(1);
        }
        catch (SQLException notYetMigrated) {
            return 0;
        }
    }

    private static void createTopics(String bootstrapServers) throws Exception {
        try (var admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(new ArrayList<>(CatalogueTopics.singleBroker())).all().get();
        }
    }

    static double seconds(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toNanos() / 1e9;
    }
}
