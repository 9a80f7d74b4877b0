package dk.amu.catalogue.audit;

import java.util.Arrays;
import java.util.Map;

import dk.amu.catalogue.audit.cli.AuditCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The auditors' service: reads the event log straight from Kafka and answers from it alone. Its
 * settings live in {@code audit.yml} so that the standalone process can run it beside the others.
 *
 * <p>{@code java -jar audit-exec.jar state|history|export|verify ...} runs the command line instead
 * of the web API (also with a leading {@code audit}, as the standalone jar takes it).
 */
@SpringBootApplication
public class AuditApplication {

    public static void main(String[] args) {
        var command = args.length > 0 && args[0].equals("audit") ? Arrays.copyOfRange(args, 1, args.length) : args;
        if (command.length > 0 && AuditCommand.isCommand(command[0]) || args.length > 0 && args[0].equals("audit")) {
            System.exit(AuditCommand.run(command, System.out, System.err));
        }
        var app = new SpringApplication(AuditApplication.class);
        app.setDefaultProperties(Map.of("spring.config.name", "audit"));
        app.run(args);
    }
}
