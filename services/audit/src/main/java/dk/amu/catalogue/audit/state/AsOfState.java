package dk.amu.catalogue.audit.state;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dk.amu.catalogue.audit.fold.SharedLinkValues;
import dk.amu.catalogue.audit.replay.EventDecoder;
import dk.amu.catalogue.audit.replay.InconsistentLogException;
import dk.amu.catalogue.audit.replay.LogReplay;
import dk.amu.catalogue.audit.replay.Progress;
import dk.amu.catalogue.audit.replay.RawRecord;
import dk.amu.catalogue.eventlog.LinkState;
import dk.amu.catalogue.eventlog.LinkStates;
import dk.amu.catalogue.eventlog.Payloads;
import dk.amu.catalogue.events.v1.CatalogueEvent;

/**
 * The links of one FKB or of all, folded from the log alone: content from the events recorded by
 * {@code knownAt} (in sequence order, which is log order within an FKB's partition), status on the
 * business date {@code asOf}. Memory holds one state per link, its values shared with the other links'
 * ({@link SharedLinkValues}), never the events.
 */
public final class AsOfState {

    private final LogReplay replay;

    private final EventDecoder decoder;

    private final String topic;

    public AsOfState(LogReplay replay, EventDecoder decoder, String topic) {
        this.replay = replay;
        this.decoder = decoder;
        this.topic = topic;
    }

    /**
     * @param fkbCode one FKB, or null for all
     * @return the links ever linked by an event known at {@code knownAt}, by FKB and course number
     */
    public List<LinkView> links(String fkbCode, LocalDate asOf, Instant knownAt, Progress progress) throws IOException {
        return fold(fkbCode, asOf, knownAt, progress).links();
    }

    /** The links, and when the latest event of the FKB (or of any) was recorded, whether {@code knownAt} counted it or not. */
    public Folded fold(String fkbCode, LocalDate asOf, Instant knownAt, Progress progress) throws IOException {
        var fold = new Fold(fkbCode, knownAt);
        replay.replay(topic, fold::accept, progress);
        var views = new ArrayList<LinkView>();
        for (var fkb : fold.links.values()) {
            for (var link : fkb.values()) {
                views.add(LinkView.of(link, asOf));
            }
        }
        views.sort(Comparator.comparing(LinkView::fkbCode).thenComparing(LinkView::courseNumber));
        return new Folded(views, fold.latestRecorded == Long.MIN_VALUE ? null : Instant.ofEpochMilli(fold.latestRecorded));
    }

    /**
     * @param latestRecorded null when no event was read: the answer is the same for every {@code knownAt}
     *                       at or after it, which is what lets "as known now" be answered again without a replay
     */
    public record Folded(List<LinkView> links, Instant latestRecorded) {
    }

    private final class Fold {

        private final byte[] key;

        private final long knownAtMillis;

        /** By FKB code, then course number: no key object per link. */
        private final Map<String, Map<String, LinkState>> links = new HashMap<>();

        private final SharedLinkValues values = new SharedLinkValues();

        private long latestRecorded = Long.MIN_VALUE;

        Fold(String fkbCode, Instant knownAt) {
            this.key = fkbCode == null ? null : fkbCode.getBytes(UTF_8);
            this.knownAtMillis = knownAt.toEpochMilli();
        }

        void accept(RawRecord record) {
            // the key is the FKB code: other FKBs' records are skipped without decoding them
            if (key != null && !record.keyIs(key)) {
                return;
            }
            CatalogueEvent event = decoder.event(record);
            long recorded = event.getRecordedAt().toEpochMilli();
            latestRecorded = Math.max(latestRecorded, recorded);
            if (recorded > knownAtMillis) {
                return;
            }
            String course = Payloads.courseNumberOf(event);
            if (course == null) {
                return;
            }
            var fkb = links.computeIfAbsent(values.shared(event.getFkbCode()), code -> new HashMap<>());
            try {
                LinkState before = fkb.get(course);
                LinkState after = LinkStates.apply(before, event);
                if (after != null && after != before) {
                    fkb.put(course, values.share(after));
                }
            }
            catch (IllegalStateException ex) {
                throw new InconsistentLogException(record, ex.getMessage(), ex);
            }
        }
    }
}
