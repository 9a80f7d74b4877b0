package dk.amu.catalogue.ingest.system;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the ingest service, prefix {@code catalogue.ingest}. The registry URL, the clock's start
 * and the zone are shared by every service: see {@code CatalogueProperties}.
 *
 * @param adminToken        bearer token for the upload API; without one the API refuses every upload
 * @param autoRegisterSchemas whether the serializer may register schemas (standalone and tests), or only look them up
 * @param suspiciousLossRatio a document that loses more than this share of the previous rows is held back
 * @param transactionSlots  how many transactional producers share the FKBs; an FKB always uses the same one.
 *                          Every writer (service instances, the command line) must use the same number: the
 *                          shared transactional id is what fences a second writer of an FKB
 * @param expiryCheckInterval how often the expiry clock looks for links whose end has passed
 * @param inbox             the watched folder
 * @param polling           document URLs polled per FKB
 * @param samples           ingest the bundled sample documents when no FKB is known yet
 * @param scheduling        run the expiry clock, the inbox and polling on their schedules (off for the command line)
 */
@Validated
@ConfigurationProperties("catalogue.ingest")
public record IngestProperties(
        String adminToken,
        @DefaultValue("false") boolean autoRegisterSchemas,
        @DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.5") double suspiciousLossRatio,
        @Min(1) @DefaultValue("8") int transactionSlots,
        @NotNull @DefaultValue("1m") Duration expiryCheckInterval,
        @Valid @NotNull @DefaultValue Inbox inbox,
        @Valid @NotNull @DefaultValue Polling polling,
        @DefaultValue("false") boolean samples,
        @DefaultValue("true") boolean scheduling) {

    /**
     * @param directory    where operators drop {@code <fkbCode>__<anything>.pdf|.txt}; no directory, no watching
     * @param pollInterval how often the folder is scanned
     */
    public record Inbox(Path directory, @NotNull @DefaultValue("5s") Duration pollInterval) {
    }

    /**
     * @param sources      the document URL of each polled FKB
     * @param interval     how often each URL is asked for a new version
     * @param maxBackoff   the longest wait after repeated failures
     * @param tick         how often the poller looks for sources that are due
     */
    public record Polling(@DefaultValue List<@Valid Source> sources, @NotNull @DefaultValue("1h") Duration interval,
            @NotNull @DefaultValue("6h") Duration maxBackoff, @NotNull @DefaultValue("10s") Duration tick) {
    }

    public record Source(@NotBlank String fkbCode, @NotBlank String url, String title) {
    }
}
