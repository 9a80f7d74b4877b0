package dk.amu.catalogue.notifier.page;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The school page at {@code /}: one HTML file whose script talks to the same API a school's own
 * systems use, with the key the school types in (kept in the tab's session storage only). Served
 * from a path of its own, so it does not collide with other services' pages in the standalone.
 */
@RestController
class SchoolPage {

    private final String html;

    SchoolPage() throws IOException {
        this.html = new ClassPathResource("notifier/page/index.html").getContentAsString(StandardCharsets.UTF_8);
    }

    @GetMapping(value = "/", produces = MediaType.TEXT_HTML_VALUE)
    String page() {
        return html;
    }
}
