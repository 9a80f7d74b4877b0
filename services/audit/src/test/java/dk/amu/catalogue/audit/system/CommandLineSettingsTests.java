package dk.amu.catalogue.audit.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import dk.amu.catalogue.settings.CatalogueProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

/** The command line's settings reader, checked against Spring Boot's Binder over the same sources and audit.yml. */
class CommandLineSettingsTests {

    @Test
    void shouldTakeGivenSettingsOverSystemPropertiesOverEnvironmentOverAuditYml() {
        var given = Map.of("spring.kafka.bootstrap-servers", "given:9092");
        var system = properties(Map.of("spring.kafka.bootstrap-servers", "system:9092", "catalogue.registry-url", "http://system:8081"));
        var env = Map.of("SPRING_KAFKA_BOOTSTRAP_SERVERS", "env:9092", "CATALOGUE_REGISTRY_URL", "http://env:8081",
                "CATALOGUE_AUDIT_TOPIC", "env-topic");

        var read = new CommandLineSettings(given, system, env);

        assertThat(read.value("spring.kafka.bootstrap-servers")).isEqualTo("given:9092");
        assertThat(read.value("catalogue.registry-url")).isEqualTo("http://system:8081");
        assertThat(read.value("catalogue.audit.topic")).isEqualTo("env-topic");
        assertThat(new CommandLineSettings(Map.of(), new Properties(), Map.of()).value("spring.kafka.bootstrap-servers"))
                .isEqualTo("127.0.0.1:9092");
    }

    @Test
    void shouldBindWhatSpringBootsBinderBindsFromTheSameSources() {
        var given = Map.<String, Object>of("catalogue.audit.answer-cache-entries", 0, "catalogue.audit.maxFindings", "7");
        var system = properties(Map.of("catalogue.audit.kafka-timeout", "1500ms", "catalogue.clock-start", "2025-06-29"));
        var env = Map.of("CATALOGUE_AUDIT_FETCH_BYTES", "131072", "CATALOGUE_AUDIT_SNAPSHOTTOPIC", "snapshots-copy",
                "CATALOGUE_ZONE", "Europe/Berlin", "SPRING_KAFKA_BOOTSTRAP_SERVERS", "a:9092, b:9092");
        var binder = springBinder(given, system, env);

        var read = new CommandLineSettings(given, system, env);

        assertThat(read.bind("catalogue.audit", AuditProperties.class))
                .isEqualTo(binder.bindOrCreate("catalogue.audit", AuditProperties.class))
                .extracting(AuditProperties::kafkaTimeout, AuditProperties::maxFindings, AuditProperties::fetchBytes)
                .containsExactly(Duration.ofMillis(1500), 7, 131072);
        assertThat(read.bind("catalogue", CatalogueProperties.class))
                .isEqualTo(binder.bindOrCreate("catalogue", CatalogueProperties.class));
        assertThat(CommandLineAudit.kafka(read).get("bootstrap.servers")).isEqualTo(List.of("a:9092", "b:9092"))
                .isEqualTo(binder.bindOrCreate("spring.kafka", KafkaProperties.class).buildConsumerProperties()
                        .get("bootstrap.servers"));
    }

    @Test
    void shouldBindTheDefaultsOfAuditYmlAndOfEachRecordAsTheBinderDoes() {
        var binder = springBinder(Map.of(), new Properties(), Map.of());

        var read = new CommandLineSettings(Map.of(), new Properties(), Map.of());

        assertThat(read.bind("catalogue.audit", AuditProperties.class))
                .isEqualTo(binder.bindOrCreate("catalogue.audit", AuditProperties.class));
        assertThat(read.bind("catalogue", CatalogueProperties.class))
                .isEqualTo(binder.bindOrCreate("catalogue", CatalogueProperties.class));
        CommandLineSettings.DEFAULTS.forEach((name, value) -> assertThat(binder.bind(name, String.class).get())
                .as("audit.yml's %s", name).isEqualTo(value));
    }

    @Test
    void shouldPassTheKafkaClientsOwnSettingsOnTheConsumersWinning() {
        var env = Map.of("SPRING_KAFKA_PROPERTIES_SECURITY_PROTOCOL", "SSL", "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "PLAIN");
        var given = Map.of("spring.kafka.consumer.properties.sasl.mechanism", "SCRAM-SHA-512",
                "spring.kafka.consumer.bootstrap-servers", "consumer:9092");

        var kafka = CommandLineAudit.kafka(new CommandLineSettings(given, new Properties(), env));

        assertThat(kafka).containsEntry("security.protocol", "SSL").containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("bootstrap.servers", List.of("consumer:9092"));
    }

    @Test
    void shouldReadDurationsAsSpringBootDoes() {
        assertThat(CommandLineSettings.duration("10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(CommandLineSettings.duration("250")).isEqualTo(Duration.ofMillis(250));
        assertThat(CommandLineSettings.duration("PT1M")).isEqualTo(Duration.ofMinutes(1));
        assertThat(CommandLineSettings.duration("2H")).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void shouldNameTheSettingThatIsNotANumber() {
        var read = new CommandLineSettings(Map.of("catalogue.audit.fetch-bytes", "lots"), new Properties(), Map.of());

        assertThatThrownBy(() -> read.bind("catalogue.audit", AuditProperties.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("setting catalogue.audit.fetch-bytes is not a valid int: 'lots'");
    }

    private static Properties properties(Map<String, String> values) {
        var properties = new Properties();
        properties.putAll(values);
        return properties;
    }

    /** What the command line did before: Spring Boot's Binder over the same sources, audit.yml last. */
    private static Binder springBinder(Map<String, ?> given, Properties system, Map<String, String> env) {
        var environment = new StandardEnvironment();
        var sources = environment.getPropertySources();
        sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        sources.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        sources.addLast(new MapPropertySource("given", new HashMap<>(given)));
        sources.addLast(new PropertiesPropertySource(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME, system));
        sources.addLast(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new HashMap<>(env)));
        try {
            new YamlPropertySourceLoader().load("audit.yml", new ClassPathResource("audit.yml")).forEach(sources::addLast);
        }
        catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        ConfigurationPropertySources.attach(environment);
        return Binder.get(environment);
    }
}
