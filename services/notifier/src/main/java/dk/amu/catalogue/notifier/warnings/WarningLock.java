package dk.amu.catalogue.notifier.warnings;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps warning runs of several instances apart, as a PostgreSQL advisory lock held to the end of a
 * transaction. A run takes it exclusively, in a transaction of its own ({@link #alone}), so two
 * instances' runs (both run at start-up and after midnight) go one after the other and the second finds
 * every warning recorded. A consumer batch, which records warnings too, takes it shared in the batch's
 * transaction ({@link #beside}): batches of different instances run side by side, but never beside a
 * run that could record the same warnings in another order.
 */
@Component
public class WarningLock {

    /** "notiwarn" in ASCII: a key no other lock of this database uses. */
    static final long KEY = 0x6e6f74697761726eL;

    private final JdbcTemplate jdbc;

    private final TransactionTemplate transactions;

    WarningLock(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** A warning run: in a transaction of its own, which takes the lock first. */
    void alone(Runnable run) {
        transactions.executeWithoutResult(status -> {
            jdbc.queryForObject("select count(*) from (select pg_advisory_xact_lock(?)) as locked", Long.class, KEY);
            run.run();
        });
    }

    /** For a consumer batch, inside its transaction. */
    public void beside() {
        jdbc.queryForObject("select count(*) from (select pg_advisory_xact_lock_shared(?)) as locked", Long.class, KEY);
    }
}
