package dk.amu.catalogue.notifier.consuming;

import java.time.Clock;
import java.util.List;

import dk.amu.catalogue.eventconsumer.FkbRedrive;
import dk.amu.catalogue.events.v1.CatalogueEvent;
import dk.amu.catalogue.notifier.matching.Notices;
import dk.amu.catalogue.notifier.matching.SubscriptionIndex;
import dk.amu.catalogue.notifier.matching.SubscriptionIndexSync;
import dk.amu.catalogue.notifier.warnings.ExpiryWarnings;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;

/**
 * A redrive in the notifier: the FKB's link fold and head are forgotten, and its history goes through a
 * {@link NoticeHandler} again. No school is told twice: a notice is recorded once per subscription and
 * notice id (the event's), so only what the dead letter itself causes is new; the FKB's first ingestion
 * is summarised again under the summary's own id, which revises its text and sends nothing new; and the
 * expiry warnings are worked out from the links' final states only ({@link FinalStateWarnings}).
 */
@Component
class NoticeReplay implements FkbRedrive {

    private final LinkStore store;

    private final FinalStateWarnings warnings;

    private final NoticeHandler handler;

    NoticeReplay(LinkStore store, SubscriptionIndexSync sync, SubscriptionIndex index, Notices notices,
            ExpiryWarnings warnings, Clock clock) {
        this.store = store;
        this.warnings = new FinalStateWarnings(index, notices, clock, warnings);
        this.handler = new NoticeHandler(store, sync, notices, this.warnings);
    }

    @Override
    public void forget(String fkbCode) {
        warnings.forget();
        store.forget(fkbCode);
    }

    @Override
    public void apply(List<ConsumerRecord<String, CatalogueEvent>> history) {
        handler.apply(history);
    }

    @Override
    public void applied(String fkbCode) {
        warnings.warnFinalStates();
    }
}
