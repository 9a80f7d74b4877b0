package dk.amu.catalogue.projections.rebuild;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import dk.amu.catalogue.projections.consuming.SwitchOverLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What keeps several projections instances on one database out of each other's way while one of
 * them rebuilds. Both are PostgreSQL advisory locks, so they hold across instances and go with the
 * connection of an instance that is killed.
 *
 * <ul>
 * <li><b>One rebuild at a time:</b> the instance that rebuilds holds it for the whole rebuild, on a
 * connection of its own; another instance's start is refused while it is held.</li>
 * <li><b>The switch-over</b> ({@link SwitchOverLock}): every live batch takes it shared, as the first statement of its
 * transaction; the rebuild takes it exclusively before it reads where the log ends and catches up.
 * So no instance's live consumer writes while the schemas are swapped, the last positions replayed
 * lie past everything a live consumer had applied, and a live batch that waited reads its positions
 * from the new tables.</li>
 * </ul>
 */
@Component
public class RebuildLocks {

    private static final Logger log = LoggerFactory.getLogger(RebuildLocks.class);

    /** "projrbld" in ASCII: a key no other lock of this database uses. */
    static final long REBUILD = 0x70726f6a72626c64L;

    static final long SWITCH_OVER = SwitchOverLock.KEY;

    private final DataSource dataSource;

    RebuildLocks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The rebuild lock, or empty when another instance rebuilds. */
    Optional<Held> rebuild() {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            if (call(connection, "select pg_try_advisory_lock(?)", REBUILD)) {
                return Optional.of(new Held(connection));
            }
            connection.close();
            return Optional.empty();
        }
        catch (SQLException ex) {
            close(connection);
            throw new IllegalStateException("could not ask the database whether another instance rebuilds: "
                    + ex.getMessage(), ex);
        }
    }

    private static boolean call(Connection connection, String sql, long key) throws SQLException {
        try (var statement = connection.prepareStatement(sql)) {
            statement.setLong(1, key);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getObject(1) instanceof Boolean b ? b : true;
            }
        }
    }

    private static void close(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            }
            catch (SQLException ex) {
                log.debug("closing the lock connection failed", ex);
            }
        }
    }

    /** The rebuild lock as one running rebuild holds it, and the switch-over lock it takes on the same connection. */
    final class Held implements AutoCloseable {

        private final Connection connection;

        private Held(Connection connection) {
            this.connection = connection;
        }

        /** Waits until every live batch in progress, on any instance, has committed; holds off the next ones. */
        void stopLiveBatches() {
            try {
                call(connection, "select pg_advisory_lock(?)", SWITCH_OVER);
            }
            catch (SQLException ex) {
                throw new IllegalStateException("could not hold off the live consumers for the switch-over: "
                        + ex.getMessage(), ex);
            }
        }

        void resumeLiveBatches() {
            try {
                call(connection, "select pg_advisory_unlock(?)", SWITCH_OVER);
            }
            catch (SQLException ex) {
                throw new IllegalStateException("could not let the live consumers go on: " + ex.getMessage(), ex);
            }
        }

        /** Lets go of every lock of this connection (a pooled connection would otherwise keep them) and returns it. */
        @Override
        public void close() {
            try (var statement = connection.createStatement()) {
                statement.execute("select pg_advisory_unlock_all()");
            }
            catch (SQLException ex) {
                log.warn("Could not release the rebuild locks: {}; they go with the connection", ex.toString());
                try {
                    connection.abort(Runnable::run);
                }
                catch (SQLException abortFailed) {
                    log.debug("aborting the lock connection failed", abortFailed);
                }
            }
            RebuildLocks.close(connection);
        }
    }
}
