package dk.amu.catalogue.benchmarks;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import dk.amu.catalogue.eventlog.CatalogueTopics;
import dk.amu.catalogue.kafka.broker.ClusterSettings;
import dk.amu.catalogue.kafka.broker.EmbeddedKafkaCluster;
import dk.amu.catalogue.postgres.DatabaseSettings;
import dk.amu.catalogue.postgres.EmbeddedDatabase;
import dk.amu.catalogue.projections.ProjectionsApplication;
import dk.amu.catalogue.registry.EmbeddedSchemaRegistry;
import dk.amu.catalogue.registry.RegistrySettings;
import dk.amu.catalogue.testkit.EventLogWriter;
import dk.amu.catalogue.testkit.SyntheticCatalogue;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * How long the projections take to catch up after a broker dies, against the time the same events
 * take with no fault, on the three-broker in-process cluster (RF 3, {@code min.insync.replicas=2}).
 * A synthetic log (the test kit's {@code SyntheticCatalogue}) is written once; then the projections
 * service applies it from offset 0 into a fresh database, again and again: alternately with no fault
 * and with the broker that coordinates the projections' consumer group (and leads some of the events
 * partitions) killed the moment a quarter of the log has been applied, and once more with no fault;
 * the medians are compared. "Catch-up after the
 * kill" is the time from the kill until every event is in {@code projections.changes}; the no-fault
 * figure is the time from the same quarter to the end. A kill is a crash to the other brokers
 * ({@code EmbeddedKafkaCluster#kill}): its leaderships move when the controller misses its heartbeats.
 *
 * <p>{@code java -cp services/benchmarks/target/benchmarks.jar dk.amu.catalogue.benchmarks.ProjectionsRecoveryHarness [events] [fkbs] [rounds]}
 */
public final class ProjectionsRecoveryHarness {

    private static final String GROUP = CatalogueTopics.consumerGroup("projections");

    private ProjectionsRecoveryHarness() {
    }

    /** Seconds from the start of the service to a quarter of the log applied, and from there to all of it. */
    private record Run(String name, double toQuarter, double fromQuarter, String fault) {
    }

    public static void main(String[] args) throws Exception {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 60_000;
        int fkbs = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        var data = Files.createTempDirectory("projections-recovery");
        try (var cluster = EmbeddedKafkaCluster.start(ClusterSettings.onFreePorts(data.resolve("kafka"), 3));
                var registry = EmbeddedSchemaRegistry.start(new RegistrySettings(cluster.bootstrapServers(), "127.0.0.1", 0, "_schemas"));
                var database = EmbeddedDatabase.start(DatabaseSettings.onFreePort(data.resolve("postgres")))) {
            try (var admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
                admin.createTopics(CatalogueTopics.replicated((short) 3, 2)).all().get();
            }
            var writeStarted = System.nanoTime();
            try (var writer = new EventLogWriter(cluster.bootstrapServers(), registry.url())) {
                writer.write(new SyntheticCatalogue(42, fkbs, events, Instant.parse("2020-01-01T00:00:00Z")), 10_000);
            }
            System.out.printf("%nLOG: %d events over %d FKBs written to three brokers in %.1f s%n", events, fkbs,
                    ProjectionsRebuildHarness.seconds(writeStarted));

            // no fault and fault alternate, so that a change in the machine's load falls on both
            var clean = new ArrayList<Run>();
            var faults = new ArrayList<Run>();
            for (int round = 1; round <= rounds; round++) {
                clean.add(apply(cluster, registry, database, "no_fault_" + round, events, false));
                faults.add(apply(cluster, registry, database, "broker_killed_" + round, events, true));
            }
            clean.add(apply(cluster, registry, database, "no_fault_" + (rounds + 1), events, false));
            for (int i = 0; i < clean.size(); i++) {
                print(clean.get(i), events);
                if (i < faults.size()) {
                    print(faults.get(i), events);
                }
            }
            double noFault = median(clean);
            double fault = median(faults);
            System.out.printf("RECOVERY: caught up in %.2f s after the kill (median of %d), against %.2f s for the same events "
                    + "with no fault (median of %d): ratio %.2f%n", fault, faults.size(), noFault, clean.size(), fault / noFault);
        }
        org.springframework.util.FileSystemUtils.deleteRecursively(data.toFile());
    }

    private static void print(Run run, long events) {
        System.out.printf("RUN %-16s start to 1/4: %6.2f s   1/4 to all (%d events): %6.2f s = %.0f events/s %s%n",
                run.name(), run.toQuarter(), events - events / 4, run.fromQuarter(),
                (events - events / 4) / run.fromQuarter(), run.fault());
    }

    private static double median(List<Run> runs) {
        var sorted = runs.stream().mapToDouble(Run::fromQuarter).sorted().toArray();
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static Run apply(EmbeddedKafkaCluster cluster, EmbeddedSchemaRegistry registry, EmbeddedDatabase database,
            String name, long events, boolean killABroker) throws Exception {
        var url = createDatabase(database, name);
        var started = System.nanoTime();
        try (var context = projections(cluster.bootstrapServers(), registry.url(), database, url);
                var connection = DriverManager.getConnection(url, database.username(), database.password())) {
            awaitApplied(connection, events / 4);
            var quarter = System.nanoTime();
            var fault = "";
            int victim = -1;
            if (killABroker) {
                victim = coordinator(cluster);
                var led = ledPartitions(cluster, victim);
                cluster.kill(victim);
                fault = "(killed broker " + victim + ": the group's coordinator, leader of events partitions " + led + ")";
            }
            awaitApplied(connection, events);
            var done = System.nanoTime();
            if (killABroker) {
                cluster.restart(victim);
                while (!cluster.underReplicatedPartitions().isEmpty()) {
                    TimeUnit.MILLISECONDS.sleep(200);
                }
            }
            return new Run(name, (quarter - started) / 1e9, (done - quarter) / 1e9, fault);
        }
    }

    private static int coordinator(EmbeddedKafkaCluster cluster) throws Exception {
        try (var admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
            return admin.describeConsumerGroups(List.of(GROUP)).all().get().get(GROUP).coordinator().id();
        }
    }

    private static TreeSet<Integer> ledPartitions(EmbeddedKafkaCluster cluster, int broker) throws Exception {
        try (var admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
            var led = new TreeSet<Integer>();
            admin.describeTopics(List.of(CatalogueTopics.EVENTS)).allTopicNames().get().get(CatalogueTopics.EVENTS).partitions()
                    .forEach(p -> {
                        if (p.leader() != null && p.leader().id() == broker) {
                            led.add(p.partition());
                        }
                    });
            return led;
        }
    }

    private static String createDatabase(EmbeddedDatabase database, String name) throws SQLException {
        try (var connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
                var statement = connection.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
            statement.execute("create database " + name);
        }
        return database.jdbcUrl().substring(0, database.jdbcUrl().lastIndexOf('/') + 1) + name;
    }

    private static ConfigurableApplicationContext projections(String bootstrapServers, String registryUrl,
            EmbeddedDatabase database, String url) {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("benchmark", Map.of(
                "spring.config.name", ProjectionsApplication.CONFIG_NAME,
                "server.port", 0,
                "spring.kafka.bootstrap-servers", bootstrapServers,
                "catalogue.registry-url", registryUrl,
                "spring.datasource.url", url,
                "spring.datasource.username", database.username(),
                "spring.datasource.password", database.password(),
                "logging.level.root", "WARN",
                "logging.level.org.apache.kafka.clients.NetworkClient", "ERROR")));
        return new SpringApplicationBuilder(ProjectionsApplication.class).environment(environment)
                .bannerMode(Banner.Mode.OFF).logStartupInfo(false).run();
    }

    private static void awaitApplied(Connection connection, long events) throws Exception {
        while (count(connection) < events) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    private static long count(Connection connection) throws Exception {
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery("select count(*) from projections.changes")) {
            rows.next();
            return rows.getLong(1);
        }
        catch (SQLException notYetMigrated) {
            return 0;
        }
    }
}
