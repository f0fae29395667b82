package fr.id77.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * A request's deadlines in working days: weekends and French public holidays skipped (1 May, 8 May, Ascension…), the
 * clock stopped while « Compléments demandés », and the deadline running in each status; plain JUnit.
 */
class RequestDeadlinesTests {

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void aTargetSkipsWeekends() {
        // filed on Friday 6 March 2026: ten working days is Friday 20 March, one is Monday 9 March
        assertThat(RequestDeadlines.due(day("2026-03-06"), 10)).isEqualTo(day("2026-03-20"));
        assertThat(RequestDeadlines.due(day("2026-03-06"), 1)).isEqualTo(day("2026-03-09"));
        // filed on a Sunday: the Monday is the first working day
        assertThat(RequestDeadlines.due(day("2026-03-08"), 1)).isEqualTo(day("2026-03-09"));
        assertThat(RequestDeadlines.due(day("2026-03-06"), null)).isNull();
    }

    @Test
    void aTargetSkipsPublicHolidays() {
        // Friday 1 May 2026 (Fête du travail): filed on Thursday 30 April, one day is Monday 4 May
        assertThat(RequestDeadlines.due(day("2026-04-30"), 1)).isEqualTo(day("2026-05-04"));
        // Friday 8 May 2026 (Victoire 1945): Thursday 7, then Monday 11 and Tuesday 12
        assertThat(RequestDeadlines.due(day("2026-05-06"), 3)).isEqualTo(day("2026-05-12"));
        // Ascension, Thursday 14 May 2026 (Easter 5 April + 39 days): filed on Wednesday 13, due Friday 15
        assertThat(RequestDeadlines.due(day("2026-05-13"), 1)).isEqualTo(day("2026-05-15"));
        // Ascension 2027 is Thursday 6 May (Easter 28 March): from Tuesday 4 May 2027, Wednesday 5 then Friday 7
        assertThat(RequestDeadlines.due(day("2027-05-04"), 2)).isEqualTo(day("2027-05-07"));
        // Whit Monday 25 May 2026; Christmas (Friday 25 December 2026) from Thursday 24: Monday 28, Tuesday 29
        assertThat(RequestDeadlines.due(day("2026-05-22"), 1)).isEqualTo(day("2026-05-26"));
        assertThat(RequestDeadlines.due(day("2026-12-24"), 2)).isEqualTo(day("2026-12-29"));
    }

    @Test
    void aTargetSkipsEveryOtherPublicHolidayOfTheYear() {
        // Easter Monday 6 April 2026: filed on Friday 3 April, one day is Tuesday 7
        assertThat(RequestDeadlines.due(day("2026-04-03"), 1)).isEqualTo(day("2026-04-07"));
        // 14 July 2026 is a Tuesday: filed on Monday 13, one day is Wednesday 15
        assertThat(RequestDeadlines.due(day("2026-07-13"), 1)).isEqualTo(day("2026-07-15"));
        // 15 August 2025 is a Friday: filed on Thursday 14, one day is Monday 18
        assertThat(RequestDeadlines.due(day("2025-08-14"), 1)).isEqualTo(day("2025-08-18"));
        // 1 November 2027 (Toussaint) is a Monday: filed on Friday 29 October, one day is Tuesday 2 November
        assertThat(RequestDeadlines.due(day("2027-10-29"), 1)).isEqualTo(day("2027-11-02"));
        // 11 November 2026 (Armistice) is a Wednesday: filed on Tuesday 10, one day is Thursday 12
        assertThat(RequestDeadlines.due(day("2026-11-10"), 1)).isEqualTo(day("2026-11-12"));
        // and the lateness counts none of them: due on Monday 13 July 2026, on Thursday 16 it is two days late
        assertThat(RequestDeadlines.lateBy(day("2026-07-13"), day("2026-07-16")))
                .isEqualTo(2);
    }

