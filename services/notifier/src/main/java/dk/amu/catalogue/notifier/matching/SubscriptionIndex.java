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

import dk.amu.catalogue.notifier.outbox.Subject;
import dk.amu.catalogue.notifier.subscriptions.Subscription;

/**
 * Which subscriptions a notice reaches, without looking at every subscription. Each subscription
 * is filed once, under its most selective non-empty filter (its courses, else its FKBs, else its
 * EUU codes, else its event types; with none, under "everything"). A notice's candidates are the
 * buckets of its own course numbers, FKB, EUU codes and type, plus "everything": only subscriptions
 * that name something of the notice, so a notice looks at a few hundred subscriptions, not all.
 * Each candidate's four filters are then checked in full.
 */
public final class SubscriptionIndex {

    private final Map<UUID, Subscription> byId = new HashMap<>();

    private final Map<String, Set<UUID>> byCourse = new HashMap<>();

    private final Map<String, Set<UUID>> byFkb = new HashMap<>();

    private final Map<String, Set<UUID>> byEuu = new HashMap<>();

    private final Map<String, Set<UUID>> byType = new HashMap<>();

    private final Set<UUID> everything = new HashSet<>();

    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    public void replaceAll(Collection<Subscription> subscriptions) {
        lock.writeLock().lock();
        try {
            byId.clear();
            byCourse.clear();
            byFkb.clear();
            byEuu.clear();
            byType.clear();
            everything.clear();
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
            var result = new ArrayList<Subscription>();
            var seen = new HashSet<UUID>();
            for (var course : subject.courseNumbers()) {
                check(byCourse.get(course), subject, seen, result);
            }
            check(byFkb.get(subject.fkbCode()), subject, seen, result);
            for (var euu : subject.euuCodes()) {
                check(byEuu.get(euu), subject, seen, result);
            }
            check(byType.get(subject.type()), subject, seen, result);
            check(everything, subject, seen, result);
            return result;
        }
        finally {
            lock.readLock().unlock();
        }
    }

    private void check(Set<UUID> bucket, Subject subject, Set<UUID> seen, List<Subscription> result) {
        if (bucket == null) {
            return;
        }
        for (var id : bucket) {
            if (seen.add(id)) {
                var subscription = byId.get(id);
                if (admits(subscription.filters(), subject)) {
                    result.add(subscription);
                }
            }
        }
    }

    static boolean admits(Subscription.Filters f, Subject subject) {
        return (f.fkbCodes().isEmpty() || f.fkbCodes().contains(subject.fkbCode()))
                && (f.courseNumbers().isEmpty() || intersects(f.courseNumbers(), subject.courseNumbers()))
                && (f.euuCodes().isEmpty() || intersects(f.euuCodes(), subject.euuCodes()))
                && (f.eventTypes().isEmpty() || f.eventTypes().contains(subject.type()));
    }

    private static boolean intersects(Set<String> filter, Set<String> values) {
        for (var value : values) {
            if (filter.contains(value)) {
                return true;
            }
        }
        return false;
    }

    private void addLocked(Subscription s) {
        byId.put(s.id(), s);
        var bucket = anchor(s);
        if (bucket == null) {
            everything.add(s.id());
        }
        else {
            anchorValues(s).forEach(value -> bucket.computeIfAbsent(value, k -> new HashSet<>()).add(s.id()));
        }
    }

    private void removeLocked(UUID id) {
        var old = byId.remove(id);
        if (old == null) {
            return;
        }
        var bucket = anchor(old);
        if (bucket == null) {
            everything.remove(id);
            return;
        }
        anchorValues(old).forEach(value -> {
            var ids = bucket.get(value);
            if (ids != null) {
                ids.remove(id);
                if (ids.isEmpty()) {
                    bucket.remove(value);
                }
            }
        });
    }

    private Map<String, Set<UUID>> anchor(Subscription s) {
        var f = s.filters();
        return !f.courseNumbers().isEmpty() ? byCourse : !f.fkbCodes().isEmpty() ? byFkb
                : !f.euuCodes().isEmpty() ? byEuu : !f.eventTypes().isEmpty() ? byType : null;
    }

    private static Set<String> anchorValues(Subscription s) {
        var f = s.filters();
        return !f.courseNumbers().isEmpty() ? f.courseNumbers() : !f.fkbCodes().isEmpty() ? f.fkbCodes()
                : !f.euuCodes().isEmpty() ? f.euuCodes() : f.eventTypes();
    }
}
