package dk.amu.catalogue.notifier.consuming;

import java.util.LinkedHashMap;
import java.util.Map;

import dk.amu.catalogue.eventlog.LinkState;
import dk.amu.catalogue.notifier.links.LinkStore.Key;
import dk.amu.catalogue.notifier.warnings.ExpiryWarnings;

/**
 * Expiry warnings while a redrive folds an FKB's whole history again: a link's warnings are worked out
 * once, from where the history leaves it. Warned at every step, an end date that was moved or withdrawn
 * long ago, but lies within a lead time today, would warn a school now and withdraw it a moment later.
 * Withdrawals go through as they come for the parked events, and only to those really warned.
 */
final class FinalStateWarnings extends ExpiryWarnings {

    private final ExpiryWarnings warnings;

    private final Map<Key, LinkState> last = new LinkedHashMap<>();

    private boolean silent;

    FinalStateWarnings(ExpiryWarnings warnings) {
        super(warnings);
        this.warnings = warnings;
    }

    @Override
    public void warn(LinkState link) {
        if (link != null) {
            last.put(new Key(link.fkbCode(), link.courseNumber()), link);
        }
    }

    /** While silent (events applied before), a moved end date withdraws nothing: it did so when it was applied. */
    @Override
    public void withdraw(LinkState before, LinkState after) {
        if (!silent) {
            warnings.withdraw(before, after);
        }
    }

    void silent(boolean on) {
        silent = on;
    }

    void forget() {
        last.clear();
    }

    /** The warnings due for where each link ended up, inside the redrive's transaction. */
    void warnFinalStates() {
        last.values().forEach(warnings::warn);
        last.clear();
    }
}
