package dk.amu.catalogue.audit.verify;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import dk.amu.catalogue.audit.fold.SharedLinkValues;
import dk.amu.catalogue.eventlog.LinkState;
import dk.amu.catalogue.eventlog.LinkStates;
import dk.amu.catalogue.eventlog.Payloads;
import dk.amu.catalogue.events.v1.CatalogueEvent;
import dk.amu.catalogue.events.v1.CourseLinkExpired;

/**
 * An FKB's links folded from its events, to hold against its latest snapshot, and the expiries
 * announced: a link that expired may leave the document without an event of its own. The states share
 * their values with every FKB's of the same verify.
 */
final class FoldedFkb {

    final Map<String, LinkState> links = new HashMap<>();

    final Set<String> expired = new HashSet<>();

    private final SharedLinkValues values;

    /** Why the events did not fold, if they did not; the FKB's state is then unknown. */
    String brokenBy;

    FoldedFkb(SharedLinkValues values) {
        this.values = values;
    }

    void apply(CatalogueEvent event) {
        if (brokenBy != null) {
            return;
        }
        String course = Payloads.courseNumberOf(event);
        if (course == null) {
            return;
        }
        try {
            LinkState before = links.get(course);
            LinkState after = LinkStates.apply(before, event);
            if (after != null && after != before) {
                links.put(course, values.share(after));
            }
        }
        catch (IllegalStateException ex) {
            brokenBy = ex.getMessage();
            return;
        }
        if (event.getPayload() instanceof CourseLinkExpired payload) {
            expired.add(expiryKey(course, payload.getLinkedTo()));
        }
    }

    static String expiryKey(String course, LocalDate linkedTo) {
        return course + "@" + linkedTo;
    }
}
