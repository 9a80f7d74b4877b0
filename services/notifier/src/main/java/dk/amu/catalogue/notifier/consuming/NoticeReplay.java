package dk.amu.catalogue.notifier.consuming;

import java.util.List;
import java.util.Set;

import dk.amu.catalogue.eventconsumer.FkbRedrive;
import dk.amu.catalogue.eventconsumer.RecordFailedException;
import dk.amu.catalogue.events.v1.CatalogueEvent;
import dk.amu.catalogue.notifier.links.LinkStore;
import dk.amu.catalogue.notifier.matching.SubscriptionIndex;
import dk.amu.catalogue.notifier.matching.SubscriptionIndexSync;
import dk.amu.catalogue.notifier.outbox.Notices;
import dk.amu.catalogue.notifier.warnings.ExpiryWarnings;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;

/**
 * A redrive in the notifier: the FKB's link fold and head are forgotten, and its history goes through a
 * {@link NoticeHandler} again. The school is told about the parked events and about nothing else again:
 * <ul>
 * <li>the events applied before are folded by a handler that matches no subscription, so a school that
 * subscribed since is not sent the FKB's whole history;</li>
 * <li>the parked events go through the live handler: their notices are new, each recorded once per
 * subscription and notice id; one in the FKB's first ingestion revises that ingestion's summary, whose
 * id its first recipients already have;</li>
 * <li>expiry warnings come from the links' final states only ({@link FinalStateWarnings}).</li>
 * </ul>
 */
@Component
class NoticeReplay implements FkbRedrive {

    private final LinkStore store;

    private final FinalStateWarnings warnings;

    private final NoticeHandler telling;

    private final NoticeHandler silent;

    NoticeReplay(LinkStore store, SubscriptionIndexSync sync, Notices notices, ExpiryWarnings warnings) {
        this.store = store;
        this.warnings = new FinalStateWarnings(warnings);
        this.telling = new NoticeHandler(store, sync, notices, this.warnings);
        this.silent = new NoticeHandler(store, sync, new SubscriptionIndex(), notices, this.warnings);
    }

    @Override
    public void forget(String fkbCode) {
        warnings.forget();
        store.forget(fkbCode);
    }

    /** In runs of parked and of applied records, in log order; the handler skips what is at or below the head. */
    @Override
    public void apply(List<ConsumerRecord<String, CatalogueEvent>> history, Set<Long> parked) {
        int start = 0;
        while (start < history.size()) {
            boolean tell = parked.contains(history.get(start).offset());
            int end = start;
            while (end < history.size() && parked.contains(history.get(end).offset()) == tell) {
                end++;
            }
            warnings.silent(!tell);
            try {
                (tell ? telling : silent).apply(history.subList(start, end));
            }
            catch (RecordFailedException ex) {
                throw new RecordFailedException(start + ex.index(), ex.getCause());
            }
            finally {
                warnings.silent(false);
            }
            start = end;
        }
    }

    @Override
    public void applied(String fkbCode) {
        warnings.warnFinalStates();
    }
}
