package fr.id77.shared.jobs;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one shape of every purge job, so that they all behave alike: one instance at a time ({@link ClusterLock}), a
 * cut-off read from the application's {@link Clock}, old rows deleted in batches of {@value #BATCH} (short
 * statements: no long lock on a big table, no huge transaction), and how many went written to the log and counted in
 * the metric {@code id77.purge.deleted} (tag {@code purge}). Each run is also timed by Spring's
 * {@code tasks.scheduled.execution} metric, like every scheduled job.
 */
@Component
public class Purges {

    public static final int BATCH = 5000;
    private static final Logger log = LoggerFactory.getLogger(Purges.class);

    private final ClusterLock lock;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final MeterRegistry meters;

    Purges(ClusterLock lock, JdbcClient jdbc, Clock clock, MeterRegistry meters) {
        this.lock = lock;
        this.jdbc = jdbc;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Deletes the rows of {@code table} (which has an {@code id} column) matching {@code condition}, in which
     * {@code :before} is now minus {@code retention}. Returns how many went (0 when another instance is purging).
     */
    public int deleteRows(String purge, long lockKey, Duration retention, String table, String condition) {
        String delete = "DELETE FROM " + table + " WHERE id IN (SELECT id FROM " + table + " WHERE " + condition
                + " LIMIT " + BATCH + ")";
        return run(purge, lockKey, retention, before -> {
            Timestamp cutoff = Timestamp.from(before);
            int total = 0;
            int deleted;
            do {
                deleted = jdbc.sql(delete).param("before", cutoff).update();
                total += deleted;
            } while (deleted == BATCH);
            return total;
        });
    }

    /** Runs {@code pass} with the cut-off (now minus {@code retention}) on one instance at a time; logs its count. */
    public int run(String purge, long lockKey, Duration retention, ToIntFunction<Instant> pass) {
        Instant before = clock.instant().minus(retention);
        int[] purged = {0};
        lock.runExclusively(lockKey, () -> purged[0] = pass.applyAsInt(before));
        if (purged[0] > 0) {
            log.info("Purge {} : {} élément(s) antérieur(s) au {} supprimé(s)", purge, purged[0], before);
            meters.counter("id77.purge.deleted", "purge", purge).increment(purged[0]);
        }
        return purged[0];
    }
}
