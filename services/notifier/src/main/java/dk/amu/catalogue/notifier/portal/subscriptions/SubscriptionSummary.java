package dk.amu.catalogue.notifier.portal.subscriptions;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dk.amu.catalogue.notifier.links.LinkCatalogue;
import dk.amu.catalogue.notifier.links.LinkCatalogue.Entry;
import dk.amu.catalogue.notifier.subscriptions.Subscription;
import dk.amu.catalogue.notifier.subscriptions.Subscriptions;

/**
 * A subscription as a row of the list reads it: its filters by code and title (the first few of each,
 * and how many more), its channels and its state. The titles of a whole page are read in two queries.
 */
record SubscriptionSummary(UUID id, List<Entry> fkbs, int moreFkbs, List<Entry> courses, int moreCourses,
        List<String> euuCodes, List<String> eventTypes, String webhookUrl, String email, Subscription.Delivery delivery,
        int digestHour, Instant failingSince, Instant disabledAt, String disabledReason) {

    static final int SHOWN = 5;

    static List<SubscriptionSummary> of(List<Subscription> subscriptions, LinkCatalogue catalogue) {
        var fkbCodes = new HashSet<String>();
        var courseNumbers = new HashSet<String>();
        subscriptions.forEach(s -> {
            fkbCodes.addAll(shown(s.filters().fkbCodes()));
            courseNumbers.addAll(shown(s.filters().courseNumbers()));
        });
        var fkbTitles = catalogue.fkbTitles(fkbCodes);
        var courseTitles = catalogue.courseTitles(courseNumbers);
        return subscriptions.stream().map(s -> of(s, fkbTitles, courseTitles)).toList();
    }

    private static SubscriptionSummary of(Subscription s, Map<String, String> fkbTitles, Map<String, String> courseTitles) {
        var f = s.filters();
        return new SubscriptionSummary(s.id(), entries(f.fkbCodes(), fkbTitles), more(f.fkbCodes()),
                entries(f.courseNumbers(), courseTitles), more(f.courseNumbers()), f.euuCodes().stream().sorted().toList(),
                Subscriptions.EVENT_TYPES.stream().filter(f.eventTypes()::contains).toList(), s.webhookUrl(), s.email(),
                s.delivery(), s.digestHour(), s.failingSince(), s.disabledAt(), s.disabledReason());
    }

    public boolean disabled() {
        return disabledAt != null;
    }

    private static List<String> shown(Set<String> codes) {
        return codes.stream().sorted().limit(SHOWN).toList();
    }

    private static int more(Set<String> codes) {
        return Math.max(0, codes.size() - SHOWN);
    }

    private static List<Entry> entries(Set<String> codes, Map<String, String> titles) {
        return shown(codes).stream().map(c -> new Entry(c, titles.getOrDefault(c, ""))).toList();
    }
}
