package dk.amu.catalogue.serde;

import java.time.Duration;
import java.util.Map;

import dk.amu.catalogue.serde.registry.RegistryClientOptions;
import dk.amu.catalogue.serde.registry.SchemaRegistryClient;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;

/**
 * Configuration keys of {@link AvroSerializer} and {@link AvroDeserializer}. The first four carry
 * the names Confluent's serde uses, so existing client configuration works unchanged; the
 * {@code schema.registry.retry.*} and timeout keys are this project's.
 */
public final class AvroSerdeConfig {

    /** Base URL of a registry speaking the Confluent Schema Registry API; of a comma-separated list the first. */
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";

    /** Whether the serializer registers unknown schemas (true) or only looks them up (false, the default). */
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";

    /** Generated class to read record values into, instead of the class named by the writer schema. */
    public static final String SPECIFIC_AVRO_VALUE_TYPE = "specific.avro.value.type";

    /** Generated class to read record keys into, instead of the class named by the writer schema. */
    public static final String SPECIFIC_AVRO_KEY_TYPE = "specific.avro.key.type";

    /** Attempts per registry call; default 3. */
    public static final String RETRY_ATTEMPTS = "schema.registry.retry.attempts";

    /** Wait before the first retry, doubling after each; default 100. */
    public static final String RETRY_BACKOFF_MS = "schema.registry.retry.backoff.ms";

    /** The longest wait between two attempts; default 2000. */
    public static final String RETRY_BACKOFF_MAX_MS = "schema.registry.retry.backoff.max.ms";

    /** How long one registry request may take; default 10000. */
    public static final String REQUEST_TIMEOUT_MS = "schema.registry.request.timeout.ms";

    private final Map<String, ?> configs;

    AvroSerdeConfig(Map<String, ?> configs) {
        this.configs = configs;
    }

    /** TopicNameStrategy: {@code <topic>-key} or {@code <topic>-value}. */
    public static String subject(String topic, boolean isKey) {
        return topic + (isKey ? "-key" : "-value");
    }

    SchemaRegistryClient client() {
        var value = configs.get(SCHEMA_REGISTRY_URL);
        var url = value == null ? "" : value.toString().split(",")[0].trim();
        if (url.isEmpty()) {
            throw new ConfigException(SCHEMA_REGISTRY_URL + " is required: the base URL of the schema registry");
        }
        return SchemaRegistryClient.forUrl(url, clientOptions());
    }

    boolean autoRegister() {
        var value = configs.get(AUTO_REGISTER_SCHEMAS);
        return value != null && Boolean.parseBoolean(value.toString().trim());
    }

    RegistryClientOptions clientOptions() {
        var defaults = RegistryClientOptions.defaults();
        var attempts = (int) number(RETRY_ATTEMPTS, defaults.maxAttempts());
        var initial = Duration.ofMillis(number(RETRY_BACKOFF_MS, defaults.initialBackoff().toMillis()));
        var max = Duration.ofMillis(number(RETRY_BACKOFF_MAX_MS, Math.max(initial.toMillis(),
                defaults.maxBackoff().toMillis())));
        var timeout = Duration.ofMillis(number(REQUEST_TIMEOUT_MS, defaults.requestTimeout().toMillis()));
        try {
            return defaults.withRetry(attempts, initial, max).withRequestTimeout(timeout);
        }
        catch (IllegalArgumentException ex) {
            throw new ConfigException("invalid schema registry retry settings: " + ex.getMessage());
        }
    }

    /** The configured target class, or null to follow the writer schema's name. */
    Class<?> specificType(boolean isKey) {
        var key = isKey ? SPECIFIC_AVRO_KEY_TYPE : SPECIFIC_AVRO_VALUE_TYPE;
        var value = configs.get(key);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        var type = value instanceof Class<?> c ? c : load(key, value.toString().trim());
        if (!SpecificRecord.class.isAssignableFrom(type)) {
            throw new ConfigException(key, type.getName(), "not a generated Avro class (SpecificRecord)");
        }
        return type;
    }

    private static Class<?> load(String key, String name) {
        try {
            return Class.forName(name, true, Thread.currentThread().getContextClassLoader());
        }
        catch (ClassNotFoundException ex) {
            throw new ConfigException(key, name, "no such class on the class path");
        }
    }

    private long number(String key, long fallback) {
        var value = configs.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            return value instanceof Number n ? n.longValue() : Long.parseLong(value.toString().trim());
        }
        catch (NumberFormatException ex) {
            throw new ConfigException(key, value, "not a whole number");
        }
    }
}
