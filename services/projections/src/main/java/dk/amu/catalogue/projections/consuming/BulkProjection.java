package dk.amu.catalogue.projections.consuming;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dk.amu.catalogue.eventlog.LinkState;
import dk.amu.catalogue.eventlog.Payloads;
import dk.amu.catalogue.events.v1.CatalogueEvent;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A rebuild's projection into fresh, empty tables: the whole fold stays in memory (every FKB's row
 * and every link's latest state, a few hundred bytes per link), the append-only tables (changes,
 * link versions, revisions) are streamed out with {@code COPY} every {@code flushEvery} events, and
 * the current links and FKB rows are copied once, at {@link #finish()}. The fold is the live
 * projector's own ({@link Projector#fold}), so both paths cannot disagree.
 *
 * <p>Each table's rows go out on a connection and a thread of their own while the caller folds the
 * next events, so reading the log and PostgreSQL's parsing of the rows overlap; a flush waits for
 * the one before it, so at most two batches are in memory. Each table is loaded in one transaction
 * that begins by truncating it ({@link TableLoad}), so PostgreSQL writes its rows frozen and, on a
 * server with {@code wal_level=minimal} such as the embedded one, without a second copy in the WAL.
 *
 * <p>Not resumable by design: a rebuild that dies leaves only its shadow schema, which the next
 * rebuild drops. The live tables, and their exactly-once positions, are the live consumer's.
 */
public final class BulkProjection implements AutoCloseable {

    private static final String VERSION_COLUMNS = ProjectionStore.LINK_COLUMNS + ", change_type";

    private static final String CHANGE_COLUMNS = "event_id, fkb_code, sequence, type, course_number, course_title, "
            + "recorded_at, effective_date, linked_to, previous_linked_to, successor_number, successor_title, "
            + "ingestion_id, document_name";

    private static final String REVISION_COLUMNS = "fkb_code, sequence, recorded_at, effective_date, title, "
            + "previous_title, competences_added, competences_removed, document_name, document_sha256, ingestion_id";

    private static final String FKB_COLUMNS = "code, title, competences, revisions, events, head_sequence, "
            + "latest_revision_at, updated_at";

    private final JdbcTemplate jdbc;

    private final String schema;

    private final int flushEvery;

    private final Projection state = new Projection();

    private CopyRows versions = new CopyRows();

    private CopyRows changes = new CopyRows();

    private CopyRows revisions = new CopyRows();

    private int unflushed;

    private final ExecutorService writers = Executors.newFixedThreadPool(3, runnable -> {
        var thread = new Thread(runnable, "projections-rebuild-copy");
        thread.setDaemon(true);
        return thread;
    });

    private final List<Future<?>> writing = new ArrayList<>();

    private final Map<String, TableLoad> loads = new LinkedHashMap<>();

    public BulkProjection(JdbcTemplate jdbc, String schema, int flushEvery) {
        this.jdbc = jdbc;
        this.schema = new ProjectionStore(jdbc, schema).schema();
        this.flushEvery = flushEvery;
    }

    /**
     * Folds one event in; an event the fold cannot apply is left out and reported, exactly as the
     * live consumer dead-letters it.
     *
     * @return whether the event was applied (or was a duplicate the fold ignores)
     */
    public boolean apply(CatalogueEvent event) {
        var fkbBefore = state.fkbs.get(event.getFkbCode());
        var course = Payloads.courseNumberOf(event);
        var key = course == null ? null : new LinkKey(event.getFkbCode(), course);
        var linkBefore = key == null ? null : state.links.get(key);
        try {
            Projector.fold(state, event);
        }
        catch (RuntimeException ex) {
            // as if the event had never come: the fold may have moved the link before it failed
            restore(state.fkbs, event.getFkbCode(), fkbBefore);
            if (key != null) {
                restore(state.links, key, linkBefore);
            }
            state.versions.clear();
            state.changes.clear();
            state.revisions.clear();
            return false;
        }
        encode();
        if (++unflushed >= flushEvery) {
            flush();
        }
        return true;
    }

    private static <K, V> void restore(Map<K, V> map, K key, V value) {
        if (value == null) {
            map.remove(key);
        }
        else {
            map.put(key, value);
        }
    }

    /** Writes what is still buffered, then every current link and FKB row. */
    public void finish() {
        flush();
        awaitWriting();
        var links = new CopyRows();
        state.links.values().forEach(link -> link(links, link).endRow());
        var fkbs = new CopyRows();
        state.fkbs.values().forEach(fkb -> fkbs.text(fkb.code()).text(fkb.title()).texts(fkb.competences())
                .integer(fkb.revisions()).bigint(fkb.events()).bigint(fkb.headSequence())
                .instant(fkb.latestRevisionAt()).instant(fkb.updatedAt()).endRow());
        write(links, "links", ProjectionStore.LINK_COLUMNS);
        write(fkbs, "fkbs", FKB_COLUMNS);
        awaitWriting();
        for (var load : loads.values()) {
            writing.add(writers.submit(load::commit));
        }
        awaitWriting();
    }

    /** Rolls back whatever {@link #finish()} did not commit, and lets the writers go. */
    @Override
    public void close() {
        writers.shutdownNow();
        try {
            // a load's connection is one thread's at a time: roll back only once its writer has stopped
            if (!writers.awaitTermination(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the rebuild's COPY writers did not stop within 30 s");
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        loads.values().forEach(TableLoad::close);
    }

    /** The fold's output of the last event, in COPY rows; the fold's buffers start empty again. */
    private void encode() {
        for (var version : state.versions) {
            link(versions, version.state()).text(version.changeType()).endRow();
        }
        for (var change : state.changes) {
            var event = change.event();
            var after = change.after();
            var before = change.before();
            var successor = after == null ? null : after.successor();
            changes.text(event.getEventId()).text(event.getFkbCode()).bigint(event.getSequence()).text(change.type())
                    .text(change.courseNumber()).text(after == null ? null : after.title())
                    .instant(event.getRecordedAt()).date(event.getEffectiveDate())
                    .date(after == null ? null : after.linkedTo()).date(before == null ? null : before.linkedTo())
                    .text(successor == null ? null : successor.courseNumber())
                    .text(successor == null ? null : successor.title())
                    .text(event.getSource().getIngestionId()).text(event.getSource().getDocumentName()).endRow();
        }
        for (var revision : state.revisions) {
            var event = revision.event();
            var payload = revision.payload();
            revisions.text(event.getFkbCode()).bigint(event.getSequence()).instant(event.getRecordedAt())
                    .date(event.getEffectiveDate()).text(payload.getTitle()).text(payload.getPreviousTitle())
                    .texts(payload.getCompetencesAdded()).texts(payload.getCompetencesRemoved())
                    .text(event.getSource().getDocumentName()).text(event.getSource().getDocumentSha256())
                    .text(event.getSource().getIngestionId()).endRow();
        }
        state.versions.clear();
        state.changes.clear();
        state.revisions.clear();
    }

    /** Hands the buffered rows to the writers, once the previous flush is written. */
    private void flush() {
        awaitWriting();
        write(versions, "link_versions", VERSION_COLUMNS);
        write(changes, "changes", CHANGE_COLUMNS);
        write(revisions, "fkb_revisions", REVISION_COLUMNS);
        versions = new CopyRows();
        changes = new CopyRows();
        revisions = new CopyRows();
        unflushed = 0;
    }

    private void write(CopyRows rows, String table, String columns) {
        if (rows.rows() == 0) {
            return;
        }
        var load = loads.computeIfAbsent(table, name -> new TableLoad(jdbc, schema + "." + name, columns));
        writing.add(writers.submit(() -> load.copy(rows)));
    }

    /** Waits for the rows in flight; the first failure ends the rebuild. */
    private void awaitWriting() {
        try {
            for (var future : writing) {
                future.get();
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while copying rows into the shadow tables", ex);
        }
        catch (ExecutionException ex) {
            throw ex.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("could not copy rows into the shadow tables", ex.getCause());
        }
        finally {
            writing.clear();
        }
    }

    private static CopyRows link(CopyRows rows, LinkState link) {
        var successor = link.successor();
        return rows.text(link.fkbCode()).text(link.courseNumber()).bigint(link.sequence()).instant(link.recordedAt())
                .text(link.title()).text(link.euu()).decimal(link.durationDays()).date(link.linkedFrom())
                .date(link.linkedTo()).date(link.unlinkedOn()).text(successor == null ? null : successor.courseNumber())
                .text(successor == null ? null : successor.title());
    }
}
