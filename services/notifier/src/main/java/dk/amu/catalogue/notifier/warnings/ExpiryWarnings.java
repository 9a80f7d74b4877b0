package dk.amu.catalogue.notifier.warnings;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import dk.amu.catalogue.eventlog.CatalogueZone;
import dk.amu.catalogue.eventlog.LinkState;
import dk.amu.catalogue.eventlog.LinkStatus;
import dk.amu.catalogue.notifier.links.LikelyReplacements;
import dk.amu.catalogue.notifier.links.LinkStore;
import dk.amu.catalogue.notifier.matching.SubscriptionIndex;
import dk.amu.catalogue.notifier.matching.Texts;
import dk.amu.catalogue.notifier.outbox.CloudEvent;
import dk.amu.catalogue.notifier.outbox.Notice;
import dk.amu.catalogue.notifier.outbox.Notices;
import dk.amu.catalogue.notifier.outbox.Subject;
import dk.amu.catalogue.notifier.subscriptions.Subscription;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Warnings that a link ends within a subscription's lead time. A warning's id names the link, its
 * end date and the lead time, so it is sent once however often it is computed, and a moved end
 * date makes new warnings. Of the lead times that have passed, only the shortest is sent: a
 * subscription made late, or a notifier that was down, gets one warning, not three.
 */
@Component
public class ExpiryWarnings {

    private final SubscriptionIndex index;

    private final Notices notices;

    private final LinkStore links;

    private final LikelyReplacements replacements;

    private final Clock clock;

    @Autowired
    public ExpiryWarnings(SubscriptionIndex index, Notices notices, LinkStore links, LikelyReplacements replacements,
            Clock clock) {
        this.index = index;
        this.notices = notices;
        this.links = links;
        this.replacements = replacements;
        this.clock = clock;
    }

    /** For a subclass that changes when warnings are worked out, over the same parts as {@code warnings}. */
    protected ExpiryWarnings(ExpiryWarnings warnings) {
        this(warnings.index, warnings.notices, warnings.links, warnings.replacements, warnings.clock);
    }

    /** Records the warnings now due for every link that ends ahead, in the caller's transaction. */
    public void warnEach() {
        links.ending(CatalogueZone.today(clock)).forEach(this::warn);
    }

    /** Records the warnings now due for this link, in the caller's transaction. */
    public void warn(LinkState link) {
        var today = CatalogueZone.today(clock);
        if (link == null || link.linkedTo() == null || link.statusOn(today) != LinkStatus.ENDING) {
            return;
        }
        long days = ChronoUnit.DAYS.between(today, link.linkedTo());
        var subject = Subject.of(link.fkbCode(), link.courseNumber(), link.euu(), Notice.EXPIRY_WARNING);
        LinkState withSuccessor = null;
        for (var subscription : index.match(subject)) {
            var lead = shortestPassed(subscription, days);
            if (lead != null) {
                withSuccessor = withSuccessor != null ? withSuccessor : replacements.of(link);
                notices.record(warning(withSuccessor, lead, days, subject), List.of(subscription));
            }
        }
    }

    /** Corrections for those warned that the link ends on {@code linkedTo}, which no longer holds. */
    public void withdraw(LinkState before, LinkState after) {
        if (before == null || before.linkedTo() == null || after != null && before.linkedTo().equals(after.linkedTo())
                && after.unlinkedOn() == null) {
            return;
        }
        var warned = new ArrayList<Subscription>();
        for (var id : notices.warned(before.fkbCode(), before.courseNumber(), before.linkedTo())) {
            var subscription = index.get(id);
            if (subscription != null) {
                warned.add(subscription);
            }
        }
        if (warned.isEmpty()) {
            return;
        }
        var id = "warning-withdrawn:" + before.fkbCode() + ":" + before.courseNumber() + ":" + before.linkedTo();
        var data = new CloudEvent.Data(null, before.fkbCode(), before.courseNumber(), before.title(), null, null,
                before.linkedTo(), null, null, null,
                Texts.warningWithdrawn(before.courseNumber(), before.title(), before.fkbCode(), before.linkedTo()));
        var subject = Subject.of(before.fkbCode(), before.courseNumber(), before.euu(), Notice.WARNING_WITHDRAWN);
        notices.record(new Notice(id, Notice.WARNING_WITHDRAWN, subject, null, null,
                CloudEvent.of(id, Notice.WARNING_WITHDRAWN, before.courseNumber(), clock.instant(), data)), warned);
    }

    static Integer shortestPassed(Subscription subscription, long daysLeft) {
        Integer shortest = null;
        for (int lead : subscription.leadDays()) {
            if (daysLeft <= lead && (shortest == null || lead < shortest)) {
                shortest = lead;
            }
        }
        return shortest;
    }

    private Notice warning(LinkState link, int lead, long days, Subject subject) {
        var id = "warning:" + link.fkbCode() + ":" + link.courseNumber() + ":" + link.linkedTo() + ":" + lead;
        var successor = link.successor() == null ? null
                : new CloudEvent.Successor(link.successor().courseNumber(), link.successor().title());
        var data = new CloudEvent.Data(null, link.fkbCode(), link.courseNumber(), link.title(), null, null,
                link.linkedTo(), lead, null, successor,
                Texts.warning(link.courseNumber(), link.title(), link.fkbCode(), link.linkedTo(), days));
        return new Notice(id, Notice.EXPIRY_WARNING, subject, link.linkedTo(), lead,
                CloudEvent.of(id, Notice.EXPIRY_WARNING, link.courseNumber(), clock.instant(), data));
    }
}
