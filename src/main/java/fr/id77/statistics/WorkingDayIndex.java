package fr.id77.statistics;

import fr.id77.shared.time.WorkingDays;
import java.time.LocalDate;

/**
 * {@link WorkingDays#between} for the many requests of a period in constant time: the working days of a span of dates
 * are counted once, cumulatively, and a duration is the difference of two counts. Dates outside the span are asked to
 * {@link WorkingDays} itself.
 */
final class WorkingDayIndex {

    private final LocalDate first;
    private final int[] workedUpTo;

    /** The span [first, last]; an empty span (last before first) asks every duration to WorkingDays. */
    WorkingDayIndex(LocalDate first, LocalDate last) {
        this.first = first;
        int days = last.isBefore(first) ? 0 : (int) (last.toEpochDay() - first.toEpochDay()) + 1;
        this.workedUpTo = new int[days];
        int worked = 0;
        for (int i = 0; i < days; i++) {
            if (i > 0 && WorkingDays.isWorkingDay(first.plusDays(i))) {
                worked++;
            }
            workedUpTo[i] = worked;
        }
    }

    /** The working days after {@code from} up to and including {@code to}, as {@link WorkingDays#between}. */
    long between(LocalDate from, LocalDate to) {
        int a = offset(from);
        int b = offset(to);
        if (a < 0 || b < 0) {
            return WorkingDays.between(from, to);
        }
        return b <= a ? 0 : workedUpTo[b] - workedUpTo[a];
    }

    private int offset(LocalDate day) {
        long i = day.toEpochDay() - first.toEpochDay();
        return i >= 0 && i < workedUpTo.length ? (int) i : -1;
    }
}
