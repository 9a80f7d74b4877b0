package dk.amu.catalogue.audit.replay;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.errors.InterruptException;

/**
 * Hands a replay's batches to the sink on a thread of its own, in order, so the Kafka client's
 * fetching and record parsing on the replay's thread overlap the sink's decoding, folding and
 * hashing on the other core. At most two polls wait between them (a poll is at most 5,000
 * records), so memory stays one fetch or so. A sink failure, an {@link IOException} included, is
 * thrown on the replay's thread at its next hand-over or at {@link #finish()}; closing without
 * finishing (the replay failed or was interrupted) stops the sink's thread.
 */
final class Handoff implements AutoCloseable {

    private static final List<RawRecord> END = List.of();

    private final BlockingQueue<List<RawRecord>> queue = new ArrayBlockingQueue<>(2);

    private final Thread thread;

    private volatile Throwable failure;

    Handoff(RecordSink sink) {
        this.thread = new Thread(() -> drain(sink), "audit-replay-sink");
        thread.setDaemon(true);
        thread.start();
    }

    private void drain(RecordSink sink) {
        try {
            for (var batch = queue.take(); batch != END; batch = queue.take()) {
                for (var record : batch) {
                    sink.accept(record);
                }
            }
        }
        catch (InterruptedException ex) {
            // closed without finishing: the replay has ended already
        }
        catch (Throwable ex) {
            failure = ex;
        }
    }

    /** Queues a batch; throws what the sink failed with, if it has. */
    void put(List<RawRecord> batch) throws IOException {
        if (batch.isEmpty()) {
            rethrow();
            return;
        }
        try {
            while (!queue.offer(batch, 50, TimeUnit.MILLISECONDS)) {
                rethrow();
                if (!thread.isAlive()) {
                    throw new IllegalStateException("the replay's sink stopped without a reason");
                }
            }
        }
        catch (InterruptedException ex) {
            throw new InterruptException(ex);
        }
        rethrow();
    }

    /** Waits until the sink has taken every record; throws what it failed with, if it has. */
    void finish() throws IOException {
        try {
            while (thread.isAlive() && !queue.offer(END, 50, TimeUnit.MILLISECONDS)) {
                rethrow();
            }
            thread.join();
        }
        catch (InterruptedException ex) {
            throw new InterruptException(ex);
        }
        rethrow();
    }

    private void rethrow() throws IOException {
        var failed = failure;
        if (failed instanceof IOException io) {
            throw io;
        }
        if (failed instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failed instanceof Error error) {
            throw error;
        }
        if (failed != null) {
            throw new IllegalStateException(failed);
        }
    }

    @Override
    public void close() {
        if (thread.isAlive()) {
            thread.interrupt();
            try {
                thread.join(1_000);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
