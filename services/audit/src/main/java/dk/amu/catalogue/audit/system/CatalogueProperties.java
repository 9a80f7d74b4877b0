package dk.amu.catalogue.audit.system;

import java.time.ZoneId;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The settings every service shares, prefix {@code catalogue}.
 *
 * @param registryUrl the schema registry that names each record's writer schema
 * @param clockStart  when set (an ISO date or instant), the clock starts there and runs on: "today" and
 *                    "now", the defaults of asOf and knownAt, then follow the catalogue's demo time
 * @param zone        the catalogue's calendar (Europe/Copenhagen, as {@code CatalogueZone})
 */
@Validated
@ConfigurationProperties("catalogue")
public record CatalogueProperties(
        @NotBlank @DefaultValue("http://127.0.0.1:8081") String registryUrl,
        String clockStart,
        @NotNull @DefaultValue("Europe/Copenhagen") ZoneId zone) {
}
