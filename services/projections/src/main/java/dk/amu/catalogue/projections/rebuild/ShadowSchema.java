package dk.amu.catalogue.projections.rebuild;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import dk.amu.catalogue.projections.consuming.LiveProjection;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.jdbc.core.ConnectionCallback;
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

    /** For the sorts that build the keys and indexes, in the sessions that build them. */
    private static final String SORT_MEMORY = "set maintenance_work_mem = '256MB'";

    private final DataSource dataSource;

    private final JdbcTemplate jdbc;

    private final TransactionTemplate transactions;

    ShadowSchema(DataSource dataSource, JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
    }

    /**
     * Each read model's primary key: dropped while the bulk replay copies rows into the bare tables
     * (keeping a b-tree of random event ids up to date row by row costs more than the copy), and
     * added back, as V1 defines it, by one sort over all rows.
     */
    private static final Map<String, String> PRIMARY_KEYS = new LinkedHashMap<>();

    static {
        PRIMARY_KEYS.put("changes", "event_id");
        PRIMARY_KEYS.put("link_versions", "fkb_code, course_number, sequence");
        PRIMARY_KEYS.put("fkb_revisions", "fkb_code, sequence");
        PRIMARY_KEYS.put("links", "fkb_code, course_number");
        PRIMARY_KEYS.put("fkbs", "code");
    }

    /** The tables of V1, without their primary keys and without the query indexes. */
    void create() {
        drop();
        flyway().target(TABLES_ONLY).load().migrate();
        transactions.executeWithoutResult(status -> PRIMARY_KEYS.keySet().forEach(table ->
                jdbc.execute("alter table " + NAME + "." + table + " drop constraint " + table + "_pkey")));
    }

    /**
     * The primary keys back, then the rest of the migrations: the query indexes, each built once
     * over the replayed rows. The sorts get more memory than the server's default, in these sessions.
     */
    void complete() {
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (var statement = connection.createStatement()) {
                statement.execute(SORT_MEMORY);
                for (var key : PRIMARY_KEYS.entrySet()) {
                    statement.execute("alter table " + NAME + "." + key.getKey() + " add constraint " + key.getKey()
                            + "_pkey primary key (" + key.getValue() + ")");
                }
                statement.execute("reset maintenance_work_mem");
            }
            return null;
        });
        flyway().initSql(SORT_MEMORY).load().migrate();
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
            // which dead letters were redriven is not in the log: it goes along to the new tables
            jdbc.execute("insert into " + NAME + ".dead_letters_redriven select * from " + LiveProjection.SCHEMA
                    + ".dead_letters_redriven on conflict do nothing");
            jdbc.execute("drop schema if exists " + RETIRED + " cascade");
            jdbc.execute("alter schema " + LiveProjection.SCHEMA + " rename to " + RETIRED);
            jdbc.execute("alter schema " + NAME + " rename to " + LiveProjection.SCHEMA);
            jdbc.execute("drop schema " + RETIRED + " cascade");
        });
    }
}
