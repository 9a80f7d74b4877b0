package dk.amu.catalogue.projections.dashboard;

import java.time.LocalDate;

import dk.amu.catalogue.projections.links.CourseView;
import dk.amu.catalogue.projections.links.LinkQueries;
import dk.amu.catalogue.projections.web.Parameters;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** A course in every FKB that has linked it, each with its status on a date and its timeline. */
@Controller
class CoursePageController {

    private final LinkQueries links;

    private final Parameters parameters;

    CoursePageController(LinkQueries links, Parameters parameters) {
        this.links = links;
        this.parameters = parameters;
    }

    @GetMapping("/courses/{number}")
    String course(@PathVariable String number, @RequestParam(required = false) String asOf, Model model) {
        var day = parameters.asOf(asOf);
        model.addAttribute("page", new CoursePage(links.course(number.strip(), day), day));
        return "dashboard/course";
    }

    /** @param course the course in each FKB, with every version of its link there, oldest first */
    record CoursePage(CourseView course, LocalDate asOf) {
    }
}
