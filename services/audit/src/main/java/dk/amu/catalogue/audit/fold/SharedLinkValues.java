package dk.amu.catalogue.audit.fold;

import java.util.HashMap;
import java.util.Map;

import dk.amu.catalogue.eventlog.LinkState;

/**
 * One copy of each value the link states of a fold hold, for the fold's lifetime. Every event is
 * decoded into new objects, so without this each of a whole catalogue's links keeps its own FKB code,
 * EUU, title, duration, dates and instant, although most are shared by thousands of links: a fold
 * of 100,000 links then took several times the heap it needs. Course numbers are left as they are:
 * the map of links already holds one per link.
 */
public final class SharedLinkValues {

    private final Map<Object, Object> values = new HashMap<>();

    /** A state equal to the given one, holding the copies already known of its values. */
    public LinkState share(LinkState state) {
        return new LinkState(shared(state.fkbCode()), state.courseNumber(), shared(state.title()), shared(state.euu()),
                shared(state.durationDays()), shared(state.linkedFrom()), shared(state.linkedTo()),
                shared(state.unlinkedOn()), shared(state.successor()), state.sequence(), shared(state.recordedAt()));
    }

    /** The copy already known of a value equal to this one (a BigDecimal equal in scale too), else this one. */
    @SuppressWarnings("unchecked")
    public <T> T shared(T value) {
        if (value == null) {
            return null;
        }
        var known = values.putIfAbsent(value, value);
        return known == null ? value : (T) known;
    }
}
