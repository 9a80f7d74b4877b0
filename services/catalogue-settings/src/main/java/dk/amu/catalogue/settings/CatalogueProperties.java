package dk.amu.catalogue.settings;

import java.time.ZoneId;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What every service shares, prefix {@code catalogue}. Each service keeps its own settings under
 * {@code catalogue.<service>}; these are set once, for all of them.
 *
 * @param registryUrl the schema registry every serde talks to (CATALOGUE_REGISTRY_URL)
 * @param clockStart  when set (an ISO date or instant), the one clock starts there and runs on
 *                    (CATALOGUE_CLOCK_START): demos and checks move the whole system in time
 * @param zone        the catalogue's calendar: link dates are dates in this zone
 * @param instanceId  this instance's stable name among the instances of its service (CATALOGUE_INSTANCE_ID):
 *                    the consumers' {@code group.instance.id}, so an instance restarted after a crash takes
 *                    its partitions back at once; unset, group membership stays dynamic
 */
@Validated
@ConfigurationProperties("catalogue")
public record CatalogueProperties(
        @NotBlank @DefaultValue("http://127.0.0.1:8081") String registryUrl,
        String clockStart,
        @NotNull @DefaultValue("Europe/Copenhagen") ZoneId zone,
        @Pattern(regexp = "[A-Za-z0-9._-]{1,200}", message = "must be letters, digits, '.', '_' or '-'") String instanceId) {
}
