package dk.amu.catalogue.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseTests {

    @TempDir
    Path directory;

    @Test
    void shouldRunPostgresSeventeenAndKeepItsDataAcrossAStopAndStart() throws Exception {
        var settings = DatabaseSettings.onFreePort(directory.resolve("postgres"));
        try (var database = EmbeddedDatabase.start(settings)) {
            assertThat(query(database, "show server_version")).startsWith("17.");
            execute(database, "create table kept(value text); insert into kept values ('Økonomi')");

            database.stop();
            assertThat(database.isRunning()).isFalse();
            assertThatExceptionOfType(SQLException.class).isThrownBy(() -> query(database, "select 1"));

            database.start();
            assertThat(query(database, "select value from kept")).isEqualTo("Økonomi");
        }
    }

    private static String query(EmbeddedDatabase database, String sql) throws SQLException {
        try (var connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
                var result = connection.createStatement().executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }

    private static void execute(EmbeddedDatabase database, String sql) throws SQLException {
        try (var connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password())) {
            connection.createStatement().execute(sql);
        }
    }
}
