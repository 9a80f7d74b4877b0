package dk.amu.catalogue.cluster.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dk.amu.catalogue.ingest.ingestion.IngestionReport;
import dk.amu.catalogue.ingest.ingestion.IngestionService;
import dk.amu.catalogue.ingest.ingestion.PublishFailedException;

/**
 * Feeds a timeline to the ingest service from several threads, as several uploaders would, each
 * FKB's versions in order, one document per permit: the test hands out permits, so it knows that
 * documents are in flight when it kills a broker. A document whose publish fails is sent again,
 * as its error says is safe, up to {@value #ATTEMPTS} times.
 */
public final class PacedIngestion implements AutoCloseable {

    static final int ATTEMPTS = 5;

    /** A document that did not go through at the first try, and why. */
    public record Retry(String fkbCode, int version, int attempt, String error) {
    }

    private final IngestionService ingestion;

    private final FkbTimeline timeline;

    private final int threads;

    private final Semaphore permits = new Semaphore(0);

    private final AtomicInteger done = new AtomicInteger();

    private final Map<String, IngestionReport> reports = new ConcurrentHashMap<>();

    private final List<Retry> retries = new CopyOnWriteArrayList<>();

    private final List<Throwable> failures = new CopyOnWriteArrayList<>();

    private final ExecutorService executor;

    public PacedIngestion(IngestionService ingestion, FkbTimeline timeline, int threads) {
        this.ingestion = ingestion;
        this.timeline = timeline;
        this.threads = threads;
        this.executor = Executors.newFixedThreadPool(threads, r -> new Thread(r, "paced-ingestion"));
    }

    public int total() {
        return timeline.fkbs() * timeline.versions();
    }

    public void start() {
        for (int t = 0; t < threads; t++) {
            int thread = t;
            executor.execute(() -> feed(thread));
        }
    }

    /** Lets documents go until {@code count} in all have been allowed. */
    public synchronized void allowUpTo(int count) {
        int more = Math.min(count, total()) - released;
        if (more > 0) {
            permits.release(more);
            released += more;
        }
    }

    private int released;

    public int done() {
        return done.get();
    }

    /** Ingestions that failed every attempt, or failed otherwise than as a publish that is safe to repeat. */
    public List<Throwable> failures() {
        return List.copyOf(failures);
    }

    public List<Retry> retries() {
        return List.copyOf(retries);
    }

    /** The report of each document's successful ingestion, by {@code fkbCode/version}. */
    public IngestionReport report(String fkbCode, int version) {
        return reports.get(fkbCode + "/" + version);
    }

    private void feed(int thread) {
        try {
            for (int v = 0; v < timeline.versions(); v++) {
                for (int f = thread; f < timeline.fkbs(); f += threads) {
                    if (!permits.tryAcquire(5, TimeUnit.MINUTES)) {
                        throw new IllegalStateException("no permit for 5 minutes");
                    }
                    try {
                        ingestWithRetries(f, v);
                    }
                    finally {
                        done.incrementAndGet();
                    }
                }
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        catch (RuntimeException ex) {
            failures.add(ex);
        }
    }

    private void ingestWithRetries(int fkb, int version) {
        var submission = timeline.submission(fkb, version);
        for (int attempt = 1; ; attempt++) {
            try {
                reports.put(submission.fkbCode() + "/" + version, ingestion.ingest(submission));
                return;
            }
            catch (PublishFailedException ex) {
                retries.add(new Retry(submission.fkbCode(), version, attempt, ex.getMessage()));
                if (attempt == ATTEMPTS) {
                    throw new IllegalStateException(submission.documentName() + " failed " + ATTEMPTS + " times", ex);
                }
            }
        }
    }

    public List<String> describeRetries() {
        var lines = new ArrayList<String>();
        retries.forEach(r -> lines.add(r.fkbCode() + " v" + r.version() + " attempt " + r.attempt() + ": " + r.error()));
        return lines;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
