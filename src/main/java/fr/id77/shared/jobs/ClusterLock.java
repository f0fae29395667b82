package fr.id77.shared.jobs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * Runs a scheduled job on one application instance at a time, with a PostgreSQL session advisory lock
 * held on a connection of its own for the job's duration. If the instance dies, PostgreSQL drops the
 * connection and the lock with it: no lock ever stays stuck, and no table is needed.
 */
@Component
public class ClusterLock {

    private final DataSource dataSource;

    ClusterLock(DataSource dataSource) {
        this.dataSource = dataSource;
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
