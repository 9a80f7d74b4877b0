package dk.amu.catalogue.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server left running by a killed JVM: the next start on its directory takes it over cleanly, a
 * start on another directory refuses it. The orphan is made the way it happens: a JVM that started the
 * database is killed with SIGKILL, so no shutdown hook runs.
 */
class DatabaseOwnershipTests {

    @TempDir
    Path directory;

    private final List<Path> clusters = new java.util.ArrayList<>();

    @AfterEach
    void stopWhatIsLeft() {
        for (var cluster : clusters) {
            Postmaster.of(cluster).flatMap(postmaster -> ProcessHandle.of(postmaster.pid())).ifPresent(process -> {
                process.destroy();
                process.onExit().orTimeout(60, TimeUnit.SECONDS).join();
            });
        }
    }

    @Test
    void shouldStopAServerLeftRunningForItsOwnDirectoryAndStartItAgainAsItsOwn() throws Exception {
        var settings = DatabaseSettings.onFreePort(cluster("first"));
        var orphan = orphanOf(settings, "create table kept(value text); insert into kept values ('Økonomi')");

        try (var database = EmbeddedDatabase.start(settings)) {
            assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).as("the orphan was stopped").isNotEqualTo(java.util.Optional.of(true));
            var server = ServerIdentity.on(settings.host(), settings.port()).orElseThrow();
            assertThat(server.pid()).isNotEqualTo(orphan).isEqualTo(Postmaster.of(settings.dataDirectory()).orElseThrow().pid());
            assertThat(Files.isSameFile(server.dataDirectory(), settings.dataDirectory())).isTrue();
            assertThat(query(database, "select value from kept")).isEqualTo("Økonomi");

            database.stop();
            assertThat(ServerIdentity.on(settings.host(), settings.port())).as("ours now: it stops with us").isEmpty();
        }
    }

    @Test
    void shouldRefuseAPortAnsweredByTheServerOfAnotherDirectoryAndNeverUseIt() throws Exception {
        var first = DatabaseSettings.onFreePort(cluster("first"));
        var orphan = orphanOf(first, "create table only_in_first(value text)");
        var second = new DatabaseSettings(cluster("second"), first.host(), first.port());

        assertThatExceptionOfType(DatabaseOwnershipException.class)
                .isThrownBy(() -> EmbeddedDatabase.start(second))
                .withMessageContaining(first.dataDirectory().toAbsolutePath().toString())
                .withMessageContaining("process " + orphan)
                .withMessageContaining("was not used");

        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).as("another directory's server is left alone").contains(true);
        assertThat(second.dataDirectory().resolve(Postmaster.PID_FILE)).doesNotExist();
        try (var connection = DriverManager.getConnection(jdbcUrl(first), EmbeddedDatabase.USER, "");
                var tables = connection.createStatement().executeQuery("select count(*) from only_in_first")) {
            assertThat(tables.next()).isTrue();
        }
    }

    @Test
    void shouldRefuseADataDirectoryThatAnotherRunningOwnerHolds() {
        var settings = DatabaseSettings.onFreePort(cluster("first"));
        try (var owner = EmbeddedDatabase.start(settings)) {
            assertThatExceptionOfType(DatabaseOwnershipException.class)
                    .isThrownBy(() -> EmbeddedDatabase.start(new DatabaseSettings(settings.dataDirectory(), settings.host(),
                            DatabaseSettings.onFreePort(directory).port())))
                    .withMessageContaining("is in use by another running process");
            assertThat(owner.isRunning()).isTrue();
        }
    }

    private Path cluster(String name) {
        var cluster = directory.resolve(name);
        clusters.add(cluster);
        return cluster;
    }

    /** Starts the database in a JVM of its own, runs the SQL, then kills that JVM with SIGKILL. */
    private static long orphanOf(DatabaseSettings settings, String sql) throws Exception {
        var java = ProcessHandle.current().info().command().orElse("java");
        var jvm = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), OrphanedDatabase.class.getName(),
                settings.dataDirectory().toString(), Integer.toString(settings.port()))
                .redirectErrorStream(true)
                .redirectOutput(settings.dataDirectory().resolveSibling(settings.dataDirectory().getFileName() + ".log").toFile())
                .start();
        await().atMost(Duration.ofSeconds(90)).until(() -> !jvm.isAlive() || Postmaster.of(settings.dataDirectory()).isPresent()
                && ServerIdentity.on(settings.host(), settings.port()).isPresent());
        assertThat(jvm.isAlive()).as("the database's JVM is running").isTrue();
        try (var connection = DriverManager.getConnection(jdbcUrl(settings), EmbeddedDatabase.USER, "")) {
            connection.createStatement().execute(sql);
        }
        jvm.destroyForcibly().onExit().get(30, TimeUnit.SECONDS);
        var orphan = Postmaster.of(settings.dataDirectory()).orElseThrow();
        assertThat(orphan.isRunning()).as("PostgreSQL outlives the killed JVM").isTrue();
        return orphan.pid();
    }

    private static String jdbcUrl(DatabaseSettings settings) {
        return "jdbc:postgresql://" + settings.host() + ":" + settings.port() + "/" + EmbeddedDatabase.DATABASE;
    }

    private static String query(EmbeddedDatabase database, String sql) throws SQLException {
        try (var connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
                var result = connection.createStatement().executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }

    /** The JVM that is killed: starts the database and waits. */
    static final class OrphanedDatabase {

        public static void main(String[] args) throws InterruptedException {
            EmbeddedDatabase.start(new DatabaseSettings(Path.of(args[0]), "127.0.0.1", Integer.parseInt(args[1])));
            System.out.println("started");
            new java.util.concurrent.CountDownLatch(1).await();
        }
    }
}
