package dk.amu.catalogue.ingest.expiry;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dk.amu.catalogue.events.v1.CatalogueEvent;
import dk.amu.catalogue.ingest.changes.ExpiryRule;
import dk.amu.catalogue.ingest.ingestion.FkbUpdates;
import dk.amu.catalogue.ingest.system.IngestProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Emits {@code CourseLinkExpired} once per link when the day after its end date has begun in the
 * catalogue's zone. It looks often rather than once at midnight, so it catches up at start-up and
 * after any pause, and follows the injected clock wherever that clock was started; each expiry is
 * recorded in the FKB's snapshot in the same transaction, so a second look finds nothing to do.
 */
@Component
public class ExpiryClock {

    private static final Logger log = LoggerFactory.getLogger(ExpiryClock.class);

    private final ExpiryRule rule = new ExpiryRule();

    private final FkbUpdates updates;

    private final Clock clock;

    private final IngestProperties properties;

    ExpiryClock(FkbUpdates updates, Clock clock, IngestProperties properties) {
        this.updates = updates;
        this.clock = clock;
        this.properties = properties;
    }

    /** The scheduled look: a failure is logged and the next look tries again. */
    public void tick() {
        try {
            runOnce();
        }
        catch (RuntimeException ex) {
            log.warn("Expiry check failed; it runs again in {}: {}", properties.expiryCheckInterval(), ex.getMessage());
        }
    }

    /** Expires every link whose end has passed and has not been expired yet; returns the new events. */
    public List<CatalogueEvent> runOnce() {
        var now = clock.instant();
        var today = LocalDate.ofInstant(now, clock.getZone());
        var runId = "expiry-clock-" + today;
        var emitted = new ArrayList<CatalogueEvent>();
        for (var fkbCode : updates.fkbCodes()) {
            // one instant for the whole run, whatever instant the update reads
            emitted.addAll(updates.update(fkbCode, (current, updateNow, updateToday) ->
                    rule.expire(Objects.requireNonNull(current, fkbCode), today, now, runId)).events());
        }
        if (!emitted.isEmpty()) {
            log.info("Expiry clock at {}: {} links expired", today, emitted.size());
        }
        return emitted;
    }
}
