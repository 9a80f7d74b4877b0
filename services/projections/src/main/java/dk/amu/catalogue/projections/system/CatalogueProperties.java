package dk.amu.catalogue.projections.system;

import java.time.ZoneId;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The settings every service of the catalogue shares, prefix {@code catalogue}.
 *
 * @param registryUrl the schema registry the Avro deserializer asks for writer schemas
 * @param clockStart  when set (an ISO date or instant), the service's clock starts there and runs on
 * @param zone        the catalogue's calendar: "today" and every business date are dates here
 */
@Validated
@ConfigurationProperties("catalogue")
public record CatalogueProperties(
        @NotBlank @DefaultValue("http://127.0.0.1:8081") String registryUrl,
        String clockStart,
        @NotNull @DefaultValue("Europe/Copenhagen") ZoneId zone) {
}
