package dk.amu.catalogue.audit.queries;

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
import dk.amu.catalogue.audit.replay.LogEnds;
import dk.amu.catalogue.audit.replay.LogReplay;
import dk.amu.catalogue.audit.replay.Progress;
import dk.amu.catalogue.audit.replay.ReplayGate;
import dk.amu.catalogue.audit.replay.ReplaysBusyException;
import dk.amu.catalogue.audit.state.AsOfState;
import dk.amu.catalogue.audit.state.LinkView;
import dk.amu.catalogue.audit.verify.LogVerifier;
import dk.amu.catalogue.audit.verify.VerifyReport;
import dk.amu.catalogue.eventlog.CatalogueZone;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit's questions as plain Java, each answered by one replay of the log from Kafka: what the
 * command line and the web API call, and what a test can hold against the projections API.
 * Thread-safe: every replay has its own consumer. At most {@link ReplayGate}'s number of replays run
 * at once, the rest are refused with {@link ReplaysBusyException}; a question asked again about the
 * same end of the log is answered from {@link AnswerCache} (exports excepted: they stream any size).
 */
public final class AuditQueries {

    /**
     * @param cacheEntries  answers kept
     * @param cacheMaxItems the most links, entries or heads and findings an answer may hold to be kept
     */
    public record Settings(String topic, String snapshotTopic, int maxFindings, int cacheEntries, int cacheMaxItems) {
    }

    private final LogReplay replay;

    private final EventDecoder decoder;

    private final LogEnds ends;

    private final ReplayGate gate;

    private final Settings settings;

    private final AnswerCache cache;

    private final Clock clock;

    /** Made when first needed, by JSON Lines exports only: a command line that prints a table never loads Jackson. */
    private volatile JsonMapper json;

    public AuditQueries(LogReplay replay, EventDecoder decoder, LogEnds ends, ReplayGate gate, Settings settings,
            Clock clock) {
        this.replay = replay;
        this.decoder = decoder;
        this.ends = ends;
        this.gate = gate;
        this.settings = settings;
        this.cache = new AnswerCache(settings.cacheEntries(), settings.cacheMaxItems());
        this.clock = clock;
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
        var date = asOf == null ? today() : asOf;
        var moment = knownAt == null ? clock.instant() : knownAt;
        // "as known now" is one question while the log ends where it did: now moves, the answer does not,
        // unless an event was recorded after now (a clock set back), which the fold tells
        var question = "state fkb=" + fkbCode + " asOf=" + date + " knownAt=" + (knownAt == null ? "now" : knownAt);
        var folded = cache.answer(key(question, settings.topic()),
                () -> replayed(progress, p -> new AsOfState(replay, decoder, settings.topic()).fold(fkbCode, date, moment, p)),
                answer -> answer.links().size(),
                answer -> knownAt != null || answer.latestRecorded() == null || !answer.latestRecorded().isAfter(moment));
        return folded.links();
    }

    /** Every event of a course (in every FKB when {@code fkbCode} is null) or of an FKB ({@code courseNumber} null). */
    public List<HistoryEntry> history(String courseNumber, String fkbCode) {
        return history(courseNumber, fkbCode, Progress.NONE);
    }

    public List<HistoryEntry> history(String courseNumber, String fkbCode, Progress progress) {
        return cache.answer(key("history course=" + courseNumber + " fkb=" + fkbCode, settings.topic()),
                () -> replayed(progress, p -> new EventHistory(replay, decoder, settings.topic()).of(courseNumber, fkbCode, p)),
                List::size, answer -> true);
    }

    /**
     * Takes a replay's place now, or is refused now, and writes when asked: so that over HTTP a
     * refusal is a status, not a stream broken after its headers.
     */
    public PendingExport export(ExportFormat format, ExportWindow window) {
        var permit = gate.enter();
        return new PendingExport(permit, new EventExport(replay, decoder, settings.topic(), json()), format, window);
    }

    /**
     * Writes the events in the window as they are read.
     *
     * @return how many were written
     * @throws IOException when writing fails; the replay stops and its consumer is closed
     */
    public long export(ExportFormat format, ExportWindow window, OutputStream out, Progress progress) throws IOException {
        try (var pending = export(format, window)) {
            return pending.writeTo(out, progress);
        }
    }

    /** Verifies the log, or a copy of it on another topic ({@code otherTopic} null for the log). */
    public VerifyReport verify(String otherTopic, Progress progress) {
        var topic = otherTopic == null ? settings.topic() : otherTopic;
        return cache.answer(key("verify topic=" + topic, settings.snapshotTopic(), topic),
                () -> replayed(progress, p -> new LogVerifier(replay, decoder, settings.snapshotTopic(), settings.maxFindings())
                        .verify(topic, p)),
                report -> report.heads().size() + report.findings().size(), report -> true);
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
        return settings.topic();
    }

    /** Replays let through, refused and running, and answers given without a replay: for the metrics. */
    public Counts counts() {
        return new Counts(gate.started(), gate.refused(), gate.running(), cache.hits(), cache.shared());
    }

    public record Counts(long replaysStarted, long replaysRefused, int replaysRunning, long answersCached,
            long answersShared) {
    }

    /** The question and where the log ends now; null without a cache, which spares the look-up of the ends. */
    private JsonMapper json() {
        if (json == null) {
            json = JsonMapper.builder().build();
        }
        return json;
    }

    private AnswerCache.Key key(String question, String... topics) {
        return cache.enabled() ? new AnswerCache.Key(question, ends.of(List.of(topics))) : null;
    }

    private interface Replay<T> {
        T run(Progress progress) throws IOException;
    }

    private <T> T replayed(Progress progress, Replay<T> run) {
        try (var permit = gate.enter()) {
            return run.run(progress);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
