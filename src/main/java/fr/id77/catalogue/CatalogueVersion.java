package fr.id77.catalogue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The catalogue's version as this instance knows it: the number PostgreSQL bumps in the same transaction as any
 * change to the public catalogue (V38 triggers), re-read at most once per {@code id77.catalogue.cache.recheck}. A
 * change made on any instance is therefore seen by every instance within that interval, at the cost of one
 * single-row read per interval and instance, whatever the traffic. While one request re-reads it, the others go on
 * with the number they had.
 */
@Component
class CatalogueVersion {

    private final LongSupplier database;
    private final long recheckNanos;
    private final LongSupplier nanoTime;
    private final AtomicBoolean reading = new AtomicBoolean();

    private volatile long version = -1;
    private volatile long readAt;

    @Autowired
    CatalogueVersion(JdbcClient jdbc, @Value("${id77.catalogue.cache.recheck:1s}") Duration recheck) {
        this(
                () -> jdbc.sql("SELECT version FROM catalogue_version")
                        .query(Long.class)
                        .single(),
                recheck,
                System::nanoTime);
    }

    CatalogueVersion(LongSupplier database, Duration recheck, LongSupplier nanoTime) {
        this.database = database;
        this.recheckNanos = recheck.toNanos();
        this.nanoTime = nanoTime;
    }

    /** The version, read from the database when the last reading is older than the interval (or never happened). */
    long current() {
        long known = version;
        long now = nanoTime.getAsLong();
        if (known >= 0 && now - readAt < recheckNanos) {
            return known;
        }
        if (known >= 0 && !reading.compareAndSet(false, true)) {
            return known;
        }
        try {
            long read = database.getAsLong();
            readAt = now;
            version = read;
            return read;
        } finally {
            if (known >= 0) {
                reading.set(false);
            }
        }
    }
}
