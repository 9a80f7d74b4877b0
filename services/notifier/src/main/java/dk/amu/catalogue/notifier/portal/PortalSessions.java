package dk.amu.catalogue.notifier.portal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import dk.amu.catalogue.notifier.system.Secrets;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The portal's signed-in browsers, kept in the database so that every notifier instance knows them.
 * The browser holds a random token in a cookie; only its SHA-256 is stored, as with the schools' keys.
 * Each session has its own CSRF token, which every form of the portal sends back.
 *
 * <p>Sessions run on the wall clock, not the catalogue clock: like a webhook's timestamp they belong
 * to the transport, and a demo that moves the catalogue clock by months must not sign everyone out.
 */
@Repository
public class PortalSessions {

    /** A signed-in browser: a school's ({@code school} set) or the operator's. */
    public record Session(UUID school, boolean operator, String csrf) {
    }

    /** What a new session gives the browser: the cookie's token, once. */
    record Started(String token, Session session) {
    }

    static final Duration LIFETIME = Duration.ofHours(12);

    private final JdbcTemplate jdbc;

    private final Clock wall = Clock.systemUTC();

    PortalSessions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Started startForSchool(UUID school) {
        return start(school, false);
    }

    Started startForOperator() {
        return start(null, true);
    }

    private Started start(UUID school, boolean operator) {
        var now = wall.instant();
        jdbc.update("delete from notifier.portal_sessions where expires_at < ?", Timestamp.from(now));
        var token = Secrets.browserToken();
        var session = new Session(school, operator, Secrets.browserToken());
        jdbc.update("insert into notifier.portal_sessions (token_hash, school_id, operator, csrf_token, created_at, expires_at) "
                + "values (?, ?, ?, ?, ?, ?)", Secrets.sha256(token), school, operator, session.csrf(),
                Timestamp.from(now), Timestamp.from(now.plus(LIFETIME)));
        return new Started(token, session);
    }

    Optional<Session> find(String token) {
        return jdbc.query("select school_id, operator, csrf_token from notifier.portal_sessions "
                + "where token_hash = ? and expires_at > ?",
                (row, n) -> new Session(row.getObject("school_id", UUID.class), row.getBoolean("operator"),
                        row.getString("csrf_token")),
                Secrets.sha256(token), Timestamp.from(wall.instant())).stream().findFirst();
    }

    void end(String token) {
        jdbc.update("delete from notifier.portal_sessions where token_hash = ?", Secrets.sha256(token));
    }
}
