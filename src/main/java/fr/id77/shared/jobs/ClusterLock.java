package fr.id77.shared.jobs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a scheduled job on one application instance at a time, with a PostgreSQL session advisory lock
 * held on a connection of its own for the job's duration. If the instance dies, PostgreSQL drops the
 * connection and the lock with it: no lock ever stays stuck, and no table is needed. Start-up steps that check then
 * write (the initial catalogue, the first administrator) run one instance after the other with
 * {@link #holdUntilTransactionEnds}.
 */
@Component
public class ClusterLock {

    private final DataSource dataSource;
    private final JdbcClient jdbc;

    ClusterLock(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /**
     * Waits while another instance holds {@code key}, then holds it until the calling transaction ends (PostgreSQL
     * transaction advisory lock): two instances starting at once on an empty database do not both see « nothing yet »
     * and both write; the second one's check, made after the wait, sees what the first committed.
     */
    public void holdUntilTransactionEnds(long key) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("holdUntilTransactionEnds needs a transaction");
        }
        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(key).query().listOfRows();
    }

    /**
     * Runs {@code job} if no instance holds the lock {@code key}; returns false (without waiting) when
     * another one does.
     */
    public boolean runExclusively(long key, Runnable job) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            if (!call(connection, "SELECT pg_try_advisory_lock(?)", key)) {
                return false;
            }
            try {
                job.run();
                return true;
            } finally {
                call(connection, "SELECT pg_advisory_unlock(?)", key);
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Verrou de tâche planifiée indisponible", e);
        }
    }

    private static boolean call(Connection connection, String sql, long key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, key);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
