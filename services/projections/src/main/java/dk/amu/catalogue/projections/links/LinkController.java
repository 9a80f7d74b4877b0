package dk.amu.catalogue.projections.links;

import java.util.Arrays;
import java.util.stream.Collectors;

import dk.amu.catalogue.eventlog.LinkStatus;
import dk.amu.catalogue.projections.web.BadParameterException;
import dk.amu.catalogue.projections.web.Page;
import dk.amu.catalogue.projections.web.Parameters;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class LinkController {

    private final LinkQueries queries;

    private final Parameters parameters;

    LinkController(LinkQueries queries, Parameters parameters) {
        this.queries = queries;
        this.parameters = parameters;
    }

    @GetMapping("/api/fkbs/{code}/links")
    Page<LinkView> links(@PathVariable String code, @RequestParam(required = false) String status,
            @RequestParam(required = false) String asOf, @RequestParam(required = false) String knownAt,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer size) {
        return Page.of(queries.links(code, status(status), parameters.asOf(asOf), parameters.knownAt(knownAt), cursor,
                parameters.size(size)));
    }

    @GetMapping("/api/expiries")
    Page<LinkView> expiries(@RequestParam String from, @RequestParam String to,
            @RequestParam(required = false) String fkb, @RequestParam(required = false) String asOf, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer size) {
        var start = parameters.date("from", from);
        var end = parameters.date("to", to);
        if (end.isBefore(start)) {
            throw new BadParameterException("to", "to (" + end + ") must not be before from (" + start + ")");
        }
        return Page.of(queries.expiries(start, end, fkb == null || fkb.isBlank() ? null : fkb.strip(), parameters.asOf(asOf), cursor, parameters.size(size)));
    }

    @GetMapping("/api/courses/{number}")
    CourseView course(@PathVariable String number, @RequestParam(required = false) String asOf) {
        return queries.course(number, parameters.asOf(asOf));
    }

    private static LinkStatus status(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LinkStatus.valueOf(text.strip().toUpperCase());
        }
        catch (IllegalArgumentException ex) {
            throw new BadParameterException("status", "status must be one of "
                    + Arrays.stream(LinkStatus.values()).map(Enum::name).collect(Collectors.joining(", ")) + ", got '"
                    + text + "'");
        }
    }
}
