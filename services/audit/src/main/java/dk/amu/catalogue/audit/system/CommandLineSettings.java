package dk.amu.catalogue.audit.system;

import java.lang.reflect.Constructor;
import java.lang.reflect.Parameter;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The command line's settings, found where the service finds them and under the same names, but
 * without Spring Boot's {@code Binder} and YAML loader, which took a sixth of a command's time to
 * load. First found wins: the given settings, system properties, environment variables, then the
 * defaults ({@link #DEFAULTS}, audit.yml's for what the command line reads, and each record's
 * {@code @DefaultValue}). Names are Spring's: {@code catalogue.audit.kafka-timeout} (also
 * {@code kafkaTimeout}) in the given settings and system properties,
 * {@code CATALOGUE_AUDIT_KAFKA_TIMEOUT} in the environment.
 *
 * <p>Of {@code spring.kafka.*} it reads what the command line needs: {@code bootstrap-servers} and
 * the Kafka client's own names under {@code properties.*} (both also under {@code consumer.}, which
 * wins); SSL and SASL are set there, e.g. {@code spring.kafka.properties.security.protocol}.
 */
final class CommandLineSettings {

    /** What audit.yml sets of what the command line reads; a test holds the two equal. */
    static final Map<String, String> DEFAULTS = Map.of("spring.kafka.bootstrap-servers", "127.0.0.1:9092");

    private static final Pattern SIMPLE_DURATION = Pattern.compile("([+-]?\\d+)(ns|us|ms|s|m|h|d)?",
            Pattern.CASE_INSENSITIVE);

    private final Map<String, String> given;

    private final Map<String, String> system;

    private final Map<String, String> environment;

    private final Map<String, String> defaults = relaxed(DEFAULTS);

    CommandLineSettings(Map<String, ?> given, Map<?, ?> systemProperties, Map<String, String> environment) {
        this.given = relaxed(given);
        this.system = relaxed(systemProperties);
        this.environment = environment;
    }

    static CommandLineSettings of(Map<String, ?> given) {
        return new CommandLineSettings(given, System.getProperties(), System.getenv());
    }

    /** The value of a setting by its canonical name ({@code catalogue.audit.kafka-timeout}), or null. */
    String value(String name) {
        var key = relaxed(name);
        if (given.containsKey(key)) {
            return given.get(key);
        }
        if (system.containsKey(key)) {
            return system.get(key);
        }
        var env = environment.get(name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
        if (env == null) {
            env = environment.get(name.toUpperCase(Locale.ROOT).replace('.', '_').replace("-", ""));
        }
        return env != null ? env : defaults.get(key);
    }

    /**
     * The entries of a map-valued setting ({@code spring.kafka.properties}), keyed as given there; from
     * the environment, {@code SPRING_KAFKA_PROPERTIES_SASL_MECHANISM} is {@code sasl.mechanism}.
     */
    Map<String, String> entries(String prefix) {
        var found = new HashMap<String, String>();
        var envPrefix = prefix.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_') + "_";
        environment.forEach((name, value) -> {
            if (name.startsWith(envPrefix) && name.length() > envPrefix.length()) {
                found.put(name.substring(envPrefix.length()).toLowerCase(Locale.ROOT).replace('_', '.'), value);
            }
        });
        var keyPrefix = relaxed(prefix) + ".";
        for (var source : List.of(system, given)) {
            source.forEach((key, value) -> {
                if (key.startsWith(keyPrefix)) {
                    found.put(key.substring(keyPrefix.length()), value);
                }
            });
        }
        return found;
    }

    /**
     * A settings record from its prefix: each component named in kebab case under it
     * ({@code kafkaTimeout} is {@code <prefix>.kafka-timeout}), its default its {@code @DefaultValue}.
     */
    <T extends Record> T bind(String prefix, Class<T> type) {
        var components = type.getRecordComponents();
        var types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
        Constructor<T> constructor;
        try {
            constructor = type.getDeclaredConstructor(types);
        }
        catch (NoSuchMethodException ex) {
            throw new IllegalStateException(type.getSimpleName() + " has no canonical constructor", ex);
        }
        // @DefaultValue is a parameter's annotation: on a record, the canonical constructor's
        var parameters = constructor.getParameters();
        var values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            var name = prefix + "." + kebab(components[i].getName());
            var text = value(name);
            if (text == null) {
                text = defaultOf(parameters[i]);
            }
            values[i] = text == null ? null : convert(name, text.trim(), types[i]);
        }
        try {
            return constructor.newInstance(values);
        }
        catch (ReflectiveOperationException ex) {
            throw new IllegalStateException("cannot make " + type.getSimpleName() + " from the settings", ex);
        }
    }

    private static String defaultOf(Parameter parameter) {
        var given = parameter.getAnnotation(DefaultValue.class);
        return given == null || given.value().length == 0 ? null : String.join(",", given.value());
    }

    private static Object convert(String name, String text, Class<?> type) {
        try {
            if (type == String.class) {
                return text;
            }
            if (type == int.class || type == Integer.class) {
                return Integer.valueOf(text);
            }
            if (type == Duration.class) {
                return duration(text);
            }
            if (type == ZoneId.class) {
                return ZoneId.of(text);
            }
        }
        catch (RuntimeException ex) {
            throw new IllegalArgumentException("setting " + name + " is not a valid " + type.getSimpleName() + ": '"
                    + text + "'", ex);
        }
        throw new IllegalStateException("the command line cannot read a " + type.getSimpleName() + " for " + name);
    }

    /** As Spring Boot reads a duration: {@code 10s}, {@code 500ms}, ISO-8601 {@code PT10S}, or milliseconds. */
    static Duration duration(String text) {
        var simple = SIMPLE_DURATION.matcher(text);
        if (!simple.matches()) {
            try {
                return Duration.parse(text);
            }
            catch (DateTimeParseException ex) {
                throw new IllegalArgumentException("'" + text + "' is not a duration such as 10s, 500ms or PT10S", ex);
            }
        }
        long amount = Long.parseLong(simple.group(1));
        var unit = simple.group(2) == null ? "ms" : simple.group(2).toLowerCase(Locale.ROOT);
        return switch (unit) {
            case "ns" -> Duration.ofNanos(amount);
            case "us" -> Duration.ofNanos(amount * 1000);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> Duration.ofMillis(amount);
        };
    }

    private static String kebab(String camel) {
        var out = new StringBuilder();
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('-').append(Character.toLowerCase(c));
            }
            else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Spring's relaxed names: case and dashes do not count ({@code kafka-timeout} is {@code kafkaTimeout}). */
    private static Map<String, String> relaxed(Map<?, ?> source) {
        var relaxed = new HashMap<String, String>();
        source.forEach((key, value) -> {
            if (key instanceof String name && value != null) {
                relaxed.put(relaxed(name), value.toString());
            }
        });
        return relaxed;
    }

    private static String relaxed(String name) {
        return name.replace("-", "").toLowerCase(Locale.ROOT);
    }
}
