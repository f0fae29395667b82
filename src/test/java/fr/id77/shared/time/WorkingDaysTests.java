package fr.id77.shared.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Working days: weekends and the eleven French public holidays, the Easter-based ones computed for any year. */
class WorkingDaysTests {

    @ParameterizedTest
    @CsvSource({
        "2024, 2024-03-31",
        "2025, 2025-04-20",
        "2026, 2026-04-05",
        "2027, 2027-03-28",
        "2008, 2008-03-23",
        "2038, 2038-04-25",
        "2000, 2000-04-23",
        "2019, 2019-04-21"
    })
    void easterSundayIsComputedForEachYear(int year, LocalDate easter) {
        assertThat(WorkingDays.easterSunday(year)).isEqualTo(easter);
    }

    @ParameterizedTest
    @CsvSource({
        "2026-01-01", "2026-04-06", "2026-05-01", "2026-05-08", "2026-05-14", "2026-05-25", "2026-07-14",
        "2026-08-15", "2026-11-01", "2026-11-11", "2026-12-25", "2025-04-21", "2025-05-29", "2025-06-09"
    })
    void publicHolidaysAreNotWorked(LocalDate holiday) {
        assertThat(WorkingDays.isPublicHoliday(holiday)).isTrue();
        assertThat(WorkingDays.isWorkingDay(holiday)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"2026-04-07", "2026-05-13", "2026-05-26", "2026-07-13", "2026-12-24", "2026-11-10", "2026-04-03"})
    void ordinaryWeekdaysAreWorked(LocalDate day) {
        assertThat(WorkingDays.isPublicHoliday(day)).isFalse();
        assertThat(WorkingDays.isWorkingDay(day)).isTrue();
    }

    @Test
    void weekendsAreNotWorked() {
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2026, 12, 5))).isFalse();
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2026, 12, 6))).isFalse();
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2026, 12, 7))).isTrue();
    }

    @Test
    void ascensionOnTheFirstOfMayIsOneHolidayNotTwo() {
        assertThat(WorkingDays.easterSunday(2008).plusDays(39)).isEqualTo(LocalDate.of(2008, 5, 1));
        assertThat(WorkingDays.holidaysOf(2008)).hasSize(10);
        assertThat(WorkingDays.holidaysOf(2026)).hasSize(11);
        // Wednesday 30 April 2008 to Friday 2 May 2008: only the Friday is worked
        assertThat(WorkingDays.between(LocalDate.of(2008, 4, 30), LocalDate.of(2008, 5, 2)))
                .isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource({
        // same day, backwards, Friday to Monday
        "2026-12-04, 2026-12-04, 0",
        "2026-12-07, 2026-12-04, 0",
        "2026-12-04, 2026-12-07, 1",
        // Easter 2026: Thursday 2 April to Tuesday 7 April skips the weekend and Easter Monday
        "2026-04-02, 2026-04-07, 2",
        // Ascension and Whit Monday 2026: 13 May (Wed) to 26 May (Tue)
        "2026-05-13, 2026-05-26, 7",
        // 14 July 2026 is a Tuesday; 15 August a Saturday (nothing more taken off)
        "2026-07-10, 2026-07-17, 4",
        "2026-08-14, 2026-08-17, 1",
        // 1 and 11 November 2027 are Monday and Thursday
        "2027-10-29, 2027-11-12, 8",
        // Christmas and New Year across the turn of the year, 2026 to 2027 (Friday 25 Dec, Friday 1 Jan)
        "2026-12-23, 2027-01-04, 6",
        // a whole year: 2026 has 261 weekdays, 9 of its holidays on weekdays (15 August and 1 November on weekends)
        "2025-12-31, 2026-12-31, 252"
    })
    void countsWorkingDaysAfterTheFirstUpToTheSecond(LocalDate from, LocalDate to, long expected) {
        assertThat(WorkingDays.between(from, to)).isEqualTo(expected);
    }

    @Test
    void theArithmeticCountAgreesWithCountingDayByDayOverTenYears() {
        LocalDate start = LocalDate.of(2020, 1, 1);
        for (int offset = 0; offset < 3650; offset += 13) {
            LocalDate from = start.plusDays(offset);
            for (int span : new int[] {0, 1, 2, 6, 7, 8, 31, 200, 800}) {
                LocalDate to = from.plusDays(span);
                assertThat(WorkingDays.between(from, to))
                        .as("%s → %s", from, to)
                        .isEqualTo(dayByDay(from, to));
            }
        }
    }

    @Test
    void addingWorkingDaysLandsOnAWorkingDayAndIsTheInverseOfCounting() {
        // Thursday 2 April 2026 + 2 working days: Friday 3, (weekend, Easter Monday), Tuesday 7
        assertThat(WorkingDays.plus(LocalDate.of(2026, 4, 2), 2)).isEqualTo(LocalDate.of(2026, 4, 7));
        assertThat(WorkingDays.plus(LocalDate.of(2026, 4, 2), 0)).isEqualTo(LocalDate.of(2026, 4, 2));
        LocalDate from = LocalDate.of(2026, 12, 18);
        for (int n = 1; n <= 40; n++) {
            LocalDate due = WorkingDays.plus(from, n);
            assertThat(WorkingDays.isWorkingDay(due)).isTrue();
            assertThat(WorkingDays.between(from, due)).isEqualTo(n);
            assertThat(due.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        }
        assertThatThrownBy(() -> WorkingDays.plus(from, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static long dayByDay(LocalDate from, LocalDate to) {
        long count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (WorkingDays.isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }
}
