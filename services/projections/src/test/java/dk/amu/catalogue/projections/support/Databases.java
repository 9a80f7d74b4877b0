package dk.amu.catalogue.projections.support;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dk.amu.catalogue.testkit.CatalogueInfrastructure;
import dk.amu.catalogue.testkit.ReadModelFingerprint;

/** Fresh databases in the JVM's PostgreSQL, and a fingerprint of a schema's read models to compare them by. */
public final class Databases {

    private Databases() {
    }

    /** Creates an empty database and returns its JDBC URL. */
    public static String create(String name) {
        var database = CatalogueInfrastructure.running().database();
        execute(database.jdbcUrl(), "drop database if exists " + name + " with (force)");
        execute(database.jdbcUrl(), "create database " + name);
        return database.jdbcUrl().substring(0, database.jdbcUrl().lastIndexOf('/') + 1) + name;
    }

    public static String user() {
        return CatalogueInfrastructure.running().database().username();
    }

    /** Per table: its row count and an MD5 over all its rows in key order. */
    public static Map<String, String> fingerprint(String jdbcUrl, String schema) {
        return ReadModelFingerprint.of(schema, sql -> single(jdbcUrl, sql));
    }

    public static List<String> column(String jdbcUrl, String sql) {
        try (var connection = DriverManager.getConnection(jdbcUrl, user(), "");
                var rows = connection.createStatement().executeQuery(sql)) {
            var values = new ArrayList<String>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
        catch (SQLException ex) {
            throw new IllegalStateException(sql + " failed on " + jdbcUrl, ex);
        }
    }

    public static String single(String jdbcUrl, String sql) {
        var values = column(jdbcUrl, sql);
        return values.isEmpty() ? null : values.get(0);
    }

    private static void execute(String jdbcUrl, String sql) {
        try (var connection = DriverManager.getConnection(jdbcUrl, user(), "")) {
            connection.createStatement().execute(sql);
        }
        catch (SQLException ex) {
            throw new IllegalStateException(sql + " failed", ex);
        }
    }
}
