package dk.amu.catalogue.projections.rebuild;

import javax.sql.DataSource;

import dk.amu.catalogue.projections.consuming.LiveProjection;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rebuild's shadow schema: created fresh with the live schema's own migrations (so its
 * Flyway history moves along with it), the query indexes only after the replay, and swapped in by
 * renaming, in one transaction.
 */
@Component
class ShadowSchema {

    static final String NAME = "projections_rebuild";

    private static final String RETIRED = "projections_retired";

    /** V1 creates the tables; V2 and later add what queries need. */
    private static final String TABLES_ONLY = "1";

    private final DataSource dataSource;

    private final JdbcTemplate jdbc;

    private final TransactionTemplate transactions;

    ShadowSchema(DataSource dataSource, JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
    }

    /** The tables without the query indexes, which a replay would only have to keep up to date. */
    void create() {
        drop();
        flyway().target(TABLES_ONLY).load().migrate();
    }

    /** The rest of the migrations: the query indexes, built once over the replayed rows. */
    void complete() {
        flyway().load().migrate();
    }

    private FluentConfiguration flyway() {
        return Flyway.configure()
                .dataSource(dataSource)
                .schemas(NAME)
                .defaultSchema(NAME)
                .createSchemas(true)
                .locations("classpath:db/migration/projections");
    }

    void drop() {
        jdbc.execute("drop schema if exists " + NAME + " cascade");
    }

    /** Readers see the old tables until the commit and the new ones after it; never neither. */
    void switchOver() {
        transactions.executeWithoutResult(status -> {
            jdbc.execute("drop schema if exists " + RETIRED + " cascade");
            jdbc.execute("alter schema " + LiveProjection.SCHEMA + " rename to " + RETIRED);
            jdbc.execute("alter schema " + NAME + " rename to " + LiveProjection.SCHEMA);
            jdbc.execute("drop schema " + RETIRED + " cascade");
        });
    }
}
