package dk.amu.catalogue.notifier;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Tells schools what changed in the catalogue: signed webhooks, e-mail, calendar and news feeds,
 * and warnings before links end. Its settings live in {@code notifier.yml} (not application.yml) so
 * that the standalone process can run it beside the other services.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class NotifierApplication {

    /** The one place the configuration's name is set; the standalone and the tests use it too. */
    public static final String CONFIG_NAME = "notifier";

    public static void main(String[] args) {
        var app = new SpringApplication(NotifierApplication.class);
        app.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
        app.run(args);
    }
}
