package dk.amu.catalogue.notifier.schools;

import java.time.Instant;
import java.util.UUID;

/** A school as the operator sees it: never its key, only whether it has one. */
public record SchoolSummary(UUID id, String name, String email, Instant createdAt, Instant disabledAt, boolean hasKey,
        int subscriptions) {

    public boolean disabled() {
        return disabledAt != null;
    }
}
