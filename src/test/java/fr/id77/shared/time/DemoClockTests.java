package fr.id77.shared.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The demo clock reads the system time, moved to a past instant while demo data is written, then back. */
class DemoClockTests {

    private static final Instant REAL_NOW = Instant.parse("2026-03-02T09:00:00Z");

    private final MutableClock system = new MutableClock(REAL_NOW);
    private final DemoClock clock = new DemoClock(system);

    @Test
    void readsTheSystemTimeUntilMovedThenRunsOnFromWhereItWasMovedUntilReset() {
        assertThat(clock.instant()).isEqualTo(REAL_NOW);
        Instant past = REAL_NOW.minus(Duration.ofDays(95));
        clock.moveTo(past);
        assertThat(clock.instant()).isEqualTo(past);
        system.now = REAL_NOW.plusMillis(40);
        assertThat(clock.instant())
                .as("time keeps running from the moved instant")
                .isEqualTo(past.plusMillis(40));
        clock.reset();
        assertThat(clock.instant()).isEqualTo(REAL_NOW.plusMillis(40));
        assertThat(clock.getZone()).isEqualTo(TimeConfiguration.PARIS);
    }

    @Test
    void inAnotherZoneKeepsTheMovedInstant() {
        Instant past = REAL_NOW.minus(Duration.ofDays(3));
        clock.moveTo(past);
        assertThat(clock.withZone(ZoneId.of("UTC")).instant()).isEqualTo(past);
        assertThat(clock.withZone(TimeConfiguration.PARIS)).isSameAs(clock);
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return TimeConfiguration.PARIS;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now, zone);
        }
    }
}
