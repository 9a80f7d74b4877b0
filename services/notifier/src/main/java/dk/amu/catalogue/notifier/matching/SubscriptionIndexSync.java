package dk.amu.catalogue.notifier.matching;

import java.util.HashMap;

import dk.amu.catalogue.notifier.subscriptions.Subscription;
import dk.amu.catalogue.notifier.subscriptions.SubscriptionRepository;

/**
 * Keeps this instance's {@link SubscriptionIndex} equal to the database, whichever instance a
 * school talked to. Every change of a subscription gets the next version in the database (a
 * trigger does it, in the changing transaction); {@link #refresh()} asks for the latest version, a
 * single-row read, and only when it moved reads the subscriptions changed since. Whatever matches
 * calls it first: the consumer once per batch, the warning run, the dispatchers once per round.
 */
public final class SubscriptionIndexSync {

    private final SubscriptionIndex index;

    private final SubscriptionRepository repository;

    private volatile long seen;

    public SubscriptionIndexSync(SubscriptionIndex index, SubscriptionRepository repository) {
        this.index = index;
        this.repository = repository;
        reload();
    }

    public SubscriptionIndex index() {
        return index;
    }

    /** Applies the changes committed since the last look; a no-op when nothing changed. */
    public void refresh() {
        if (repository.version() == seen) {
            return;
        }
        synchronized (this) {
            var changes = repository.changesSince(seen);
            if (changes.first() != seen + 1) {
                // nothing newer, or the changes right after ours were pruned: too far behind to catch up
                if (repository.version() > seen) {
                    reload();
                }
                return;
            }
            var found = new HashMap<java.util.UUID, Subscription>();
            repository.byIds(changes.subscriptions()).forEach(s -> found.put(s.id(), s));
            for (var id : changes.subscriptions()) {
                var subscription = found.get(id);
                if (subscription == null) {
                    index.remove(id);
                }
                else {
                    index.put(subscription);
                }
            }
            seen = changes.version();
        }
    }

    /** Loads every subscription; the version is read first, so a change made meanwhile is applied again, not missed. */
    private synchronized void reload() {
        seen = repository.version();
        index.replaceAll(repository.all());
    }
}
