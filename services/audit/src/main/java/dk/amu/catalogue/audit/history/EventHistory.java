package dk.amu.catalogue.audit.history;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dk.amu.catalogue.audit.replay.EventDecoder;
import dk.amu.catalogue.audit.replay.LogReplay;
import dk.amu.catalogue.audit.replay.Progress;
import dk.amu.catalogue.audit.replay.RawRecord;
import dk.amu.catalogue.eventlog.Payloads;
import dk.amu.catalogue.events.v1.CatalogueEvent;

/**
 * Every event of a course (in every FKB or one) or of an FKB, in the order they were recorded.
 * Only the matching events are kept; a course's or an FKB's history is small beside the log.
 */
public final class EventHistory {

    private static final Comparator<HistoryEntry> RECORDED = Comparator.comparing(HistoryEntry::recordedAt)
            .thenComparing(HistoryEntry::fkbCode).thenComparingLong(HistoryEntry::sequence);

    private final LogReplay replay;

    private final EventDecoder decoder;

    private final String topic;

    public EventHistory(LogReplay replay, EventDecoder decoder, String topic) {
        this.replay = replay;
        this.decoder = decoder;
        this.topic = topic;
    }

    /**
     * @param courseNumber a course, or null for every event of the FKB
     * @param fkbCode      an FKB, or null for the course in every FKB; not both null
     */
    public List<HistoryEntry> of(String courseNumber, String fkbCode, Progress progress) throws IOException {
        if (courseNumber == null && fkbCode == null) {
            throw new IllegalArgumentException("a history is of a course or of an FKB: give course, fkb or both");
        }
        byte[] key = fkbCode == null ? null : fkbCode.getBytes(UTF_8);
        var entries = new ArrayList<HistoryEntry>();
        replay.replay(topic, record -> {
            if (key != null && !record.keyIs(key)) {
                return;
            }
            CatalogueEvent event = decoder.event(record);
            String course = Payloads.courseNumberOf(event);
            if (courseNumber == null || courseNumber.equals(course)) {
                entries.add(entry(record, event, course));
            }
        }, progress);
        entries.sort(RECORDED);
        return entries;
    }

    private static HistoryEntry entry(RawRecord record, CatalogueEvent event, String course) {
        var source = event.getSource();
        return new HistoryEntry(event.getFkbCode(), event.getSequence(), Payloads.typeOf(event), course,
                Payloads.dispatch(event, Changes.DESCRIBE), event.getEffectiveDate(), event.getRecordedAt(),
                source.getDocumentName(), source.getDocumentSha256(), Payloads.dispatch(event, Changes.SUCCESSOR),
                event.getEventId(), record.partition(), record.offset());
    }
}
