package fr.id77.shared.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Set;
import java.util.TreeSet;

/**
 * Working days of the département: Monday to Friday, except the eleven French public holidays, the three that
 * follow Easter (Easter Monday, Ascension Thursday, Whit Monday) computed from the date of Easter of each year, so
 * that no list of dates has to be typed in for the years to come.
 *
 * <p>Counting convention, used by answer deadlines, dashboards and statistics alike: the number of working days
 * <em>between</em> two dates counts the working days after the first up to and including the second. A request
 * filed on a Friday and accepted the next Monday took one working day; accepted the same day, none.
 *
 * <p>Written here rather than taken from a holiday library: the whole rule is the Gregorian computus and eight fixed
 * dates, smaller than the XML calendars and JAXB runtime such a library brings.
 */
public final class WorkingDays {

    private static final Set<MonthDay> FIXED_HOLIDAYS = Set.of(
            MonthDay.of(1, 1), // Jour de l'an
            MonthDay.of(5, 1), // Fête du travail
            MonthDay.of(5, 8), // Victoire 1945
            MonthDay.of(7, 14), // Fête nationale
            MonthDay.of(8, 15), // Assomption
            MonthDay.of(11, 1), // Toussaint
            MonthDay.of(11, 11), // Armistice
            MonthDay.of(12, 25)); // Noël

    private WorkingDays() {}

    /** Easter Sunday of a Gregorian year (anonymous Gregorian algorithm, « Meeus/Jones/Butcher »). */
    public static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    /** Whether the day is a French public holiday (fixed or Easter-based). */
    public static boolean isPublicHoliday(LocalDate day) {
        if (FIXED_HOLIDAYS.contains(MonthDay.from(day))) {
            return true;
        }
        LocalDate easter = easterSunday(day.getYear());
        return day.equals(easter.plusDays(1)) // Lundi de Pâques
                || day.equals(easter.plusDays(39)) // Ascension
                || day.equals(easter.plusDays(50)); // Lundi de Pentecôte
    }

    /** Whether the day is worked: not a Saturday, a Sunday or a public holiday. */
    public static boolean isWorkingDay(LocalDate day) {
        return isWeekday(day) && !isPublicHoliday(day);
    }

    /**
     * The working days after {@code from} up to and including {@code to}; zero when {@code to} is not after
     * {@code from}. Weekdays are counted by arithmetic and the holidays of each year in the span taken off, so a
     * span of years costs a few dozen operations, not one check per day.
     */
    public static long between(LocalDate from, LocalDate to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        long count = weekdaysUpTo(to) - weekdaysUpTo(from);
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            for (LocalDate holiday : holidaysOf(year)) {
                if (holiday.isAfter(from) && !holiday.isAfter(to) && isWeekday(holiday)) {
                    count--;
                }
            }
        }
        return count;
    }

    /** Mondays to Fridays from a fixed Monday (29 December 1969) up to the day, negative before it. */
    private static long weekdaysUpTo(LocalDate day) {
        long sinceMonday = day.toEpochDay() + 3;
        return Math.floorDiv(sinceMonday, 7) * 5 + Math.min(Math.floorMod(sinceMonday, 7) + 1, 5);
    }

    private static boolean isWeekday(LocalDate day) {
        DayOfWeek dayOfWeek = day.getDayOfWeek();
        return dayOfWeek != DayOfWeek.SATURDAY && dayOfWeek != DayOfWeek.SUNDAY;
    }

    /** The public holidays of a year, each once (Ascension may fall on 1 or 8 May). */
    public static Set<LocalDate> holidaysOf(int year) {
        Set<LocalDate> days = new TreeSet<>();
        for (MonthDay fixed : FIXED_HOLIDAYS) {
            days.add(fixed.atYear(year));
        }
        LocalDate easter = easterSunday(year);
        days.add(easter.plusDays(1));
        days.add(easter.plusDays(39));
        days.add(easter.plusDays(50));
        return days;
    }

    /** The date that is {@code workingDays} working days after {@code from} (itself when zero). */
    public static LocalDate plus(LocalDate from, int workingDays) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("Nombre de jours ouvrés négatif : " + workingDays);
        }
        LocalDate day = from;
        int left = workingDays;
        while (left > 0) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }
}
