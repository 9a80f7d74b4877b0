package dk.amu.catalogue.notifier.matching;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

import dk.amu.catalogue.notifier.subscriptions.Subscription;

/**
 * Which subscriptions a notice reaches, without looking at every subscription: one inverted index
 * per filter (value -> subscriptions naming it) beside the set of subscriptions that leave the
 * filter empty ("all"). A notice's candidates for one filter are the union of the index entries of
 * its values and the "all" set; the answer is the intersection over the four filters, computed by
 * walking the smallest candidates and testing each against the others' sets (unions are never built).
 */
public final class SubscriptionIndex {

    private final Map<UUID, Subscription> byId = new HashMap<>();

    private final Dimension fkbs = new Dimension(s -> s.filters().fkbCodes());

    private final Dimension courses = new Dimension(s -> s.filters().courseNumbers());

    private final Dimension euus = new Dimension(s -> s.filters().euuCodes());

    private final Dimension types = new Dimension(s -> s.filters().eventTypes());

    private final List<Dimension> dimensions = List.of(fkbs, courses, euus, types);

    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    public void replaceAll(Collection<Subscription> subscriptions) {
        lock.writeLock().lock();
        try {
            byId.clear();
            dimensions.forEach(Dimension::clear);
            subscriptions.forEach(this::addLocked);
        }
        finally {
            lock.writeLock().unlock();
        }
    }

    public void put(Subscription subscription) {
        lock.writeLock().lock();
        try {
            removeLocked(subscription.id());
            addLocked(subscription);
        }
        finally {
            lock.writeLock().unlock();
        }
    }

    public void remove(UUID id) {
        lock.writeLock().lock();
        try {
            removeLocked(id);
        }
        finally {
            lock.writeLock().unlock();
        }
    }

    public Subscription get(UUID id) {
        lock.readLock().lock();
        try {
            return byId.get(id);
        }
        finally {
            lock.readLock().unlock();
        }
    }

    public int size() {
        lock.readLock().lock();
        try {
            return byId.size();
        }
        finally {
            lock.readLock().unlock();
        }
    }

    /** The subscriptions whose every filter admits the subject. */
    public List<Subscription> match(Subject subject) {
        lock.readLock().lock();
        try {
            var candidates = List.of(fkbs.candidates(Set.of(subject.fkbCode())), courses.candidates(subject.courseNumbers()),
                    euus.candidates(subject.euuCodes()), types.candidates(Set.of(subject.type())));
            var smallest = candidates.get(0);
            for (var c : candidates) {
                if (c.size() < smallest.size()) {
                    smallest = c;
                }
            }
            var result = new ArrayList<Subscription>();
            var seen = smallest.sets().size() > 1 ? new HashSet<UUID>() : null;
            for (var set : smallest.sets()) {
                for (var id : set) {
                    if (seen != null && !seen.add(id)) {
                        continue;
                    }
                    boolean all = true;
                    for (var c : candidates) {
                        if (c != smallest && !c.contains(id)) {
                            all = false;
                            break;
                        }
                    }
                    if (all) {
                        result.add(byId.get(id));
                    }
                }
            }
            return result;
        }
        finally {
            lock.readLock().unlock();
        }
    }

    /** One filter's candidates, left as the sets they are: copying the large "all" set per notice would cost more than matching. */
    private record Candidates(List<Set<UUID>> sets, int size) {

        boolean contains(UUID id) {
            for (var set : sets) {
                if (set.contains(id)) {
                    return true;
                }
            }
            return false;
        }
    }

    private void addLocked(Subscription s) {
        byId.put(s.id(), s);
        dimensions.forEach(d -> d.add(s));
    }

    private void removeLocked(UUID id) {
        var old = byId.remove(id);
        if (old != null) {
            dimensions.forEach(d -> d.remove(old));
        }
    }

    private static final class Dimension {

        private final Function<Subscription, Set<String>> values;

        private final Map<String, Set<UUID>> index = new HashMap<>();

        private final Set<UUID> all = new HashSet<>();

        Dimension(Function<Subscription, Set<String>> values) {
            this.values = values;
        }

        void add(Subscription s) {
            var v = values.apply(s);
            if (v.isEmpty()) {
                all.add(s.id());
            }
            v.forEach(value -> index.computeIfAbsent(value, k -> new HashSet<>()).add(s.id()));
        }

        void remove(Subscription s) {
            all.remove(s.id());
            values.apply(s).forEach(value -> {
                var ids = index.get(value);
                if (ids != null) {
                    ids.remove(s.id());
                    if (ids.isEmpty()) {
                        index.remove(value);
                    }
                }
            });
        }

        void clear() {
            index.clear();
            all.clear();
        }

        Candidates candidates(Set<String> subjectValues) {
            var sets = new ArrayList<Set<UUID>>(subjectValues.size() + 1);
            int size = all.size();
            if (!all.isEmpty()) {
                sets.add(all);
            }
            for (var value : subjectValues) {
                var ids = index.get(value);
                if (ids != null) {
                    sets.add(ids);
                    size += ids.size();
                }
            }
            return new Candidates(sets, size);
        }
    }
}
