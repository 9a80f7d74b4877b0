package dk.amu.catalogue.eventconsumer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The trace an event was written in, carried in its record's W3C {@code traceparent} header (ingest
 * puts it there when it publishes a document). A batch mixes the records of many uploads, so no one
 * trace holds for all of it: a consumer opens each upload's trace, as a child observation, around
 * what it does or logs for that upload's records, and the logs then carry the upload's trace id.
 * With no tracer on the classpath the observations are no-ops and the work runs as it is.
 */
public final class RecordTraces {

    /** The W3C trace context header, the propagation Spring Boot's tracing uses by default. */
    public static final String TRACEPARENT = "traceparent";

    private final ObservationRegistry observations;

    private final String service;

    public RecordTraces(ObservationRegistry observations, String service) {
        this.observations = observations;
        this.service = service;
    }

    /** The record's W3C traceparent, or null when it was written outside any trace. */
    public static String traceparent(ConsumerRecord<?, ?> record) {
        var header = record.headers().lastHeader(TRACEPARENT);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /**
     * Calls the action once per trace among the records, in the order each trace first appears,
     * inside that trace; records written outside any trace come last, outside any trace.
     */
    public <R extends ConsumerRecord<?, ?>> void forEachTrace(List<R> records, String name, Consumer<List<R>> action) {
        var byTrace = new LinkedHashMap<String, List<R>>();
        var untraced = new ArrayList<R>();
        for (var record : records) {
            var traceparent = traceparent(record);
            if (traceparent == null) {
                untraced.add(record);
            }
            else {
                byTrace.computeIfAbsent(traceparent, k -> new ArrayList<>()).add(record);
            }
        }
        byTrace.forEach((traceparent, traced) -> within(traceparent, name, () -> {
            action.accept(traced);
            return null;
        }));
        if (!untraced.isEmpty()) {
            action.accept(untraced);
        }
    }

    /** Runs the work in a child of the given trace (a stored traceparent), or as it is when there is none. */
    public <T> T within(String traceparent, String name, Supplier<T> work) {
        if (traceparent == null || traceparent.isBlank()) {
            return work.get();
        }
        var context = new ReceiverContext<Map<String, String>>(Map::get);
        context.setCarrier(Map.of(TRACEPARENT, traceparent));
        context.setRemoteServiceName("kafka");
        return Observation.createNotStarted(name, () -> context, observations)
                .lowCardinalityKeyValue("service", service)
                .observe(work);
    }
}
