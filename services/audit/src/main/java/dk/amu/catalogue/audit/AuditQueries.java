package dk.amu.catalogue.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dk.amu.catalogue.audit.export.EventExport;
import dk.amu.catalogue.audit.export.ExportFormat;
import dk.amu.catalogue.audit.export.ExportWindow;
import dk.amu.catalogue.audit.history.EventHistory;
import dk.amu.catalogue.audit.history.HistoryEntry;
import dk.amu.catalogue.audit.replay.EventDecoder;
import dk.amu.catalogue.audit.replay.LogReplay;
import dk.amu.catalogue.audit.replay.Progress;
import dk.amu.catalogue.audit.state.AsOfState;
import dk.amu.catalogue.audit.state.LinkView;
import dk.amu.catalogue.audit.verify.LogVerifier;
import dk.amu.catalogue.audit.verify.VerifyReport;
import dk.amu.catalogue.eventlog.CatalogueZone;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit's questions as plain Java, each answered by one replay of the log from Kafka: what the
 * command line and the web API call, and what a test can hold against the projections API.
 * Thread-safe: every call has its own consumer.
 */
public final class AuditQueries {

    private final LogReplay replay;

    private final EventDecoder decoder;

    private final String topic;

    private final String snapshotTopic;

    private final int maxFindings;

    private final Clock clock;

    private final JsonMapper json;

    public AuditQueries(LogReplay replay, EventDecoder decoder, String topic, String snapshotTopic, int maxFindings,
            Clock clock, JsonMapper json) {
        this.replay = replay;
        this.decoder = decoder;
        this.topic = topic;
        this.snapshotTopic = snapshotTopic;
        this.maxFindings = maxFindings;
        this.clock = clock;
        this.json = json;
    }

    /**
     * The links of an FKB (or of all, {@code fkbCode} null) on a business date, as the system knew them
     * at an instant.
     *
     * @param asOf    the business date; null for today in Copenhagen
     * @param knownAt only events recorded at or before it count; null for now
     */
    public List<LinkView> state(String fkbCode, LocalDate asOf, Instant knownAt) {
        return state(fkbCode, asOf, knownAt, Progress.NONE);
    }

    public List<LinkView> state(String fkbCode, LocalDate asOf, Instant knownAt, Progress progress) {
        try {
            return new AsOfState(replay, decoder, topic).links(fkbCode, asOf == null ? today() : asOf,
                    knownAt == null ? clock.instant() : knownAt, progress);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Every event of a course (in every FKB when {@code fkbCode} is null) or of an FKB ({@code courseNumber} null). */
    public List<HistoryEntry> history(String courseNumber, String fkbCode) {
        return history(courseNumber, fkbCode, Progress.NONE);
    }

    public List<HistoryEntry> history(String courseNumber, String fkbCode, Progress progress) {
        try {
            return new EventHistory(replay, decoder, topic).of(courseNumber, fkbCode, progress);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Writes the events in the window as they are read.
     *
     * @return how many were written
     * @throws IOException when writing fails; the replay stops and its consumer is closed
     */
    public long export(ExportFormat format, ExportWindow window, OutputStream out, Progress progress) throws IOException {
        return new EventExport(replay, decoder, topic, json).write(format, window, out, progress);
    }

    /** Verifies the log, or a copy of it on another topic ({@code otherTopic} null for the log). */
    public VerifyReport verify(String otherTopic, Progress progress) {
        try {
            return new LogVerifier(replay, decoder, snapshotTopic, maxFindings)
                    .verify(otherTopic == null ? topic : otherTopic, progress);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public VerifyReport verify() {
        return verify(null, Progress.NONE);
    }

    /** The business date today, in Copenhagen: the default of asOf. */
    public LocalDate today() {
        return CatalogueZone.today(clock);
    }

    public Instant now() {
        return clock.instant();
    }

    public String topic() {
        return topic;
    }
}
