package dk.amu.catalogue.audit.system;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import dk.amu.catalogue.audit.queries.AuditQueries;
import dk.amu.catalogue.audit.replay.EventDecoder;
import dk.amu.catalogue.audit.replay.LogEnds;
import dk.amu.catalogue.audit.replay.LogReplay;
import dk.amu.catalogue.audit.replay.ReplayGate;
import dk.amu.catalogue.serde.registry.SchemaRegistryClient;
import dk.amu.catalogue.settings.CatalogueProperties;
import dk.amu.catalogue.settings.CatalogueSettingsAutoConfiguration;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.slf4j.LoggerFactory;

/**
 * The queries for one command on the command line, from the same settings as the service (the
 * given ones, then system properties and environment variables, then {@code audit.yml}'s) but
 * without an application context: a command asks one question and exits, and starting Spring Boot's
 * context (its logging system, config data, auto-configuration and validator) took most of a
 * command's time, and its {@code Binder} a sixth of what was left ({@link CommandLineSettings}).
 * See docs/benchmarks.md, "Audit command line".
 */
public final class CommandLineAudit implements AutoCloseable {

    private final AuditQueries queries;

    private final LogEnds ends;

    private CommandLineAudit(AuditQueries queries, LogEnds ends) {
        this.queries = queries;
        this.ends = ends;
    }

    /** @param settings Spring property names and values that win over everything else */
    public static CommandLineAudit open(Map<String, Object> settings) {
        quietLogging();
        var read = CommandLineSettings.of(settings);
        var audit = read.bind("catalogue.audit", AuditProperties.class);
        var catalogue = read.bind("catalogue", CatalogueProperties.class);
        var consumer = KafkaReaders.replay(kafka(read), audit);
        // a replay reads to the ends it took at its start: the broker holding a fetch open for newer records only
        // delays the replay's last poll and the close, which waits for that fetch (half a second by default)
        consumer.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
        // one question and exit: no client metrics to push to the broker (and no protobuf to load for them)
        consumer.put(CommonClientConfigs.ENABLE_METRICS_PUSH_CONFIG, false);
        var ends = new LogEnds(consumer, audit.kafkaTimeout());
        var queries = new AuditQueries(new LogReplay(consumer, audit.kafkaTimeout()),
                new EventDecoder(SchemaRegistryClient.forUrl(catalogue.registryUrl())), ends,
                new ReplayGate(audit.maxConcurrentReplays()), AuditConfiguration.settings(audit),
                CatalogueSettingsAutoConfiguration.clock(catalogue));
        return new CommandLineAudit(queries, ends);
    }

    public AuditQueries queries() {
        return queries;
    }

    @Override
    public void close() {
        ends.close();
    }

    /**
     * What Spring Boot's {@code KafkaProperties} would build of the settings the command line reads:
     * the servers, and the client's own settings under {@code properties}, the consumer's winning.
     */
    static Map<String, Object> kafka(CommandLineSettings read) {
        var kafka = new HashMap<String, Object>(read.entries("spring.kafka.properties"));
        kafka.putAll(read.entries("spring.kafka.consumer.properties"));
        var servers = read.value("spring.kafka.consumer.bootstrap-servers");
        if (servers == null) {
            servers = read.value("spring.kafka.bootstrap-servers");
        }
        kafka.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
                Arrays.stream(servers.split(",")).map(String::trim).filter(server -> !server.isEmpty()).toList());
        return kafka;
    }

    /** Without Spring Boot's logging system, Logback would print the Kafka client's every line: only warnings, and Kafka's errors. */
    private static void quietLogging() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
            logback.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
            logback.getLogger("org.apache.kafka").setLevel(Level.ERROR);
        }
    }
}
