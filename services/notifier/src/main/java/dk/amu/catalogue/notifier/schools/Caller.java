package dk.amu.catalogue.notifier.schools;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

/** Who is calling, as the authentication filter found out: a school, or the admin. */
public final class Caller {

    static final String SCHOOL = Caller.class.getName() + ".school";

    private Caller() {
    }

    /** The calling school's id; only reachable behind the filter, which refuses calls without a valid key. */
    public static UUID school(HttpServletRequest request) {
        var school = (School) request.getAttribute(SCHOOL);
        if (school == null) {
            throw new IllegalStateException("no school on this request: the authentication filter did not run");
        }
        return school.id();
    }

    /** Lets a request through as the school: for the filters that check a key or a portal session. */
    public static void admit(HttpServletRequest request, School school) {
        request.setAttribute(SCHOOL, school);
    }

    /** The calling school, with its name; for the portal's pages. */
    public static School schoolOf(HttpServletRequest request) {
        school(request);
        return (School) request.getAttribute(SCHOOL);
    }
}
