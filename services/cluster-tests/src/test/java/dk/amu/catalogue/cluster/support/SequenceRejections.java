package dk.amu.catalogue.cluster.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;

/**
 * Counts the brokers' refusals of a transactional batch that reached a partition before the first
 * batch of its transaction there: Kafka's {@code ReplicaManager} logs them as "Error processing append
 * operation" with an {@code OutOfOrderSequenceException} that says "Expected sequence 0 for
 * transactions v2 idempotent producer with no existing state". Wired in {@code logback-test.xml}.
 */
public final class SequenceRejections extends AppenderBase<ILoggingEvent> {

    public static final String MESSAGE = "Expected sequence 0 for transactions v2 idempotent producer with no existing state";

    private static final List<String> SEEN = new CopyOnWriteArrayList<>();

    /** Every rejection logged so far in this JVM: the exception's message, which names the producer and the partition. */
    public static List<String> seen() {
        return List.copyOf(SEEN);
    }

    @Override
    protected void append(ILoggingEvent event) {
        var thrown = event.getThrowableProxy();
        while (thrown != null) {
            if (thrown.getMessage() != null && thrown.getMessage().contains(MESSAGE)) {
                SEEN.add(thrown.getMessage());
                return;
            }
            thrown = thrown.getCause();
        }
    }
}
