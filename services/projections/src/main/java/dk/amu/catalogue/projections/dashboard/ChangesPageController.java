package dk.amu.catalogue.projections.dashboard;

import java.util.ArrayList;
import java.util.List;

import dk.amu.catalogue.eventlog.CatalogueZone;
import dk.amu.catalogue.events.v1.CatalogueEvent;
import dk.amu.catalogue.projections.changes.ChangeQueries;
import dk.amu.catalogue.projections.fkbs.FkbQueries;
import dk.amu.catalogue.projections.fkbs.FkbSummary;
import dk.amu.catalogue.projections.web.BadParameterException;
import dk.amu.catalogue.projections.web.Parameters;
import org.apache.avro.Schema;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Recent changes, newest first, filtered by FKB, event type and a first day; a page at a time. */
@Controller
class ChangesPageController {

    private static final int PAGE = 100;

    /** The payload types as the schema names them, so a new event type shows up in the filter by itself. */
    private static final List<String> TYPES = CatalogueEvent.getClassSchema().getField("payload").schema().getTypes()
            .stream().filter(schema -> schema.getType() == Schema.Type.RECORD).map(Schema::getName).toList();

    private final ChangeQueries changes;

    private final FkbQueries fkbs;

    private final Parameters parameters;

    ChangesPageController(ChangeQueries changes, FkbQueries fkbs, Parameters parameters) {
        this.changes = changes;
        this.fkbs = fkbs;
        this.parameters = parameters;
    }

    @GetMapping("/changes")
    String changes(@RequestParam(required = false) String fkb, @RequestParam(required = false) String type,
            @RequestParam(required = false) String since, @RequestParam(required = false) String cursor, Model model) {
        var fkbFilter = blankToNull(fkb);
        var typeFilter = blankToNull(type);
        if (typeFilter != null && !TYPES.contains(typeFilter)) {
            throw new BadParameterException("type", "type must be one of " + String.join(", ", TYPES) + ", got '" + type + "'");
        }
        var from = since == null || since.isBlank() ? null : parameters.date("since", since);
        var slice = changes.changes(from == null ? null : CatalogueZone.startOf(from), fkbFilter, typeFilter,
                blankToNull(cursor), PAGE);
        var next = slice.nextCursor() == null ? null
                : ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("cursor", slice.nextCursor())
                        .replaceQueryParam("lang").build().toUriString();
        model.addAttribute("page", new ChangesPage(slice.items(), fkbFilter == null ? "" : fkbFilter,
                typeFilter == null ? "" : typeFilter, from, next, TYPES, fkbCodes()));
        return "dashboard/changes";
    }

    private List<String> fkbCodes() {
        var codes = new ArrayList<String>();
        String cursor = null;
        do {
            var slice = fkbs.fkbs(cursor, 1000);
            slice.items().stream().map(FkbSummary::code).forEach(codes::add);
            cursor = slice.nextCursor();
        }
        while (cursor != null);
        return codes;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
