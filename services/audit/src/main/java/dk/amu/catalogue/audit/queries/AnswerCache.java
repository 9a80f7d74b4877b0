package dk.amu.catalogue.audit.queries;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

import org.apache.kafka.common.TopicPartition;

/**
 * The last answers, keyed by the question and the ends of the topics it reads: the log only grows,
 * so the same question about the same end has the same answer. Bounded twice: in entries (least
 * recently asked goes first) and in the items one answer may hold, so a state of every FKB over a
 * large catalogue is answered, not kept. The same question asked while it is being answered waits
 * for that answer instead of starting a second replay.
 */
final class AnswerCache {

    record Key(String question, Map<TopicPartition, Long> ends) {
    }

    private final int maxEntries;

    private final int maxItems;

    private final Map<Key, Object> entries;

    private final Map<Key, CompletableFuture<Object>> answering = new ConcurrentHashMap<>();

    private final AtomicLong hits = new AtomicLong();

    private final AtomicLong shared = new AtomicLong();

    AnswerCache(int maxEntries, int maxItems) {
        this.maxEntries = maxEntries;
        this.maxItems = maxItems;
        this.entries = new LinkedHashMap<>(16, 0.75f, true);
    }

    /**
     * @param key    null when the cache is off: then every question is a replay
     * @param items  how many items an answer holds, against the bound
     * @param usable whether an answer may stand for this asking too (checked when kept and when found)
     */
    <T> T answer(Key key, Supplier<T> replay, ToIntFunction<T> items, Predicate<T> usable) {
        if (key == null) {
            return replay.get();
        }
        T found = cached(key, usable);
        if (found != null) {
            return found;
        }
        var mine = new CompletableFuture<Object>();
        var running = answering.putIfAbsent(key, mine);
        if (running != null) {
            shared.incrementAndGet();
            T answer = join(running);
            return usable.test(answer) ? answer : replay.get();
        }
        try {
            // the one who asked before may have finished between the look-up and the claim
            found = cached(key, usable);
            T answer = found != null ? found : replay.get();
            if (found == null && items.applyAsInt(answer) <= maxItems && usable.test(answer)) {
                keep(key, answer);
            }
            mine.complete(answer);
            return answer;
        }
        catch (RuntimeException | Error ex) {
            mine.completeExceptionally(ex);
            throw ex;
        }
        finally {
            answering.remove(key, mine);
        }
    }

    /** Whether answers are kept: not on the command line, which asks one question and exits. */
    boolean enabled() {
        return maxEntries > 0;
    }

    /** Answers found in the cache since start. */
    long hits() {
        return hits.get();
    }

    /** Answers taken from the same question's replay running at the time. */
    long shared() {
        return shared.get();
    }

    @SuppressWarnings("unchecked")
    private <T> T cached(Key key, Predicate<T> usable) {
        T found;
        synchronized (entries) {
            found = (T) entries.get(key);
        }
        if (found != null && usable.test(found)) {
            hits.incrementAndGet();
            return found;
        }
        return null;
    }

    private void keep(Key key, Object answer) {
        synchronized (entries) {
            entries.put(key, answer);
            var oldest = entries.keySet().iterator();
            while (entries.size() > maxEntries) {
                oldest.next();
                oldest.remove();
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T join(CompletableFuture<Object> running) {
        try {
            return (T) running.join();
        }
        catch (CompletionException ex) {
            if (ex.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (ex.getCause() instanceof Error error) {
                throw error;
            }
            throw ex;
        }
    }
}
