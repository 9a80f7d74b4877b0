package dk.amu.catalogue.standalone;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.springframework.core.env.Environment;

/**
 * One service of the standalone runtime, described once.
 *
 * @param name        the service's name; also its config file ({@code <name>.yml}), its Flyway folder
 *                    ({@code db/migration/<name>}) and its database schema
 * @param application the service's Spring Boot application class
 * @param port        its HTTP port
 * @param database    whether it keeps state in PostgreSQL; without, no DataSource is made for it
 * @param home        the page to open, printed when the runtime is ready
 * @param settings    its own settings, on top of the ones every service gets
 * @param threads     prefixes of the threads it names without its own name, so that its log lines say
 *                    which service they are from
 * @param consumer    whether it reads the log through listener containers, which must hold their
 *                    partitions before the runtime is ready
 */
record CatalogueService(String name, Class<?> application, int port, boolean database, String home,
        BiFunction<StandaloneProperties, Environment, Map<String, Object>> settings, List<String> threads,
        boolean consumer) {

    static CatalogueService of(String name, Class<?> application, int port, boolean database, String home) {
        return new CatalogueService(name, application, port, database, home, (properties, environment) -> Map.of(),
                List.of(), false);
    }

    CatalogueService with(BiFunction<StandaloneProperties, Environment, Map<String, Object>> own) {
        return new CatalogueService(name, application, port, database, home, own, threads, consumer);
    }

    CatalogueService withThreads(String... prefixes) {
        return new CatalogueService(name, application, port, database, home, settings, List.of(prefixes), consumer);
    }

    CatalogueService consuming() {
        return new CatalogueService(name, application, port, database, home, settings, threads, true);
    }
}
