package dk.amu.catalogue.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dk.amu.catalogue.eventlog.EventChain;
import dk.amu.catalogue.eventlog.LinkState;
import dk.amu.catalogue.eventlog.LinkStates;
import dk.amu.catalogue.eventlog.Payloads;
import dk.amu.catalogue.events.v1.CatalogueEvent;

class SyntheticCatalogueTests {

    private static final Instant START = Instant.parse("2024-01-01T08:00:00Z");

    @Test
    void shouldMakeTheSameChainedHistoryFromTheSameSeedWithEveryPayloadType() {
        List<CatalogueEvent> first = take(new SyntheticCatalogue(7, 3, 3_000, START));
        List<CatalogueEvent> again = take(new SyntheticCatalogue(7, 3, 3_000, START));

        assertThat(again).extracting(CatalogueEvent::getHash).isEqualTo(first.stream().map(CatalogueEvent::getHash).toList());
        Set<String> types = new HashSet<>();
        first.forEach(e -> types.add(Payloads.typeOf(e)));
        assertThat(types).hasSize(CatalogueEvent.getClassSchema().getField("payload").schema().getTypes().size());
        for (String fkb : List.of("synthetic-0000", "synthetic-0001", "synthetic-0002")) {
            assertThat(EventChain.verify(first.stream().filter(e -> e.getFkbCode().equals(fkb)).toList())).isTrue();
        }
    }

    @Test
    void shouldOnlyChangeLinksThatExistSoEveryConsumerCanFoldIt() {
        Map<String, LinkState> links = new HashMap<>();
        new SyntheticCatalogue(11, 5, 5_000, START).forEachRemaining(event -> {
            String course = Payloads.courseNumberOf(event);
            if (course != null) {
                String key = event.getFkbCode() + "/" + course;
                links.put(key, LinkStates.apply(links.get(key), event));
            }
        });

        assertThat(links).isNotEmpty();
    }

    private static List<CatalogueEvent> take(SyntheticCatalogue catalogue) {
        var events = new ArrayList<CatalogueEvent>();
        catalogue.forEachRemaining(events::add);
        return events;
    }
}
