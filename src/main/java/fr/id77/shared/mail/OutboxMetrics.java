package fr.id77.shared.mail;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.ToDoubleFunction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outbox seen from monitoring: how many mails wait ({@code id77.mail.outbox.waiting}), for how long the oldest
 * has waited ({@code id77.mail.outbox.oldest.age}, seconds) and how many failed for good ({@code id77.mail.failed}).
 * A growing queue or age is the sign of a mail server outage, which readiness does not report (the outbox rides it
 * out). One indexed query (the unsent rows' partial index) feeds the three gauges, at most once every few seconds.
 */
@Component
class OutboxMetrics implements MeterBinder {

    /** Scrapes closer together than this share one query. */
    static final Duration FRESHNESS = Duration.ofSeconds(5);

    record Snapshot(long waiting, Timestamp oldestWaiting, long failed) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private Snapshot last;
    private Instant lastAt = Instant.MIN;

    OutboxMetrics(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge(
                registry,
                "id77.mail.outbox.waiting",
                "courriels à envoyer (en attente ou en cours d'envoi)",
                null,
                s -> s.waiting());
        gauge(
                registry,
                "id77.mail.outbox.oldest.age",
                "âge du plus ancien courriel à envoyer",
                "seconds",
                s -> s.oldestWaiting() == null
                        ? 0
                        : Math.max(
                                0,
                                Duration.between(s.oldestWaiting().toInstant(), clock.instant())
                                        .toSeconds()));
        gauge(
                registry,
                "id77.mail.failed",
                "courriels en échec définitif, à renvoyer depuis /admin/courriels",
                null,
                s -> s.failed());
    }

    private void gauge(
            MeterRegistry registry, String name, String description, String unit, ToDoubleFunction<Snapshot> value) {
        Gauge.builder(name, this, metrics -> value.applyAsDouble(metrics.snapshot()))
                .description(description)
                .baseUnit(unit)
                .strongReference(true)
                .register(registry);
    }

    synchronized Snapshot snapshot() {
        Instant now = clock.instant();
        if (last == null || lastAt.plus(FRESHNESS).isBefore(now)) {
            last = jdbc.sql("""
                            SELECT count(*) FILTER (WHERE status IN ('PENDING', 'SENDING')) AS waiting,
                                   min(created_at) FILTER (WHERE status IN ('PENDING', 'SENDING')) AS oldest_waiting,
                                   count(*) FILTER (WHERE status = 'FAILED') AS failed
                            FROM mail_outbox WHERE status <> 'SENT'""").query(Snapshot.class).single();
            lastAt = now;
        }
        return last;
    }
}
