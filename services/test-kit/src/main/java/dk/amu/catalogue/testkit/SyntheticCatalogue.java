package dk.amu.catalogue.testkit;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

import dk.amu.catalogue.eventlog.EventChain;
import dk.amu.catalogue.eventlog.EventDraft;
import dk.amu.catalogue.events.v1.CatalogueEvent;
import dk.amu.catalogue.events.v1.CourseDetails;
import dk.amu.catalogue.events.v1.CourseDetailsChanged;
import dk.amu.catalogue.events.v1.CourseLinkEndScheduled;
import dk.amu.catalogue.events.v1.CourseLinkEndWithdrawn;
import dk.amu.catalogue.events.v1.CourseLinkExpired;
import dk.amu.catalogue.events.v1.CourseLinkStartChanged;
import dk.amu.catalogue.events.v1.CourseLinked;
import dk.amu.catalogue.events.v1.CourseUnlinked;
import dk.amu.catalogue.events.v1.EventSource;
import dk.amu.catalogue.events.v1.FkbRevised;
import dk.amu.catalogue.events.v1.SuccessorHint;
import dk.amu.catalogue.snapshots.v1.CourseLink;

/**
 * A deterministic, correctly chained history of many FKBs and their revisions, of any length, made
 * one event at a time in memory bounded by the number of FKBs and links: every payload type occurs,
 * and every change is to a link that exists. The same seed gives the same events, ids and hashes.
 */
public final class SyntheticCatalogue implements Iterator<CatalogueEvent> {

    private static final int LINKS_PER_FKB = 150;

    private static final String[] EUU = { "AD", "IT", "BU", "TS", "ML" };

    private final SplittableRandom random;

    private final List<Fkb> fkbs = new ArrayList<>();

    private final long total;

    private long produced;

    private Instant recordedAt;

    /**
     * @param seed   the same seed gives the same history
     * @param fkbs   how many FKBs the events spread over, round-robin
     * @param events how many events in all
     * @param start  the recordedAt of the first event; each next one is a minute later
     */
    public SyntheticCatalogue(long seed, int fkbs, long events, Instant start) {
        this.random = new SplittableRandom(seed);
        this.total = events;
        this.recordedAt = start;
        for (int i = 0; i < fkbs; i++) {
            this.fkbs.add(new Fkb(String.format("synthetic-%04d", i)));
        }
    }

    @Override
    public boolean hasNext() {
        return produced < total;
    }

    @Override
    public CatalogueEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Fkb fkb = fkbs.get((int) (produced % fkbs.size()));
        recordedAt = recordedAt.plus(Duration.ofMinutes(1));
        produced++;
        return fkb.next(recordedAt);
    }

    private final class Fkb {

        final String code;

        final List<CourseLink> links = new ArrayList<>();

        long sequence;

        String head = EventChain.GENESIS_HASH;

        int courses;

        Fkb(String code) {
            this.code = code;
        }

        CatalogueEvent next(Instant at) {
            LocalDate today = LocalDate.ofInstant(at, MutableClock.CATALOGUE_ZONE);
            EventDraft draft = sequence % 50 == 0 ? revised(today) : change(today);
            var event = EventChain.append(code, sequence, head, List.of(draft),
                    new EventSource(null, code + ".pdf", "synthetic-" + sequence / 50), at).get(0);
            sequence = event.getSequence();
            head = event.getHash();
            return event;
        }

        private EventDraft revised(LocalDate today) {
            return new EventDraft(new FkbRevised("Syntetisk FKB " + code + " – økonomi og sagsbehandling",
                    null, List.of("Kompetence " + sequence), List.of()), today);
        }

        private EventDraft change(LocalDate today) {
            if (links.size() < 5 || (links.size() < LINKS_PER_FKB && random.nextInt(10) < 4)) {
                return link(today);
            }
            int index = random.nextInt(links.size());
            CourseLink link = links.get(index);
            String number = link.getCourseNumber();
            switch (random.nextInt(6)) {
                case 0:
                    LocalDate end = today.plusDays(30 + random.nextInt(400));
                    links.set(index, copy(link, link.getTitle(), link.getLinkedFrom(), end));
                    return new EventDraft(new CourseLinkEndScheduled(number, link.getTitle(), end, link.getLinkedTo(),
                            random.nextBoolean() ? null : new SuccessorHint(links.get(0).getCourseNumber(),
                                    links.get(0).getTitle(), 0.9)), today);
                case 1:
                    if (link.getLinkedTo() != null) {
                        links.set(index, copy(link, link.getTitle(), link.getLinkedFrom(), null));
                        return new EventDraft(new CourseLinkEndWithdrawn(number, link.getTitle(), link.getLinkedTo()), today);
                    }
                    // fall through: nothing to withdraw, so change the details instead
                case 2:
                    String title = link.getTitle() + " (revideret)";
                    links.set(index, copy(link, title, link.getLinkedFrom(), link.getLinkedTo()));
                    return new EventDraft(new CourseDetailsChanged(number, details(link.getTitle(), link),
                            details(title, link)), today);
                case 3:
                    LocalDate from = link.getLinkedFrom().plusDays(1);
                    if (link.getLinkedTo() != null && from.isAfter(link.getLinkedTo())) {
                        return link(today);
                    }
                    links.set(index, copy(link, link.getTitle(), from, link.getLinkedTo()));
                    return new EventDraft(new CourseLinkStartChanged(number, link.getTitle(), from, link.getLinkedFrom()), from);
                case 4:
                    links.remove(index);
                    return new EventDraft(new CourseUnlinked(link, null), today);
                default:
                    if (link.getLinkedTo() == null) {
                        return link(today);
                    }
                    links.remove(index);
                    return new EventDraft(new CourseLinkExpired(number, link.getTitle(), link.getLinkedTo(), null),
                            link.getLinkedTo().plusDays(1));
            }
        }

        private EventDraft link(LocalDate today) {
            if (links.size() >= LINKS_PER_FKB) {
                return revised(today);
            }
            String number = String.format("%05d", 10000 + courses++ % 90000);
            var link = new CourseLink(number, "Kursus " + number + " – skriftlig kommunikation på dansk",
                    EUU[courses % EUU.length], new BigDecimal(1 + random.nextInt(10) + ".0"),
                    today.plusDays(random.nextInt(60) - 30), null);
            links.add(link);
            return new EventDraft(new CourseLinked(link), link.getLinkedFrom());
        }

        private static CourseLink copy(CourseLink link, String title, LocalDate from, LocalDate to) {
            return new CourseLink(link.getCourseNumber(), title, link.getEuu(), link.getDurationDays(), from, to);
        }

        private static CourseDetails details(String title, CourseLink link) {
            return new CourseDetails(title, link.getEuu(), link.getDurationDays());
        }
    }
}
