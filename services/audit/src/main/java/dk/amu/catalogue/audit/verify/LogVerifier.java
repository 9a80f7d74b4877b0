package dk.amu.catalogue.audit.verify;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dk.amu.catalogue.audit.fold.SharedLinkValues;
import dk.amu.catalogue.audit.replay.EventDecoder;
import dk.amu.catalogue.audit.replay.LogReplay;
import dk.amu.catalogue.audit.replay.Progress;
import dk.amu.catalogue.audit.replay.RawRecord;
import dk.amu.catalogue.audit.replay.UndecodableRecordException;
import dk.amu.catalogue.audit.verify.ChainHead.SnapshotCheck;
import dk.amu.catalogue.eventlog.ChainCheck;
import dk.amu.catalogue.eventlog.WrittenEvents;
import dk.amu.catalogue.events.v1.CatalogueEvent;
import dk.amu.catalogue.serde.WireFormat;
import dk.amu.catalogue.snapshots.v1.CatalogueSnapshot;
import org.apache.avro.generic.GenericRecord;

/**
 * Proves the log complete and untampered from the log alone: every FKB's sequences gapless from 1,
 * every hash and id recomputed from the record under the schema it was written with, every record
 * decodable, and each FKB's latest snapshot equal to the state its events fold to (an FKB without
 * one, as a log written without ingest has, is shown as such). Memory holds the
 * heads, the folded links and the latest snapshot per FKB as its record's bytes (decoded again, one at
 * a time, to compare), never the events.
 */
public final class LogVerifier {

    private final LogReplay replay;

    private final EventDecoder decoder;

    private final String snapshotTopic;

    private final int maxFindings;

    public LogVerifier(LogReplay replay, EventDecoder decoder, String snapshotTopic, int maxFindings) {
        this.replay = replay;
        this.decoder = decoder;
        this.snapshotTopic = snapshotTopic;
        this.maxFindings = maxFindings;
    }

    public VerifyReport verify(String topic, Progress progress) throws IOException {
        var run = new Run();
        // the snapshots first, both topics read to the ends they had at the same moment
        replay.replay(List.of(snapshotTopic, topic), record -> {
            if (record.topic().equals(topic)) {
                run.event(record);
            }
            else {
                run.snapshot(record);
            }
        }, progress);
        var checks = run.compareSnapshots();
        var heads = new ArrayList<ChainHead>();
        new TreeSet<>(run.chain.heads().keySet()).forEach(fkb -> {
            var head = run.chain.heads().get(fkb);
            heads.add(new ChainHead(fkb, head.sequence(), head.hash(), checks.get(fkb)));
        });
        return new VerifyReport(topic, run.total == 0, run.events, heads, run.findings, run.total - run.findings.size());
    }

    private final class Run {

        private final ChainCheck chain = new ChainCheck();

        private final RecordHashes hashes = new RecordHashes();

        private final Map<String, FoldedFkb> folded = new HashMap<>();

        private final SharedLinkValues values = new SharedLinkValues();

        /** The latest snapshot's record per FKB: its bytes take a fraction of the heap its decoded links would. */
        private final Map<String, RawRecord> snapshotRecords = new HashMap<>();

        private final Set<String> fkbsWithFindings = new HashSet<>();

        private final List<Finding> findings = new ArrayList<>();

        private long total;

        private long events;

        void snapshot(RawRecord record) {
            String fkb = record.keyText();
            CatalogueSnapshot snapshot;
            try {
                snapshot = decoder.snapshot(record);
            }
            catch (UndecodableRecordException ex) {
                found(fkb, null, record, Problem.UNDECODABLE, "snapshot: " + ex.reason());
                return;
            }
            // compaction keeps the last record per key; so does this, and a tombstone removes the FKB
            if (snapshot == null) {
                snapshotRecords.remove(fkb);
            }
            else {
                snapshotRecords.put(snapshot.getFkbCode(), record);
            }
        }

        void event(RawRecord record) {
            events++;
            CatalogueEvent event;
            try {
                event = decoder.event(record);
            }
            catch (UndecodableRecordException ex) {
                found(record.keyText(), null, record, Problem.UNDECODABLE, ex.reason());
                return;
            }
            var observed = observe(record, event);
            chain.accept(observed).ifPresent(finding -> found(finding.fkbCode(), finding.sequence(), record,
                    Problem.valueOf(finding.problem().name()), finding.detail()));
            var fkb = folded.computeIfAbsent(event.getFkbCode(), code -> new FoldedFkb(values));
            fkb.apply(event);
            if (fkb.brokenBy != null && !fkbsWithFindings.contains(event.getFkbCode())) {
                found(event.getFkbCode(), event.getSequence(), record, Problem.INCONSISTENT, fkb.brokenBy);
            }
        }

        /** The hash and id recomputed under the writer schema: the decoded event itself when that is the current one. */
        private ChainCheck.Observed observe(RawRecord record, CatalogueEvent event) {
            String hash;
            String eventId;
            if (decoder.writtenWithCurrentSchema(record)) {
                hash = hashes.hashOf(event, record.value());
                eventId = hashes.eventIdOf(event, record.value());
            }
            else {
                byte[] value = record.value();
                GenericRecord written = WrittenEvents.decode(value, WireFormat.HEADER_SIZE,
                        value.length - WireFormat.HEADER_SIZE, decoder.writerSchema(record));
                hash = WrittenEvents.hashOf(written);
                eventId = WrittenEvents.eventIdOf(written);
            }
            return new ChainCheck.Observed(event.getFkbCode(), event.getSequence(), event.getPreviousHash(),
                    event.getHash(), event.getEventId(), hash, eventId);
        }

        /** How each FKB's snapshot compares; a snapshot that differs, or has no events, is a finding. */
        Map<String, SnapshotCheck> compareSnapshots() {
            var checks = new HashMap<String, SnapshotCheck>();
            var fkbs = new TreeSet<String>(snapshotRecords.keySet());
            fkbs.addAll(chain.heads().keySet());
            for (var fkb : fkbs) {
                var record = snapshotRecords.get(fkb);
                // decoded once already, when it was read: a record that did not decode is not kept
                CatalogueSnapshot snapshot = record == null ? null : decoder.snapshot(record);
                var head = chain.heads().get(fkb);
                // a broken chain is reported where it breaks; its state says nothing more
                if (fkbsWithFindings.contains(fkb)) {
                    checks.put(fkb, SnapshotCheck.NOT_COMPARED);
                    continue;
                }
                if (snapshot == null) {
                    checks.put(fkb, SnapshotCheck.NONE);
                    continue;
                }
                var difference = SnapshotComparison.differences(snapshot, head, folded.getOrDefault(fkb, new FoldedFkb(values)));
                checks.put(fkb, difference.isPresent() ? SnapshotCheck.DIFFERS : SnapshotCheck.AGREES);
                difference.ifPresent(text -> found(fkb, snapshot.getHeadSequence(), record,
                        Problem.SNAPSHOT_MISMATCH, text));
            }
            return checks;
        }

        private void found(String fkb, Long sequence, RawRecord record, Problem problem, String detail) {
            total++;
            if (fkb != null) {
                fkbsWithFindings.add(fkb);
            }
            if (findings.size() < maxFindings) {
                findings.add(new Finding(fkb, sequence, record.topic(), record.partition(), record.offset(), problem, detail));
            }
        }
    }
}
