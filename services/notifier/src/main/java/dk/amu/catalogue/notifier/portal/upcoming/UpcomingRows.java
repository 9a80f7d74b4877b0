package dk.amu.catalogue.notifier.portal.upcoming;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import dk.amu.catalogue.eventlog.LinkState;
import dk.amu.catalogue.notifier.links.LikelyReplacements;
import dk.amu.catalogue.notifier.links.LinkCatalogue;
import dk.amu.catalogue.notifier.outbox.SentWarnings;
import dk.amu.catalogue.notifier.outbox.SentWarnings.SentWarning;
import org.springframework.stereotype.Component;

/**
 * The rows of "Kommende for jer" for the links shown: each with its FKB's title, the course that likely
 * replaces it, and the warnings already sent to the school about it.
 */
@Component
class UpcomingRows {

    record Row(LocalDate linkedTo, String fkbCode, String fkbTitle, String courseNumber, String title,
            LinkState.Successor successor, List<SentWarning> warnings) {
    }

    private record Key(String fkbCode, String courseNumber, LocalDate linkedTo) {
    }

    private final LinkCatalogue catalogue;

    private final SentWarnings warnings;

    private final LikelyReplacements replacements;

    UpcomingRows(LinkCatalogue catalogue, SentWarnings warnings, LikelyReplacements replacements) {
        this.catalogue = catalogue;
        this.warnings = warnings;
        this.replacements = replacements;
    }

    List<Row> of(UUID school, LocalDate today, List<LinkState> links) {
        var shown = replacements.of(links);
        var fkbCodes = new HashSet<String>();
        shown.forEach(l -> fkbCodes.add(l.fkbCode()));
        var titles = catalogue.fkbTitles(fkbCodes);
        Map<Key, List<SentWarning>> sent = warnings.ofSchool(school, today).stream()
                .collect(Collectors.groupingBy(w -> new Key(w.fkbCode(), w.courseNumber(), w.linkedTo())));
        return shown.stream().map(l -> new Row(l.linkedTo(), l.fkbCode(), titles.get(l.fkbCode()),
                l.courseNumber(), l.title(), l.successor(),
                sent.getOrDefault(new Key(l.fkbCode(), l.courseNumber(), l.linkedTo()), List.of()))).toList();
    }
}
