package dk.amu.catalogue.notifier.support;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.amu.catalogue.eventlog.EventChain;
import dk.amu.catalogue.eventlog.EventDraft;
import dk.amu.catalogue.events.v1.CatalogueEvent;
import dk.amu.catalogue.events.v1.CourseLinkEndScheduled;
import dk.amu.catalogue.events.v1.CourseLinkEndWithdrawn;
import dk.amu.catalogue.events.v1.CourseLinked;
import dk.amu.catalogue.events.v1.CourseUnlinked;
import dk.amu.catalogue.events.v1.EventSource;
import dk.amu.catalogue.events.v1.FkbRevised;
import dk.amu.catalogue.events.v1.SuccessorHint;
import dk.amu.catalogue.snapshots.v1.CourseLink;
import dk.amu.catalogue.testkit.EventLogWriter;

/** Correctly chained events written straight to the topic, one ingestion (and ingestion id) per call. */
public final class Events implements AutoCloseable {

    private record Head(long sequence, String hash) {
    }

    private final EventLogWriter writer = EventLogWriter.forRunning();

    private final Map<String, Head> heads = new HashMap<>();

    public List<CatalogueEvent> ingest(String fkbCode, Instant recordedAt, EventDraft... drafts) {
        return ingestInTwo(fkbCode, recordedAt, drafts.length, () -> {
        }, drafts);
    }

    /**
     * One ingestion written in two transactions, the first {@code firstPart} events, then {@code between},
     * then the rest: when {@code between} waits for the consumer, it sees the ingestion in two polls.
     */
    public List<CatalogueEvent> ingestInTwo(String fkbCode, Instant recordedAt, int firstPart, Runnable between,
            EventDraft... drafts) {
        var head = heads.getOrDefault(fkbCode, new Head(0, EventChain.GENESIS_HASH));
        var source = new EventSource(null, "test.txt", UUID.randomUUID().toString());
        var sealed = EventChain.append(fkbCode, head.sequence(), head.hash(), List.of(drafts), source, recordedAt);
        writer.write(sealed.subList(0, firstPart));
        if (firstPart < sealed.size()) {
            between.run();
            writer.write(sealed.subList(firstPart, sealed.size()));
        }
        var last = sealed.get(sealed.size() - 1);
        heads.put(fkbCode, new Head(last.getSequence(), last.getHash()));
        return sealed;
    }

    public static EventDraft revised(String title, LocalDate on) {
        return new EventDraft(FkbRevised.newBuilder().setTitle(title).setPreviousTitle(null).build(), on);
    }

    public static EventDraft linked(String course, String euu, LocalDate from, LocalDate to) {
        var link = CourseLink.newBuilder().setCourseNumber(course).setTitle("Kursus " + course).setEuu(euu)
                .setDurationDays(new BigDecimal("2.0")).setLinkedFrom(from).setLinkedTo(to).build();
        return new EventDraft(CourseLinked.newBuilder().setLink(link).build(), from);
    }

    public static EventDraft endScheduled(String course, LocalDate to, LocalDate on) {
        return new EventDraft(CourseLinkEndScheduled.newBuilder().setCourseNumber(course).setTitle("Kursus " + course)
                .setLinkedTo(to).setPreviousLinkedTo(null).setSuccessor(null).build(), on);
    }

    /** The course is gone from the document, likely replaced by {@code successor}. */
    public static EventDraft unlinked(String course, String euu, LocalDate from, String successor, LocalDate on) {
        var link = CourseLink.newBuilder().setCourseNumber(course).setTitle("Kursus " + course).setEuu(euu)
                .setDurationDays(new BigDecimal("2.0")).setLinkedFrom(from).setLinkedTo(null).build();
        var hint = SuccessorHint.newBuilder().setCourseNumber(successor).setTitle("Kursus " + successor).setSimilarity(0.9).build();
        return new EventDraft(CourseUnlinked.newBuilder().setLink(link).setSuccessor(hint).build(), on);
    }

    public static EventDraft endWithdrawn(String course, LocalDate previous, LocalDate on) {
        return new EventDraft(CourseLinkEndWithdrawn.newBuilder().setCourseNumber(course).setTitle("Kursus " + course)
                .setPreviousLinkedTo(previous).build(), on);
    }

    @Override
    public void close() {
        writer.close();
    }
}
