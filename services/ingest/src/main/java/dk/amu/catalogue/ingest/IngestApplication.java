package dk.amu.catalogue.ingest;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The producer: FKB documents in, catalogue events out. Its settings live in {@code ingest.yml}
 * (not application.yml) so that the standalone process can run it beside the other services.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IngestApplication {

    public static void main(String[] args) {
        var app = new SpringApplication(IngestApplication.class);
        app.setDefaultProperties(Map.of("spring.config.name", "ingest"));
        app.run(args);
    }
}
