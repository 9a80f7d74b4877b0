package dk.amu.catalogue.standalone.scaleout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dk.amu.catalogue.eventlog.Payloads;
import dk.amu.catalogue.events.v1.CatalogueEvent;
import dk.amu.catalogue.events.v1.CourseLinked;

/**
 * What each subscription must be told, worked out from the log alone by the rules the README states:
 * an FKB's first ingestion is one {@code FkbTracked} summary (id {@code tracked:<fkb>:<ingestion>}),
 * every later event is a notice with the event's id, and a subscription gets those its filters admit.
 */
final class Expectations {

    /** A subscription's filters; an empty one admits everything. */
    record Filter(Set<String> fkbs, Set<String> courses, Set<String> types) {

        boolean admits(String fkb, Set<String> noticeCourses, String type) {
            return (fkbs.isEmpty() || fkbs.contains(fkb))
                    && (courses.isEmpty() || noticeCourses.stream().anyMatch(courses::contains))
                    && (types.isEmpty() || types.contains(type));
        }
    }

    /** Per endpoint, per FKB: the notice ids in the order they must arrive. */
    private final Map<String, Map<String, List<String>>> expected;

    private Expectations(Map<String, Map<String, List<String>>> expected) {
        this.expected = expected;
    }

    /** @param events the FKBs' events, each FKB's in sequence order */
    static Expectations of(List<CatalogueEvent> events, Map<String, Filter> subscriptions) {
        var byFkb = new LinkedHashMap<String, List<CatalogueEvent>>();
        events.forEach(e -> byFkb.computeIfAbsent(e.getFkbCode(), k -> new ArrayList<>()).add(e));
        var expected = new LinkedHashMap<String, Map<String, List<String>>>();
        subscriptions.keySet().forEach(endpoint -> expected.put(endpoint, new LinkedHashMap<>()));
        byFkb.forEach((fkb, chain) -> {
            var first = chain.get(0).getSource().getIngestionId();
            var linkedFirst = new TreeSet<String>();
            chain.stream().filter(e -> e.getSource().getIngestionId().equals(first))
                    .filter(e -> e.getPayload() instanceof CourseLinked)
                    .forEach(e -> linkedFirst.add(Payloads.courseNumberOf(e)));
            subscriptions.forEach((endpoint, filter) -> {
                var order = new ArrayList<String>();
                if (filter.admits(fkb, linkedFirst, "FkbTracked")) {
                    order.add("tracked:" + fkb + ":" + first);
                }
                for (var event : chain) {
                    var course = Payloads.courseNumberOf(event);
                    if (!event.getSource().getIngestionId().equals(first)
                            && filter.admits(fkb, course == null ? Set.of() : Set.of(course), Payloads.typeOf(event))) {
                        order.add(event.getEventId());
                    }
                }
                expected.get(endpoint).put(fkb, order);
            });
        });
        return new Expectations(expected);
    }

    List<String> notices(String endpoint) {
        return expected.get(endpoint).values().stream().flatMap(List::stream).toList();
    }

    Map<String, List<String>> byFkb(String endpoint) {
        return expected.get(endpoint);
    }

    long total() {
        return expected.values().stream().flatMap(m -> m.values().stream()).mapToLong(List::size).sum();
    }
}