    @Test
    void theWorkingDaysSpentWaitingForComplementsMoveTheDeadline() {
        LocalDate due = day("2026-03-20");
        // asked on Monday 9 March, answered on Wednesday 11: two working days (Tuesday, Wednesday) added
        assertThat(RequestDeadlines.resumed(due, day("2026-03-09"), day("2026-03-11")))
                .isEqualTo(day("2026-03-24"));
        // asked on Friday 13, answered on Monday 16: the weekend does not count
        assertThat(RequestDeadlines.resumed(due, day("2026-03-13"), day("2026-03-16")))
                .isEqualTo(day("2026-03-23"));
        // asked on Thursday 30 April, answered on Monday 4 May: 1 May does not count
        assertThat(RequestDeadlines.resumed(due, day("2026-04-30"), day("2026-05-04")))
                .isEqualTo(day("2026-03-23"));
        // asked and answered the same day: nothing
        assertThat(RequestDeadlines.resumed(due, day("2026-03-10"), day("2026-03-10")))
                .isEqualTo(due);
        assertThat(RequestDeadlines.resumed(null, day("2026-03-10"), day("2026-03-12")))
                .isNull();
    }

    @Test
    void lateFromTheNextWorkingDayCountedInWorkingDays() {
        LocalDate due = day("2026-03-20"); // a Friday
        assertThat(RequestDeadlines.lateBy(due, day("2026-03-19"))).isZero();
        assertThat(RequestDeadlines.lateBy(due, day("2026-03-20"))).isZero();
        assertThat(RequestDeadlines.lateBy(due, day("2026-03-21"))).isZero(); // Saturday
        assertThat(RequestDeadlines.lateBy(due, day("2026-03-23"))).isEqualTo(1);
        assertThat(RequestDeadlines.lateBy(due, day("2026-03-27"))).isEqualTo(5);
        assertThat(RequestDeadlines.lateBy(null, day("2026-03-27"))).isZero();
    }

    @Test
    void aRequestsRunningDeadlineFollowsItsStatusAndStopsDuringComplements() {
        // filed on Monday 2 March 2026 (10:00 in Paris), answer within 10 working days, completion within 30
        Instant filed = Instant.parse("2026-03-02T09:00:00Z");
        Request request = new Request(100, 10, null, 1, 6L, filed, 10, 30);
        assertThat(request.getAnswerDue()).isEqualTo(day("2026-03-16"));
        assertThat(request.getCompletionDue()).isEqualTo(day("2026-04-14")); // Easter Monday 6 April skipped
        assertThat(request.getDueOn()).isEqualTo(request.getAnswerDue());

        // compléments asked on Wednesday 4 March, late in the evening in Paris (still the 4th), transmitted Friday 6
        request.moveTo(
                RequestStatus.COMPLEMENTS, RequestRulesTests.ADMIN, "le plan", Instant.parse("2026-03-04T22:30:00Z"));
        assertThat(request.getDueOn()).as("clock stopped").isNull();
        request.transmitComplements(RequestRulesTests.MEMBER, "le voici", Instant.parse("2026-03-06T10:00:00Z"));
        assertThat(request.getAnswerDue()).isEqualTo(day("2026-03-18"));
        assertThat(request.getCompletionDue()).isEqualTo(day("2026-04-16"));
        assertThat(request.getDueOn()).isEqualTo(day("2026-03-18"));

        request.moveTo(RequestStatus.EN_COURS, RequestRulesTests.ADMIN, null, Instant.parse("2026-03-10T10:00:00Z"));
        assertThat(request.getDueOn()).as("answered: the completion runs").isEqualTo(day("2026-04-16"));
        request.moveTo(RequestStatus.TERMINEE, RequestRulesTests.ADMIN, null, Instant.parse("2026-03-20T10:00:00Z"));
        assertThat(request.getDueOn()).as("nothing due once completed").isNull();
    }

    @Test
    void withoutACompletionTargetNothingRunsOnceAccepted() {
        Request request = new Request(100, 10, null, 1, 6L, Instant.parse("2026-03-02T09:00:00Z"), 5, null);
        assertThat(request.getDueOn()).isEqualTo(day("2026-03-09"));
        request.moveTo(RequestStatus.EN_COURS, RequestRulesTests.ADMIN, null, Instant.parse("2026-03-03T09:00:00Z"));
        assertThat(request.getDueOn()).isNull();
    }
}
