package dk.amu.catalogue.projections.dashboard;

import dk.amu.catalogue.projections.rebuild.Rebuilds;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The rebuild's progress as an HTML fragment, which the overview polls with htmx. */
@Controller
class RebuildFragmentController {

    private final Rebuilds rebuilds;

    RebuildFragmentController(Rebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @GetMapping("/dashboard/rebuild")
    String progress(Model model) {
        model.addAttribute("rebuild", RebuildView.of(rebuilds.progress()));
        return "dashboard/fragments :: rebuild";
    }
}
