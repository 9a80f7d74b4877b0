package dk.amu.catalogue.projections.system;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the projections service, prefix {@code catalogue.projections}.
 *
 * @param adminToken  bearer token for {@code POST /api/admin/rebuild}; without one, rebuilds are refused
 * @param consumers   listener threads; more than the topic's 6 partitions would idle
 * @param pageSize    items per page of a list when the client asks for none
 * @param maxLag      health reports the consumer OUT_OF_SERVICE beyond this many unapplied records
 * @param rebuild     how a rebuild replays the log
 */
@Validated
@ConfigurationProperties("catalogue.projections")
public record ProjectionsProperties(
        String adminToken,
        @Min(1) @Max(6) @DefaultValue("1") int consumers,
        @Min(1) @Max(1000) @DefaultValue("100") int pageSize,
        @Min(0) @DefaultValue("100000") long maxLag,
        @Valid @NotNull @DefaultValue Rebuild rebuild) {

    /**
     * @param batchSize   events per database transaction while replaying
     * @param pollTimeout how long one poll of the replaying consumer waits for records
     */
    public record Rebuild(@Min(1) @DefaultValue("20000") int batchSize,
            @NotNull @DefaultValue("500ms") Duration pollTimeout) {
    }
}
