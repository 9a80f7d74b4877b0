package dk.amu.catalogue.projections.consuming;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import dk.amu.catalogue.eventconsumer.BatchHandler;
import dk.amu.catalogue.eventconsumer.RecordFailedException;
import dk.amu.catalogue.eventlog.LinkStates;
import dk.amu.catalogue.eventlog.Payloads;
import dk.amu.catalogue.events.v1.CatalogueEvent;
import dk.amu.catalogue.events.v1.FkbRevised;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Applies events to the read models of one schema: the live {@code projections} or a rebuild's
 * shadow. The fold runs in memory from the stored state of what the batch touches, then the
 * result is written in a few statements, inside the transaction of {@code PositionedBatches}.
 *
 * <p>An event at or below its FKB's stored head sequence was applied before and changes nothing,
 * so even a redelivery the stored position did not catch is a no-op.
 */
public final class Projector implements BatchHandler {

    private final ProjectionStore store;

    public Projector(ProjectionStore store) {
        this.store = store;
    }

    @Override
    public void apply(List<ConsumerRecord<String, CatalogueEvent>> records) {
        var events = new ArrayList<CatalogueEvent>(records.size());
        records.forEach(record -> events.add(record.value()));
        var projection = new Projection();
        var fkbCodes = new LinkedHashSet<String>();
        var linkKeys = new LinkedHashSet<LinkKey>();
        for (var event : events) {
            fkbCodes.add(event.getFkbCode());
            var course = Payloads.courseNumberOf(event);
            if (course != null) {
                linkKeys.add(new LinkKey(event.getFkbCode(), course));
            }
        }
        projection.fkbs.putAll(store.fkbs(fkbCodes));
        projection.links.putAll(store.links(linkKeys));
        for (int i = 0; i < events.size(); i++) {
            var event = events.get(i);
            try {
                fold(projection, event);
            }
            catch (RuntimeException ex) {
                throw new RecordFailedException(i, ex);
            }
        }
        store.write(projection);
    }

    /** Folds one event into {@code projection}: the one rule the live consumer and a rebuild share. */
    static void fold(Projection projection, CatalogueEvent event) {
        var fkb = projection.fkbs.getOrDefault(event.getFkbCode(), FkbRow.first(event.getFkbCode()));
        if (event.getSequence() <= fkb.headSequence()) {
            return;
        }
        var type = Payloads.typeOf(event);
        var course = Payloads.courseNumberOf(event);
        if (course == null) {
            projection.changes.add(new Projection.Change(event, type, null, null, null));
        }
        else {
            var key = new LinkKey(event.getFkbCode(), course);
            var before = projection.links.get(key);
            var after = LinkStates.apply(before, event);
            if (after != before) {
                projection.links.put(key, after);
                projection.versions.add(new Projection.Version(after, type));
            }
            projection.changes.add(new Projection.Change(event, type, course, before, after));
        }
        var next = Payloads.dispatch(event, new FkbRows(fkb));
        if (next.revisions() > fkb.revisions()) {
            // the fold counted a revision, so the payload is an FkbRevised
            projection.revisions.add(new Projection.Revision(event, (FkbRevised) event.getPayload()));
        }
        projection.fkbs.put(fkb.code(), next);
    }
}
