package dk.amu.catalogue.projections.changes;

import dk.amu.catalogue.projections.web.Page;
import dk.amu.catalogue.projections.web.Parameters;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ChangeController {

    private final ChangeQueries queries;

    private final Parameters parameters;

    ChangeController(ChangeQueries queries, Parameters parameters) {
        this.queries = queries;
        this.parameters = parameters;
    }

    @GetMapping("/api/changes")
    Page<Change> changes(@RequestParam(required = false) String since, @RequestParam(required = false) String fkb,
            @RequestParam(required = false) String type, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer size) {
        var from = since == null || since.isBlank() ? null : parameters.instant("since", since);
        return Page.of(queries.changes(from, blankToNull(fkb), blankToNull(type), cursor, parameters.size(size)));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
