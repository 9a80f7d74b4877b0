package dk.amu.catalogue.audit.system;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The queries for one command on the command line, bound from the same settings as the service
 * (the given ones, then system properties and environment variables, then {@code audit.yml}) but
 * without an application context: a command asks one question and exits, and starting Spring Boot's
 * context (its logging system, config data, auto-configuration and validator) took most of a
 * command's time. See docs/benchmarks.md, "Audit command line".
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
        var binder = binder(settings);
        var audit = binder.bindOrCreate("catalogue.audit", AuditProperties.class);
        var catalogue = binder.bindOrCreate("catalogue", CatalogueProperties.class);
        var kafka = binder.bindOrCreate("spring.kafka", KafkaProperties.class);
        var consumer = KafkaReaders.replay(kafka, audit);
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

    private static Binder binder(Map<String, Object> settings) {
        var environment = new StandardEnvironment();
        var sources = environment.getPropertySources();
        sources.addFirst(new MapPropertySource("command-line", settings));
        try {
            new YamlPropertySourceLoader().load("audit.yml", new ClassPathResource("audit.yml")).forEach(sources::addLast);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot read audit.yml from the classpath", ex);
        }
        ConfigurationPropertySources.attach(environment);
        return Binder.get(environment);
    }

    /** Without Spring Boot's logging system, Logback would print the Kafka client's every line: only warnings, and Kafka's errors. */
    private static void quietLogging() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
            logback.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
            logback.getLogger("org.apache.kafka").setLevel(Level.ERROR);
        }
    }
}
