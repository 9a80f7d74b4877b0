package dk.amu.catalogue.projections.dashboard;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dk.amu.catalogue.eventlog.LinkStatus;
import dk.amu.catalogue.projections.fkbs.FkbQueries;
import dk.amu.catalogue.projections.fkbs.Revision;
import dk.amu.catalogue.projections.links.LinkQueries;
import dk.amu.catalogue.projections.links.LinkView;
import dk.amu.catalogue.projections.web.Parameters;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * An FKB's links on a business date as known at a record time, and its document versions. Every
 * link is on the page (one query per thousand), so the browser's own search and the page's filter
 * script work on all of them; the same filters also work on the server, without script.
 */
@Controller
class FkbPageController {

    private static final int BATCH = 1000;

    private final FkbQueries fkbs;

    private final LinkQueries links;

    private final Parameters parameters;

    private final DashboardFormat format;

    private final MessageSource messages;

    FkbPageController(FkbQueries fkbs, LinkQueries links, Parameters parameters, DashboardFormat format,
            MessageSource messages) {
        this.fkbs = fkbs;
        this.links = links;
        this.parameters = parameters;
        this.format = format;
        this.messages = messages;
    }

    @GetMapping("/fkbs/{code}")
    String fkb(@PathVariable String code, @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String knownAt, @RequestParam(required = false) String q,
            @RequestParam(required = false) String status, Locale locale, Model model) {
        var day = parameters.asOf(asOf);
        var known = RecordTime.parse(knownAt, parameters);
        var detail = fkbs.fkb(code);
        var all = allLinks(code, day, known);
        var counts = new EnumMap<LinkStatus, Long>(LinkStatus.class);
        all.forEach(link -> counts.merge(link.status(), 1L, Long::sum));
        var query = q == null ? "" : q.strip();
        var only = Statuses.parse(status);
        var writer = new LinkRow.Writer(format, messages, locale);
        var shown = all.stream().filter(link -> only == null || link.status() == only)
                .filter(link -> matches(link, query)).map(writer::row).toList();
        List<Revision> revisions = detail.revisions().stream()
                .filter(revision -> !revision.recordedAt().isAfter(known)).toList();
        model.addAttribute("page", new FkbPage(detail, day, known,
                knownAt == null || knownAt.isBlank() ? "" : RecordTime.input(known), query, only, shown,
                Map.copyOf(counts), revisions));
        return "dashboard/fkb";
    }

    private List<LinkView> allLinks(String code, java.time.LocalDate asOf, java.time.Instant knownAt) {
        var all = new ArrayList<LinkView>();
        String cursor = null;
        do {
            var slice = links.links(code, null, asOf, knownAt, cursor, BATCH);
            all.addAll(slice.items());
            cursor = slice.nextCursor();
        }
        while (cursor != null);
        return all;
    }

    static boolean matches(LinkView link, String query) {
        if (query.isEmpty()) {
            return true;
        }
        var needle = query.toLowerCase(Locale.ROOT);
        return link.courseNumber().startsWith(needle) || link.title().toLowerCase(Locale.ROOT).contains(needle)
                || link.euu().toLowerCase(Locale.ROOT).equals(needle);
    }
}
