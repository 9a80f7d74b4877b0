package dk.amu.catalogue.ingest;

import java.util.Arrays;
import java.util.Map;

import dk.amu.catalogue.ingest.cli.IngestCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The producer: FKB documents in, catalogue events out. Its settings live in {@code ingest.yml}
 * (not application.yml) so that the standalone process can run it beside the other services.
 *
 * <p>{@code java -jar ingest-exec.jar ingest --fkb CODE FILE...} runs the command line instead of the service.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IngestApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("ingest")) {
            System.exit(IngestCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        var app = new SpringApplication(IngestApplication.class);
        app.setDefaultProperties(Map.of("spring.config.name", "ingest"));
        app.run(args);
    }
}
