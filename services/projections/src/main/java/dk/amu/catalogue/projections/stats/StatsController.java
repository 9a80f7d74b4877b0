package dk.amu.catalogue.projections.stats;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class StatsController {

    private final StatsQueries queries;

    StatsController(StatsQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/stats")
    Stats stats() {
        return queries.stats();
    }
}
