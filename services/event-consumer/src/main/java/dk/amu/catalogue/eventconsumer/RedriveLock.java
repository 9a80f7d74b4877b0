package dk.amu.catalogue.eventconsumer;

import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps a redrive and the live batches of every instance on the database apart, as a PostgreSQL advisory
 * lock held to the end of the caller's transaction: each live batch takes it shared as its first statement,
 * a redrive exclusively. A redrive then reads the stored positions while no batch is between reading them
 * and committing its own, and a batch that follows it starts from the state the redrive left.
 * The two-key form, so it shares no key with the services' own one-key locks.
 */
final class RedriveLock {

    /** "rdrv" in ASCII; the second key is the service's schema. */
    private static final int KEY = 0x72647276;

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    private final JdbcTemplate jdbc;

    private final String schema;

    RedriveLock(JdbcTemplate jdbc, String schema) {
        if (!IDENTIFIER.matcher(schema).matches()) {
            throw new IllegalArgumentException("not a plain schema name: '" + schema + "'");
        }
        this.jdbc = jdbc;
        this.schema = schema;
    }

    /** For a live batch, inside its transaction. */
    void beside() {
        jdbc.queryForObject("select count(*) from (select pg_advisory_xact_lock_shared(?, hashtext(?))) as locked",
                Long.class, KEY, schema);
    }

    /** For a redrive, inside its transaction. */
    void alone() {
        jdbc.queryForObject("select count(*) from (select pg_advisory_xact_lock(?, hashtext(?))) as locked",
                Long.class, KEY, schema);
    }
}
