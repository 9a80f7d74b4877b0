package dk.amu.catalogue.projections.fkbs;

import dk.amu.catalogue.projections.web.Page;
import dk.amu.catalogue.projections.web.Parameters;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class FkbController {

    private final FkbQueries queries;

    private final Parameters parameters;

    FkbController(FkbQueries queries, Parameters parameters) {
        this.queries = queries;
        this.parameters = parameters;
    }

    @GetMapping("/api/fkbs")
    Page<FkbSummary> fkbs(@RequestParam(required = false) String cursor, @RequestParam(required = false) Integer size) {
        return Page.of(queries.fkbs(cursor, parameters.size(size)));
    }

    @GetMapping("/api/fkbs/{code}")
    FkbDetail fkb(@PathVariable String code) {
        return queries.fkb(code);
    }
}
