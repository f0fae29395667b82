package fr.id77.shared.time;

import fr.id77.shared.devdb.EmbeddedDatabaseCondition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The clock of demo mode only: the system clock, which demo data may move to a past instant while it writes
 * what happened then (time keeps running from there), and move back to now once done. It replaces
 * {@link TimeConfiguration}'s clock in demo mode; nothing else ever moves time.
 */
@Component
@Primary
@Conditional(EmbeddedDatabaseCondition.class)
public class DemoClock extends Clock {

    private final Clock system;
    private volatile Duration offset = Duration.ZERO;

    public DemoClock() {
        this(Clock.system(TimeConfiguration.PARIS));
    }

    DemoClock(Clock system) {
        this.system = system;
    }

    /** From now on, the time reads {@code instant}, then runs on from there. */
    public void moveTo(Instant instant) {
        offset = Duration.between(system.instant(), instant);
    }

    /** Back to the real time. */
    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return system.instant().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return system.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(getZone()) ? this : Clock.offset(system.withZone(zone), offset);
    }
}
