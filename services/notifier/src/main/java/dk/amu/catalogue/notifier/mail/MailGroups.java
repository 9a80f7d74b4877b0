package dk.amu.catalogue.notifier.mail;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

import dk.amu.catalogue.events.v1.CourseLinkEndScheduled;
import dk.amu.catalogue.events.v1.CourseLinkExpired;
import dk.amu.catalogue.events.v1.CourseLinked;
import dk.amu.catalogue.events.v1.CourseUnlinked;
import dk.amu.catalogue.notifier.outbox.CloudEvent;
import dk.amu.catalogue.notifier.outbox.DueMail;
import dk.amu.catalogue.notifier.subscriptions.Subscription;

/**
 * Which mails a subscription's due e-mail deliveries make, so that a school reads one new version of an
 * FKB in one mail rather than in one mail per change.
 *
 * <ul>
 * <li>A daily digest is one mail of everything due.</li>
 * <li>An immediate subscription gets one mail per ingestion of an FKB: the notices of one new document
 * version ({@code source.ingestionId} of their events). {@link dk.amu.catalogue.notifier.outbox.Notices}
 * holds them until the ingestion is complete, which is the earlier of two moments: a later event of the
 * FKB has been folded (an FKB's events come in sequence order, so every event of the ingestion is in),
 * or the immediate window has passed since the first of them was recorded (the events of one ingestion
 * are written in one transaction, so the polls that carry them follow each other closely).</li>
 * <li>A notice no ingestion caused (an expiry warning or its withdrawal, an expiry of the clock, a
 * notice recorded before ingestions were) is a mail of its own.</li>
 * </ul>
 *
 * <p>In an ingestion's mail the most important comes first: ends and removals, which name a likely
 * successor, then new links, then every other change; each kind in the order of the log.
 */
final class MailGroups {

    /** Ends and removals: what a school must act on. */
    private static final Set<String> ENDS = Set.of(type(CourseLinkEndScheduled.class), type(CourseUnlinked.class),
            type(CourseLinkExpired.class));

    private static final String LINKED = type(CourseLinked.class);

    /** What makes one immediate mail of several deliveries. */
    private record Ingestion(String fkbCode, String ingestionId) {
    }

    private MailGroups() {
    }

    /** The mails, each its deliveries, in the order of each mail's first delivery. */
    static List<List<DueMail>> of(Subscription.Delivery delivery, List<DueMail> due) {
        if (delivery == Subscription.Delivery.DAILY_DIGEST) {
            return List.of(due);
        }
        var groups = new LinkedHashMap<Object, List<DueMail>>();
        for (var mail : due) {
            Object key = mail.ingestionId() == null ? mail.delivery().id() : new Ingestion(mail.fkbCode(), mail.ingestionId());
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(mail);
        }
        return List.copyOf(groups.values());
    }

    /** An ingestion's notices, ends and removals first, then new links, then the rest; stable otherwise. */
    static List<CloudEvent> importantFirst(List<CloudEvent> events) {
        return events.stream().sorted(Comparator.comparingInt(MailGroups::rank)).toList();
    }

    private static int rank(CloudEvent event) {
        var type = event.type().substring(CloudEvent.TYPE_PREFIX.length());
        return ENDS.contains(type) ? 0 : LINKED.equals(type) ? 1 : 2;
    }

    private static String type(Class<?> payload) {
        return payload.getSimpleName();
    }
}
