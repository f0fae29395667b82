package fr.id77.requests;

import fr.id77.shared.time.WorkingDays;
import java.time.LocalDate;

/**
 * A request's deadlines in working days ({@link WorkingDays}: weekends and French public holidays off). A target of
 * {@code n} days from filing is due on the {@code n}-th working day after the filing day, and late from the next
 * working day on; the working days spent in « Compléments demandés » (the clock stopped) move it forward.
 */
public final class RequestDeadlines {

    /** An offer's answer target when the admins set none: ten working days (two weeks). */
    public static final int DEFAULT_ANSWER_DAYS = 10;

    private RequestDeadlines() {}

    /** The last working day to meet a target of {@code workingDays} from {@code filedOn}; null without a target. */
    static LocalDate due(LocalDate filedOn, Integer workingDays) {
        return workingDays == null ? null : WorkingDays.plus(filedOn, workingDays);
    }

    /**
     * {@code due} moved forward by the working days the clock stood still: after {@code stoppedOn} up to and including
     * {@code resumedOn} (asked and answered the same day: nothing). Null stays null.
     */
    static LocalDate resumed(LocalDate due, LocalDate stoppedOn, LocalDate resumedOn) {
        return due == null ? null : WorkingDays.plus(due, (int) WorkingDays.between(stoppedOn, resumedOn));
    }

    /** How many working days {@code today} is past {@code due}: 0 when on time or without a deadline. */
    public static long lateBy(LocalDate due, LocalDate today) {
        return due == null ? 0 : WorkingDays.between(due, today);
    }
}
