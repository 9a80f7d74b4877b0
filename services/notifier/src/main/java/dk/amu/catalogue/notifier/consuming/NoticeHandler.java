package dk.amu.catalogue.notifier.consuming;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import dk.amu.catalogue.eventconsumer.BatchHandler;
import dk.amu.catalogue.eventconsumer.RecordFailedException;
import dk.amu.catalogue.eventconsumer.RecordTraces;
import dk.amu.catalogue.eventlog.LinkState;
import dk.amu.catalogue.eventlog.LinkStates;
import dk.amu.catalogue.eventlog.Payloads;
import dk.amu.catalogue.events.v1.CatalogueEvent;
import dk.amu.catalogue.events.v1.FkbRevised;
import dk.amu.catalogue.notifier.links.LinkStore.Fkb;
import dk.amu.catalogue.notifier.links.LinkStore.Key;
import dk.amu.catalogue.notifier.links.LinkStore;
import dk.amu.catalogue.notifier.matching.EventNotices;
import dk.amu.catalogue.notifier.matching.SubscriptionIndex;
import dk.amu.catalogue.notifier.matching.SubscriptionIndexSync;
import dk.amu.catalogue.notifier.outbox.Notices;
import dk.amu.catalogue.notifier.warnings.ExpiryWarnings;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Turns a batch of events into notices, inside the transaction that also stores the consumer
 * position: folds each event into the notifier's link state, matches it against the subscription
 * index, and records a notice per subscription reached. An event at or below its FKB's stored head
 * was handled before and is skipped.
 *
 * <p>The events of an FKB's first ingestion (one ingestion id) become one summary, not a notice per course.
 * An event of a later ingestion than the ones before it shows them complete, which lets their held
 * immediate e-mails go ({@link Notices#ingestionsComplete}).
 *
 * <p>With several instances, each handles the partitions it is assigned, and a notice is recorded
 * once per subscription whichever instance handles its event, before or after a rebalance: its id
 * is the event's, and {@code (subscription, notice)} is unique.
 */
@Component
class NoticeHandler implements BatchHandler {

    private final LinkStore store;

    private final SubscriptionIndexSync sync;

    private final SubscriptionIndex index;

    private final Notices notices;

    private final ExpiryWarnings warnings;

    @Autowired
    NoticeHandler(LinkStore store, SubscriptionIndexSync sync, Notices notices, ExpiryWarnings warnings) {
        this(store, sync, sync.index(), notices, warnings);
    }

    /** Matching against {@code index} instead of the live one: an empty index folds without telling anyone. */
    NoticeHandler(LinkStore store, SubscriptionIndexSync sync, SubscriptionIndex index, Notices notices,
            ExpiryWarnings warnings) {
        this.store = store;
        this.sync = sync;
        this.index = index;
        this.notices = notices;
        this.warnings = warnings;
    }

    @Override
    public void apply(List<ConsumerRecord<String, CatalogueEvent>> records) {
        // a subscription made through another instance, or a retry after one was deleted meanwhile
        sync.refresh();
        var codes = new LinkedHashSet<String>();
        records.forEach(r -> codes.add(r.value().getFkbCode()));
        var fkbs = new HashMap<>(store.fkbs(codes));
        var links = new HashMap<>(store.links(codes));
        var changedFkbs = new LinkedHashMap<String, Fkb>();
        var changedLinks = new LinkedHashMap<Key, LinkState>();
        // an FKB's first ingestion becomes one summary, sent in the trace of that upload
        var firstIngestions = new LinkedHashMap<String, String>();
        var latestIngestions = new LinkedHashMap<String, String>();
        for (int i = 0; i < records.size(); i++) {
            var event = records.get(i).value();
            var traceparent = RecordTraces.traceparent(records.get(i));
            try {
                var fkb = fkbs.get(event.getFkbCode());
                if (fkb != null && event.getSequence() <= fkb.headSequence()) {
                    continue;
                }
                var ingestion = event.getSource().getIngestionId();
                if (fkb != null && !ingestion.equals(fkb.firstIngestionId()) && firstIngestions.containsKey(fkb.code())) {
                    // the first ingestion ends inside this batch: its summary goes out before what came after it
                    summarise(fkb, links, firstIngestions.remove(fkb.code()));
                }
                var title = event.getPayload() instanceof FkbRevised revised ? revised.getTitle()
                        : fkb == null ? null : fkb.title();
                fkb = new Fkb(event.getFkbCode(), title, event.getSequence(), fkb == null ? ingestion : fkb.firstIngestionId());
                fkbs.put(fkb.code(), fkb);
                changedFkbs.put(fkb.code(), fkb);
                latestIngestions.put(fkb.code(), ingestion);
                var course = Payloads.courseNumberOf(event);
                var key = course == null ? null : new Key(event.getFkbCode(), course);
                var before = key == null ? null : links.get(key);
                var after = key == null ? null : LinkStates.apply(before, event);
                if (key != null && after != before) {
                    links.put(key, after);
                    changedLinks.put(key, after);
                }
                if (ingestion.equals(fkb.firstIngestionId())) {
                    firstIngestions.put(fkb.code(), traceparent);
                }
                else {
                    var notice = EventNotices.of(event, before, after);
                    notices.record(notice, index.match(notice.subject()), traceparent);
                    warnings.withdraw(before, after);
                }
                if (after != null) {
                    warnings.warn(after);
                }
            }
            catch (RuntimeException ex) {
                throw new RecordFailedException(i, ex);
            }
        }
        store.save(changedFkbs.values(), changedLinks.values());
        firstIngestions.forEach((code, traceparent) -> summarise(fkbs.get(code), links, traceparent));
        notices.ingestionsComplete(latestIngestions);
    }

    /** The summary covers every course the first ingestion linked; one split over batches revises it. */
    private void summarise(Fkb fkb, Map<Key, LinkState> links, String traceparent) {
        var linked = new ArrayList<LinkState>();
        links.forEach((key, link) -> {
            if (key.fkbCode().equals(fkb.code()) && link.unlinkedOn() == null) {
                linked.add(link);
            }
        });
        var time = linked.stream().map(LinkState::recordedAt).max(java.util.Comparator.naturalOrder()).orElse(null);
        var notice = EventNotices.tracked(fkb.code(), fkb.title(), fkb.firstIngestionId(), linked, time);
        notices.revise(notice, index.match(notice.subject()), traceparent);
    }
}
