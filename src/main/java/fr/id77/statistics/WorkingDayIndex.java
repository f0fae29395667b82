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
        return between(
                Math.toIntExact(from.toEpochDay() - first.toEpochDay()),
                Math.toIntExact(to.toEpochDay() - first.toEpochDay()));
    }

    /**
     * The same for two days given by their distance (in days) from the first day of the span, as the statistics read
     * them from the database.
     */
    long between(int from, int to) {
        if (from < 0 || to < 0 || from >= workedUpTo.length || to >= workedUpTo.length) {
            return WorkingDays.between(first.plusDays(from), first.plusDays(to));
        }
        return to <= from ? 0 : workedUpTo[to] - workedUpTo[from];
    }
}
