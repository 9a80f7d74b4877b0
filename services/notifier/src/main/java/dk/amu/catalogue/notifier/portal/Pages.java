package dk.amu.catalogue.notifier.portal;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.view.RedirectView;

/** What the portal's controllers share: after a form, a 303 to the page that shows the result (post/redirect/get). */
public final class Pages {

    private Pages() {
    }

    public static View seeOther(String path) {
        var view = new RedirectView(path, true);
        view.setStatusCode(HttpStatus.SEE_OTHER);
        view.setExposeModelAttributes(false);
        return view;
    }
}
