package fr.id77.loans;

import fr.id77.loans.LoanRules.DayState;
import fr.id77.loans.LoanRules.Occupation;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * An exhibition's availability for the coming months, as month tables of weeks (Monday first): each day says in words
 * whether a copy is free, so that a screen reader (and a printed page) tells what the colours and patterns show.
 */
record AvailabilityCalendar(List<Month> months) {

    static final int MONTHS = 12;

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRENCH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRENCH);

    /** A day of a month table; {@code null} in a week pads the days of the neighbouring months. */
    record Day(LocalDate date, DayState state) {
        public int number() {
            return date.getDayOfMonth();
        }

        public String label() {
            return DAY.format(date) + " : " + state.label();
        }

        public String css() {
            return state.css();
        }

        public String stateLabel() {
            return state.label();
        }
    }

    record Month(String name, String id, List<List<Day>> weeks) {}

    /** The twelve months from {@code today}'s, for an exhibition of {@code copies} copies taken by {@code occupations}. */
    static AvailabilityCalendar of(int copies, Collection<Occupation> occupations, LocalDate today) {
        List<Month> months = new ArrayList<>();
        YearMonth month = YearMonth.from(today);
        for (int i = 0; i < MONTHS; i++, month = month.plusMonths(1)) {
            List<List<Day>> weeks = new ArrayList<>();
            List<Day> week = new ArrayList<>();
            for (int pad = 1; pad < month.atDay(1).getDayOfWeek().getValue(); pad++) {
                week.add(null);
            }
            for (int d = 1; d <= month.lengthOfMonth(); d++) {
                LocalDate date = month.atDay(d);
                week.add(new Day(date, LoanRules.state(date, copies, occupations, today)));
                if (date.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    weeks.add(week);
                    week = new ArrayList<>();
                }
            }
            if (!week.isEmpty()) {
                while (week.size() < 7) {
                    week.add(null);
                }
                weeks.add(week);
            }
            String name = MONTH.format(month);
            months.add(new Month(Character.toUpperCase(name.charAt(0)) + name.substring(1), "mois-" + month, weeks));
        }
        return new AvailabilityCalendar(months);
    }

    /** The first period of the calendar, as a range to read the bookings of. */
    static LoanRules.Period span(LocalDate today) {
        YearMonth first = YearMonth.from(today);
        return new LoanRules.Period(first.atDay(1), first.plusMonths(MONTHS - 1).atEndOfMonth());
    }
}
