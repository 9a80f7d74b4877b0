package dk.amu.catalogue.projections.consuming;

import java.util.LinkedHashMap;
import java.util.List;

import dk.amu.catalogue.eventconsumer.BatchApplied;
import dk.amu.catalogue.eventconsumer.RecordTraces;
import dk.amu.catalogue.events.v1.CatalogueEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * After each committed live batch: counts its events, and says in one line per upload what was
 * projected, in the upload's trace.
 */
@Component
class ProjectedLog implements BatchApplied {

    private static final Logger log = LoggerFactory.getLogger(ProjectedLog.class);

    private final Counter applied;

    private final RecordTraces traces;

    ProjectedLog(MeterRegistry meters, RecordTraces traces) {
        this.traces = traces;
        this.applied = Counter.builder("catalogue.projections.events.applied")
                .description("events the live projector has applied or skipped as already applied")
                .register(meters);
    }

    @Override
    public void committed(List<ConsumerRecord<String, CatalogueEvent>> records) {
        applied.increment(records.size());
        traces.forEachTrace(records, "catalogue.projections.apply", ProjectedLog::logProjected);
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
