package dk.amu.catalogue.projections.consuming;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * One shadow table's bulk load: a connection of its own holding one transaction from the first
 * batch to {@link #commit()}. The transaction begins by truncating the (empty) table, which gives it
 * a new data file: PostgreSQL may then {@code COPY ... FREEZE} into it (no hint-bit rewrites or
 * freezing vacuum later), and with {@code wal_level=minimal} it syncs the file at commit instead of
 * writing every row to the WAL as well. On a replicated server the WAL is written as usual.
 *
 * <p>Used by one thread at a time: the callers hand batches over in turn, each after the last.
 */
final class TableLoad implements AutoCloseable {

    private final JdbcTemplate jdbc;

    private final String table;

    private final String columns;

    private Connection connection;

    TableLoad(JdbcTemplate jdbc, String table, String columns) {
        this.jdbc = jdbc;
        this.table = table;
        this.columns = columns;
    }

    /** Sends one batch; the first opens the transaction and truncates the table. */
    long copy(CopyRows rows) throws SQLException {
        if (connection == null) {
            var opened = DataSourceUtils.getConnection(dataSource());
            try {
                opened.setAutoCommit(false);
                try (var statement = opened.createStatement()) {
                    statement.execute("truncate table " + table);
                }
            }
            catch (SQLException | RuntimeException ex) {
                DataSourceUtils.releaseConnection(opened, dataSource());
                throw ex;
            }
            connection = opened;
        }
        return rows.copyInto(connection.unwrap(PGConnection.class).getCopyAPI(), table, columns, true);
    }

    /** Commits the load, and gives the connection back. */
    Void commit() throws SQLException {
        if (connection != null) {
            try {
                connection.commit();
            }
            finally {
                close();
            }
        }
        return null;
    }

    /** Rolls back a load that was not committed. */
    @Override
    public void close() {
        if (connection == null) {
            return;
        }
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
        catch (SQLException ex) {
            throw new DataAccessResourceFailureException("could not end the load of " + table, ex);
        }
        finally {
            DataSourceUtils.releaseConnection(connection, dataSource());
            connection = null;
        }
    }

    private DataSource dataSource() {
        var dataSource = jdbc.getDataSource();
        if (dataSource == null) {
            throw new IllegalStateException("the JdbcTemplate has no DataSource");
        }
        return dataSource;
    }
}
