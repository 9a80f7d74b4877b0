package dk.amu.catalogue.projections.consuming;

import java.util.LinkedHashMap;
import java.util.List;

import dk.amu.catalogue.eventconsumer.PositionedBatches;
import dk.amu.catalogue.eventconsumer.RecordTraces;
import dk.amu.catalogue.eventlog.CatalogueTopics;
import dk.amu.catalogue.events.v1.CatalogueEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Kafka transport: each poll of the events topic becomes one batch for the live projector. Once it
 * is committed, one line per upload says what was projected, in the upload's trace.
 */
@Component
class EventListener {

    private static final Logger log = LoggerFactory.getLogger(EventListener.class);

    /** The listener container's id, by which the rebuild stops and restarts it. */
    static final String ID = "projections-events";

    private final PositionedBatches batches;

    private final Projector projector;

    private final Counter applied;

    private final RecordTraces traces;

    EventListener(PositionedBatches batches, LiveProjection live, MeterRegistry meters, RecordTraces traces) {
        this.batches = batches;
        this.traces = traces;
        this.projector = live.projector();
        this.applied = Counter.builder("catalogue.projections.events.applied")
                .description("events the live projector has applied or skipped as already applied")
                .register(meters);
    }

    @KafkaListener(id = ID, idIsGroup = false, topics = CatalogueTopics.EVENTS,
            containerFactory = "eventListenerContainerFactory", batch = "true")
    void onEvents(List<ConsumerRecord<String, CatalogueEvent>> records) {
        batches.applyOrThrow(records, projector);
        applied.increment(records.size());
        traces.forEachTrace(records, "catalogue.projections.apply", EventListener::logProjected);
    }

    private static void logProjected(List<ConsumerRecord<String, CatalogueEvent>> records) {
        if (!log.isInfoEnabled()) {
            return;
        }
        var heads = new LinkedHashMap<String, Long>();
        records.forEach(r -> heads.merge(r.value().getFkbCode(), r.value().getSequence(), Math::max));
        var text = new StringBuilder();
        heads.forEach((fkb, sequence) -> text.append(text.isEmpty() ? "" : ", ").append(fkb).append(" up to sequence ")
                .append(sequence));
        if (RecordTraces.traceparent(records.get(0)) == null) {
            log.debug("Projected {} events: {}", records.size(), text);
        }
        else {
            log.info("Projected {} events: {}", records.size(), text);
        }
    }
}
