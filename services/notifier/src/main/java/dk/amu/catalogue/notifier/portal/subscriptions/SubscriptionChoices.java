package dk.amu.catalogue.notifier.portal.subscriptions;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import dk.amu.catalogue.notifier.links.LinkCatalogue;
import dk.amu.catalogue.notifier.links.LinkCatalogue.Entry;
import dk.amu.catalogue.notifier.subscriptions.Subscriptions;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the subscription form offers to pick from, out of the links the notifier holds: the FKBs and
 * courses already chosen with their titles, the first of each to search among, every EUU code, and
 * the event types. A code the catalogue no longer knows stays choosable, shown by its code alone.
 */
@Component
class SubscriptionChoices {

    /** A searchable list: its kind ({@code fkb} or {@code course}), the form field, the entries shown and the chosen codes. */
    record Options(String kind, String field, List<Entry> entries, Collection<String> chosen, boolean more) {
    }

    static final int SHOWN = 30;

    private final LinkCatalogue catalogue;

    SubscriptionChoices(LinkCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    void addTo(Model model, SubscriptionForm form) {
        model.addAttribute("chosenFkbs", entries(form.fkbCodes(), catalogue.fkbTitles(form.fkbCodes())));
        model.addAttribute("chosenCourses", entries(form.courseNumbers(), catalogue.courseTitles(form.courseNumbers())));
        model.addAttribute("fkbOptions", fkbs("", form.fkbCodes()));
        model.addAttribute("courseOptions", courses("", form.courseNumbers()));
        var euus = new TreeSet<>(catalogue.euuCodes());
        euus.addAll(form.euuCodes());
        model.addAttribute("euuCodes", euus);
        model.addAttribute("eventTypes", Subscriptions.EVENT_TYPES);
    }

    /** One more than is shown is asked for, to tell the reader that typing more narrows the list. */
    Options fkbs(String query, Collection<String> chosen) {
        var found = catalogue.fkbs(query, SHOWN + 1);
        return new Options("fkb", "fkbCodes", found.stream().limit(SHOWN).toList(), chosen, found.size() > SHOWN);
    }

    Options courses(String query, Collection<String> chosen) {
        var found = catalogue.courses(query, SHOWN + 1);
        return new Options("course", "courseNumbers", found.stream().limit(SHOWN).toList(), chosen, found.size() > SHOWN);
    }

    private static List<Entry> entries(List<String> codes, Map<String, String> titles) {
        return codes.stream().map(c -> new Entry(c, titles.getOrDefault(c, ""))).toList();
    }
}
