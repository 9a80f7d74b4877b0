package dk.amu.catalogue.notifier.links;

import java.util.List;
import java.util.stream.Collectors;

import dk.amu.catalogue.eventlog.LikelySuccessors;
import dk.amu.catalogue.eventlog.LinkState;
import org.springframework.stereotype.Component;

/**
 * Fills in "likely replaced by" where a link's events named no successor ({@link LikelySuccessors#fillIn}),
 * over the FKB's links held here.
 */
@Component
public class LikelyReplacements {

    private final LinkStore links;

    LikelyReplacements(LinkStore links) {
        this.links = links;
    }

    /** The links in the same order, each ending one without a successor given the likely one, if any. */
    public List<LinkState> of(List<LinkState> ending) {
        var codes = ending.stream().filter(LikelySuccessors::lacksSuccessor).map(LinkState::fkbCode)
                .collect(Collectors.toSet());
        if (codes.isEmpty()) {
            return ending;
        }
        var byFkb = links.of(codes).stream().collect(Collectors.groupingBy(LinkState::fkbCode));
        return LikelySuccessors.fillIn(ending, code -> byFkb.getOrDefault(code, List.of()));
    }

    /** The link with its likely successor, if its events named none. */
    public LinkState of(LinkState link) {
        return of(List.of(link)).get(0);
    }
}
