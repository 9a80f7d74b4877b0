package dk.amu.catalogue.eventconsumer;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a consumer service says about itself to get its consumer of the events topic: its name (the
 * consumer group {@code amu-catalogue-<service>}, the dead-letter topic {@code <service>.dead-letters},
 * the listener id {@code <service>-events}), the database schema its positions live in, and an
 * optional lock to take first. With this and a {@link BatchHandler} bean in its context, a service gets
 * the rest from {@link EventConsumerAutoConfiguration}; a {@link BatchApplied} bean, if it has one, runs
 * after each committed batch.
 *
 * @param service     the service's name
 * @param schema      the service's database schema, where {@code consumer_positions} is
 * @param concurrency listener threads; more than the topic's partitions would idle
 * @param maxLag      health reports the consumer OUT_OF_SERVICE beyond this many unapplied records
 * @param first       run first in every batch's transaction, before the stored positions are read
 *                    (a lock that another instance takes exclusively to swap tables under the consumer)
 */
public record EventConsumer(String service, String schema, int concurrency, long maxLag, Runnable first) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

    /** The default {@code maxLag}: a consumer this far behind is not serving current data. */
    public static final long DEFAULT_MAX_LAG = 100_000;

    public EventConsumer {
        if (!NAME.matcher(service).matches()) {
            throw new IllegalArgumentException("not a service name: '" + service + "'");
        }
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(first, "first");
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
        }
    }

    /** One listener thread, no hooks. */
    public static EventConsumer of(String service, String schema) {
        return new EventConsumer(service, schema, 1, DEFAULT_MAX_LAG, () -> {
        });
    }

    public EventConsumer withConcurrency(int threads) {
        return new EventConsumer(service, schema, threads, maxLag, first);
    }

    public EventConsumer withMaxLag(long records) {
        return new EventConsumer(service, schema, concurrency, records, first);
    }

    public EventConsumer withFirst(Runnable lock) {
        return new EventConsumer(service, schema, concurrency, maxLag, lock);
    }

    /** The listener container's id in the {@code KafkaListenerEndpointRegistry}, by which it is stopped and started. */
    public String listenerId() {
        return listenerId(service);
    }

    public static String listenerId(String service) {
        return service + "-events";
    }
}
