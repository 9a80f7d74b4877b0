package dk.amu.catalogue.projections.consuming;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The switch-over lock, a PostgreSQL advisory lock: every live batch takes it shared as the first
 * statement of its transaction; a rebuild takes it exclusively to swap the schemas under the live
 * consumers of every instance (see {@code RebuildLocks}).
 */
@Component
public class SwitchOverLock {

    /** "projswch" in ASCII: a key no other lock of this database uses. */
    public static final long KEY = 0x70726f6a73776368L;

    private final JdbcTemplate jdbc;

    SwitchOverLock(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** For a live batch, inside its transaction: waits while a switch-over runs, and keeps the next one out until commit. */
    void liveBatch() {
        jdbc.queryForObject("select count(*) from (select pg_advisory_xact_lock_shared(?)) as locked", Long.class, KEY);
    }
}
