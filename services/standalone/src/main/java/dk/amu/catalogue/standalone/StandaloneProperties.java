package dk.amu.catalogue.standalone;

import java.nio.file.Path;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the one-process runtime, prefix {@code catalogue.standalone}.
 *
 * @param dataDirectory where Kafka ({@code kafka/}) and PostgreSQL ({@code postgres/}) keep their data;
 *                      a restart keeps everything there
 * @param host          the address every listener binds to
 * @param kafka         the broker's ports
 * @param ports         the HTTP port of the registry and of each service, and PostgreSQL's
 */
@Validated
@ConfigurationProperties("catalogue.standalone")
public record StandaloneProperties(
        @NotNull @DefaultValue("./data") Path dataDirectory,
        @NotBlank @DefaultValue("127.0.0.1") String host,
        @Valid @NotNull @DefaultValue Kafka kafka,
        @Valid @NotNull @DefaultValue Ports ports) {

    public record Kafka(@Min(1) @Max(65535) @DefaultValue("9092") int port,
            @Min(1) @Max(65535) @DefaultValue("9093") int controllerPort) {
    }

    /** The ports of DESIGN.md's table. */
    public record Ports(
            @Min(1) @Max(65535) @DefaultValue("8081") int registry,
            @Min(1) @Max(65535) @DefaultValue("8080") int projections,
            @Min(1) @Max(65535) @DefaultValue("8082") int ingest,
            @Min(1) @Max(65535) @DefaultValue("8083") int notifier,
            @Min(1) @Max(65535) @DefaultValue("8084") int audit,
            @Min(1) @Max(65535) @DefaultValue("5433") int postgres) {
    }

    public String bootstrapServers() {
        return host + ":" + kafka.port();
    }

    public String registryUrl() {
        return "http://" + host + ":" + ports.registry();
    }

    public String url(int port) {
        return "http://" + host + ":" + port;
    }
}
