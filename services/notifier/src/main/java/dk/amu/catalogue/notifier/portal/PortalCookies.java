package dk.amu.catalogue.notifier.portal;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * The portal's two cookies, both HttpOnly and {@code SameSite=Strict}, so no script reads them and no
 * other site's page sends them. Cookies on 127.0.0.1 are shared by every port, so the names are the
 * portal's own: the dashboard's language cookie and another service's session never collide with them.
 */
final class PortalCookies {

    /** The signed-in browser's session token. */
    static final String SESSION = "amu-portal-session";

    /** A random value the login form sends back, so that no other site can sign a browser in (login CSRF). */
    static final String LOGIN = "amu-portal-login";

    private PortalCookies() {
    }

    static Optional<String> read(HttpServletRequest request, String name) {
        var cookies = request.getCookies();
        return cookies == null ? Optional.empty()
                : Arrays.stream(cookies).filter(c -> c.getName().equals(name)).map(Cookie::getValue)
                        .filter(v -> !v.isBlank()).findFirst();
    }

    static void write(HttpServletRequest request, HttpServletResponse response, String name, String value, Duration maxAge) {
        var cookie = ResponseCookie.from(name, value).httpOnly(true).sameSite("Strict").path("/")
                .secure(request.isSecure()).maxAge(maxAge).build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }

    static void clear(HttpServletRequest request, HttpServletResponse response, String name) {
        write(request, response, name, "", Duration.ZERO);
    }
}
