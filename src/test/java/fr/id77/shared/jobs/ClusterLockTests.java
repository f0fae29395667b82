package fr.id77.shared.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Start-up steps that check then write run one instance after the other: while one transaction holds the lock, another
 * one asking for it waits in PostgreSQL, and goes on once the first has ended.
 */
@SpringBootTest
class ClusterLockTests {

    private static final long KEY = 77_000_999L;

    @Autowired
    ClusterLock lock;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSecondHolderWaitsUntilTheFirstTransactionEnds() throws Exception {
        try (ExecutorService instances = Executors.newFixedThreadPool(2)) {
            twoInstances(instances);
        }
    }

    private void twoInstances(ExecutorService instances) throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch end = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(
                () -> transactions.executeWithoutResult(status -> {
                    lock.holdUntilTransactionEnds(KEY);
                    held.countDown();
                    await(end);
                }),
                instances);
        assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> second = CompletableFuture.runAsync(
                () -> transactions.executeWithoutResult(status -> lock.holdUntilTransactionEnds(KEY)), instances);
        waitUntilSomeoneWaitsForTheLock();
        assertThat(second).as("waiting in PostgreSQL for the first transaction").isNotDone();

        end.countDown();
        first.get(30, TimeUnit.SECONDS);
        second.get(30, TimeUnit.SECONDS);
    }

    @Test
    void outsideATransactionItRefuses() {
        assertThatThrownBy(() -> lock.holdUntilTransactionEnds(KEY)).isInstanceOf(IllegalStateException.class);
    }

    private void waitUntilSomeoneWaitsForTheLock() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (jdbc.sql("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND objid = ?")
                        .param(KEY)
                        .query(Long.class)
                        .single()
                == 0) {
            assertThat(Instant.now()).as("the second transaction never waited").isBefore(deadline);
            Thread.sleep(50);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
