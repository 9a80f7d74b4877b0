package dk.amu.catalogue.ingest.ingestion;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.SenderContext;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.stereotype.Component;

/**
 * One observation per published document: a child of the upload's (the HTTP request's) trace, or a
 * trace of its own for the expiry clock, the inbox and polling. Its trace context goes into every
 * record of the transaction as a W3C {@code traceparent} header, so the consumers log the upload's
 * trace id. The producer is transactional and written by hand, so this is what KafkaTemplate's
 * observation would do for it, once per transaction instead of once per record.
 */
@Component
class PublishTraces {

    private final ObservationRegistry observations;

    PublishTraces(ObservationRegistry observations) {
        this.observations = observations;
    }

    /** Starts the observation of one publish and makes it current; close it when the transaction is done. */
    Trace publishing(String fkbCode, int events) {
        var headers = new RecordHeaders();
        var context = new SenderContext<RecordHeaders>((carrier, key, value) -> carrier.add(
                new RecordHeader(key, value.getBytes(StandardCharsets.UTF_8))));
        context.setCarrier(headers);
        context.setRemoteServiceName("kafka");
        var observation = Observation.createNotStarted("catalogue.events.publish", () -> context, observations)
                .highCardinalityKeyValue("fkb", fkbCode)
                .highCardinalityKeyValue("events", String.valueOf(events))
                .start();
        return new Trace(observation, observation.openScope(), List.of(headers.toArray()));
    }

    /** The headers every record of the transaction carries. */
    record Trace(Observation observation, Observation.Scope scope, List<Header> headers) implements AutoCloseable {

        @Override
        public void close() {
            scope.close();
            observation.stop();
        }
    }
}
