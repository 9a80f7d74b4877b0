package dk.amu.catalogue.cluster.support;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

import dk.amu.catalogue.postgres.EmbeddedDatabase;
import dk.amu.catalogue.testkit.ReadModelFingerprint;

/** The read models' tables as rows, to compare one schema with another. */
public final class Tables {

    private Tables() {
    }

    /** Per table of the projections: its row count and an MD5 over all its rows in key order. */
    public static Map<String, String> projections(EmbeddedDatabase database) {
        return ReadModelFingerprint.of("projections", sql -> single(database, sql));
    }

    public static String single(EmbeddedDatabase database, String sql) {
        try (var connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
                var rows = connection.createStatement().executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
        catch (SQLException ex) {
            throw new IllegalStateException(sql + " failed", ex);
        }
    }

    public static long count(EmbeddedDatabase database, String sql) {
        var value = single(database, sql);
        return value == null ? 0 : Long.parseLong(value);
    }
}
