package dk.amu.catalogue.notifier.portal;

import java.util.Optional;

import dk.amu.catalogue.notifier.portal.PortalSessions.Session;
import jakarta.servlet.http.HttpServletRequest;

/** The portal session a request came with, as {@link PortalAccess} found it. */
public final class PortalRequests {

    private static final String SESSION = PortalRequests.class.getName() + ".session";

    private PortalRequests() {
    }

    static void remember(HttpServletRequest request, Session session) {
        request.setAttribute(SESSION, session);
    }

    public static Optional<Session> session(HttpServletRequest request) {
        return Optional.ofNullable((Session) request.getAttribute(SESSION));
    }
}
