package dk.amu.catalogue.projections;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The read models of the catalogue and the query API over them. Its settings live in
 * {@code projections.yml} (not application.yml) so that the standalone process can run it beside
 * the other services.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ProjectionsApplication {

    /** The one place the configuration's name is set; the standalone and the tests use it too. */
    public static final String CONFIG_NAME = "projections";

    public static void main(String[] args) {
        var app = new SpringApplication(ProjectionsApplication.class);
        app.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
        app.run(args);
    }
}
