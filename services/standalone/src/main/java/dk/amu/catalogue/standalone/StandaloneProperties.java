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
 * @param dataDirectory where Kafka keeps its log (under {@code kafka/}); a restart keeps everything there
 * @param host          the address every listener binds to
 * @param kafka         the broker's ports
 * @param registryPort  the schema registry's HTTP port
 * @param ingestPort    the ingest service's HTTP port
 */
@Validated
@ConfigurationProperties("catalogue.standalone")
public record StandaloneProperties(
        @NotNull @DefaultValue("./data") Path dataDirectory,
        @NotBlank @DefaultValue("127.0.0.1") String host,
        @Valid @NotNull @DefaultValue Kafka kafka,
        @Min(1) @Max(65535) @DefaultValue("8081") int registryPort,
        @Min(1) @Max(65535) @DefaultValue("8082") int ingestPort) {

    public record Kafka(@Min(1) @Max(65535) @DefaultValue("9092") int port,
            @Min(1) @Max(65535) @DefaultValue("9093") int controllerPort) {
    }

    public String bootstrapServers() {
        return host + ":" + kafka.port();
    }

    public String registryUrl() {
        return "http://" + host + ":" + registryPort;
    }
}
