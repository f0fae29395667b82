package fr.id77.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The catalogue's version is read from the database once per interval, not once per request. */
class CatalogueVersionTests {

    final AtomicLong database = new AtomicLong(7);
    final AtomicLong reads = new AtomicLong();
    final AtomicLong now = new AtomicLong(1_000_000_000L);
    final CatalogueVersion version = new CatalogueVersion(
            () -> {
                reads.incrementAndGet();
                return database.get();
            },
            Duration.ofSeconds(1),
            now::get);

    @Test
    void theFirstAskReadsTheDatabaseThenTheNumberIsKeptForTheInterval() {
        assertThat(version.current()).isEqualTo(7);
        database.set(8); // another instance changed the catalogue
        now.addAndGet(Duration.ofMillis(999).toNanos());
        assertThat(version.current()).as("within the interval").isEqualTo(7);
        assertThat(reads).hasValue(1);

        now.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(version.current()).as("once the interval is over").isEqualTo(8);
        assertThat(version.current()).isEqualTo(8);
        assertThat(reads).hasValue(2);
    }

    @Test
    void withoutIntervalEveryAskReadsTheDatabase() {
        CatalogueVersion everyTime = new CatalogueVersion(
                () -> {
                    reads.incrementAndGet();
                    return database.get();
                },
                Duration.ZERO,
                now::get);
        everyTime.current();
        database.set(9);
        assertThat(everyTime.current()).isEqualTo(9);
        assertThat(reads).hasValue(2);
    }
}
