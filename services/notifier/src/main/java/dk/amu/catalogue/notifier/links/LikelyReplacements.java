package dk.amu.catalogue.notifier.links;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import dk.amu.catalogue.eventlog.LikelySuccessors;
import dk.amu.catalogue.eventlog.LinkState;
import org.springframework.stereotype.Component;

/**
 * Fills in "likely replaced by" where a link's events named no successor: ingest names one when a
 * link gets an end date, is removed or expires, but a link that arrives with its end date already set
 * (an FKB's first document, say) carries none. The same rule as ingest's ({@link LikelySuccessors}),
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
        var codes = ending.stream().filter(LikelyReplacements::lacksSuccessor).map(LinkState::fkbCode)
                .collect(Collectors.toSet());
        if (codes.isEmpty()) {
            return ending;
        }
        var byFkb = links.of(codes).stream().filter(l -> l.unlinkedOn() == null)
                .collect(Collectors.groupingBy(LinkState::fkbCode));
        var result = new ArrayList<LinkState>(ending.size());
        for (var link : ending) {
            result.add(lacksSuccessor(link) ? withLikelySuccessor(link, byFkb.getOrDefault(link.fkbCode(), List.of())) : link);
        }
        return result;
    }

    /** The link with its likely successor, if its events named none. */
    public LinkState of(LinkState link) {
        return of(List.of(link)).get(0);
    }

    private static boolean lacksSuccessor(LinkState link) {
        return link.successor() == null && link.linkedTo() != null && link.unlinkedOn() == null;
    }

    private static LinkState withLikelySuccessor(LinkState link, List<LinkState> sameFkb) {
        var match = LikelySuccessors.find(link.courseNumber(), link.title(), link.linkedTo(), sameFkb.stream()
                .map(l -> new LikelySuccessors.Candidate(l.courseNumber(), l.title(), l.linkedTo())).toList());
        return match == null ? link
                : new LinkState(link.fkbCode(), link.courseNumber(), link.title(), link.euu(), link.durationDays(),
                        link.linkedFrom(), link.linkedTo(), link.unlinkedOn(),
                        new LinkState.Successor(match.courseNumber(), match.title()), link.sequence(), link.recordedAt());
    }
}
