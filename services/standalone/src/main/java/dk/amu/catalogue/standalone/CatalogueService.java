package dk.amu.catalogue.standalone;

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
 */
record CatalogueService(String name, Class<?> application, int port, boolean database, String home,
        BiFunction<StandaloneProperties, Environment, Map<String, Object>> settings) {

    static CatalogueService of(String name, Class<?> application, int port, boolean database, String home) {
        return new CatalogueService(name, application, port, database, home, (properties, environment) -> Map.of());
    }

    CatalogueService with(BiFunction<StandaloneProperties, Environment, Map<String, Object>> own) {
        return new CatalogueService(name, application, port, database, home, own);
    }
}
