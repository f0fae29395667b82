package fr.id77.loans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.id77.loans.LoanRules.DayState;
import fr.id77.loans.LoanRules.Occupation;
import fr.id77.loans.LoanRules.Period;
import fr.id77.loans.LoanRules.Settings;
import fr.id77.shared.web.FieldRefusal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of a loan: lengths and dates refused next to their field, what a loan holds, free copies, next free periods. */
class LoanRulesTests {

    static final LocalDate TODAY = LocalDate.of(2027, 3, 1);
    static final Settings SETTINGS = new Settings(7, 42, 3);

    static Period period(int fromDay, int toDay) {
        return new Period(TODAY.plusDays(fromDay), TODAY.plusDays(toDay));
    }

    static Occupation loan(long copy, Period period, int buffer) {
        return new Occupation(copy * 100 + period.start().getDayOfYear(), copy, period.held(buffer), true);
    }

    static Occupation wish(Long copy, Period period, int buffer) {
        return new Occupation(-period.start().getDayOfYear(), copy, period.held(buffer), false);
    }

    private static FieldRefusal refusal(LocalDate start, LocalDate end) {
        try {
            LoanRules.wished(start, end, SETTINGS, TODAY);
        } catch (FieldRefusal e) {
            return e;
        }
        throw new AssertionError("période acceptée : " + start + " – " + end);
    }

    @Test
    void aWishedPeriodIsRefusedNextToTheFieldAtFault() {
        assertThat(refusal(null, TODAY.plusDays(10)).field()).isEqualTo("debut");
        assertThat(refusal(TODAY, null).field()).isEqualTo("fin");
        FieldRefusal past = refusal(TODAY.minusDays(1), TODAY.plusDays(10));
        assertThat(past.field()).isEqualTo("debut");
        assertThat(past.getMessage()).contains("passée");
        FieldRefusal reversed = refusal(TODAY.plusDays(10), TODAY.plusDays(9));
        assertThat(reversed.field()).isEqualTo("fin");
        assertThat(reversed.getMessage()).contains("suivre");
        FieldRefusal tooShort = refusal(TODAY, TODAY.plusDays(5)); // 6 days
        assertThat(tooShort.field()).isEqualTo("fin");
        assertThat(tooShort.getMessage()).contains("au moins 7 jours (ici 6)");
        FieldRefusal tooLong = refusal(TODAY, TODAY.plusDays(42)); // 43 days
        assertThat(tooLong.getMessage()).contains("au plus 42 jours (ici 43)");
        assertThat(refusal(TODAY.plusMonths(25), TODAY.plusMonths(25).plusDays(10))
                        .getMessage())
                .contains("24 mois");
    }

    @Test
    void theShortestAndLongestLoansStartingTodayAreAccepted() {
        assertThat(LoanRules.wished(TODAY, TODAY.plusDays(6), SETTINGS, TODAY).days())
                .isEqualTo(7);
        assertThat(LoanRules.wished(TODAY, TODAY.plusDays(41), SETTINGS, TODAY).days())
                .isEqualTo(42);
    }

    @Test
    void aLoanHoldsItsTransportDaysBeforeAndAfter() {
        Period loan = period(10, 20);
        assertThat(loan.held(3)).isEqualTo(period(7, 23));
        assertThat(loan.overlaps(period(20, 30))).isTrue();
        assertThat(loan.overlaps(period(21, 30))).isFalse();
        assertThat(loan.overlaps(period(0, 10))).isTrue();
        assertThat(loan.overlaps(period(0, 9))).isFalse();
        assertThat(loan.label()).isEqualTo("du 11/03/2027 au 21/03/2027");
    }

    @Test
    void aCopyIsFreeWhenNoLoanOfItOverlapsWithTheTransportDaysOfBoth() {
        List<Occupation> taken = List.of(loan(1, period(10, 20), 3)); // holds days 7 to 23
        // a loan from day 27 holds from day 24: free; from day 26, it would hold day 23
        assertThat(LoanRules.freeCopies(List.of(1L), taken, period(27, 35), 3)).containsExactly(1L);
        assertThat(LoanRules.freeCopies(List.of(1L), taken, period(26, 35), 3)).isEmpty();
        // before it: until day 3 (holds until day 6)
        assertThat(LoanRules.freeCopies(List.of(1L), taken, period(0, 3), 3)).containsExactly(1L);
        assertThat(LoanRules.freeCopies(List.of(1L), taken, period(0, 4), 3)).isEmpty();
        // a second copy is free whatever the first one does
        assertThat(LoanRules.freeCopies(List.of(1L, 2L), taken, period(12, 18), 3))
                .containsExactly(2L);
    }

    @Test
    void aWishWithoutCopyTakesOneOfTheCopiesLeft() {
        List<Occupation> taken = List.of(wish(null, period(10, 20), 3));
        assertThat(LoanRules.freeCopies(List.of(1L), taken, period(12, 18), 3)).isEmpty();
        assertThat(LoanRules.freeCopies(List.of(1L, 2L), taken, period(12, 18), 3))
                .hasSize(1);
        assertThat(LoanRules.freeCopies(List.of(1L, 2L), taken, period(30, 40), 3))
                .containsExactly(1L, 2L);
    }

    @Test
    void theNextFreePeriodsHaveTheSameLengthAndFollowEachOther() {
        List<Occupation> taken = List.of(loan(1, period(10, 20), 3), loan(1, period(40, 50), 3));
        List<Period> free = LoanRules.nextFree(List.of(1L), taken, period(12, 18), 3, TODAY);
        // 7 days: the first free start is day 27 (holds from 24), then 34 (27-33 then 34-40 holds 31-43: taken)
        assertThat(free).first().isEqualTo(period(27, 33));
        assertThat(free).hasSize(3).allSatisfy(p -> assertThat(p.days()).isEqualTo(7));
        for (int i = 1; i < free.size(); i++) {
            assertThat(free.get(i).start()).isAfter(free.get(i - 1).end());
        }
        free.forEach(
                p -> assertThat(LoanRules.freeCopies(List.of(1L), taken, p, 3)).isNotEmpty());
        assertThat(free.get(1).start()).isAfterOrEqualTo(TODAY.plusDays(57)); // after the second loan and its transport
        assertThat(LoanRules.proposals(free)).startsWith("Prochaines périodes libres de la même durée : du 28/03/2027");
        assertThat(LoanRules.proposals(List.of())).contains("Aucune période");
    }

    @Test
    void aPastWishLooksForFreePeriodsFromToday() {
        List<Period> free = LoanRules.nextFree(List.of(1L), List.of(), new Period(TODAY.minusDays(5), TODAY), 0, TODAY);
        assertThat(free.getFirst()).isEqualTo(new Period(TODAY, TODAY.plusDays(5)));
    }

    @Test
    void aDayIsReservedWhenLoansHoldEveryCopyAndAskedWhenWishesTakeTheRest() {
        List<Occupation> taken = List.of(loan(1, period(10, 20), 0), wish(null, period(15, 25), 0));
        assertThat(LoanRules.state(TODAY.plusDays(12), 2, taken, TODAY)).isEqualTo(DayState.LIBRE);
        assertThat(LoanRules.state(TODAY.plusDays(16), 2, taken, TODAY)).isEqualTo(DayState.DEMANDE);
        assertThat(LoanRules.state(TODAY.plusDays(12), 1, taken, TODAY)).isEqualTo(DayState.RESERVE);
        assertThat(LoanRules.state(TODAY.plusDays(22), 1, taken, TODAY)).isEqualTo(DayState.DEMANDE);
        assertThat(LoanRules.state(TODAY.plusDays(30), 1, taken, TODAY)).isEqualTo(DayState.LIBRE);
        assertThat(LoanRules.state(TODAY.minusDays(1), 1, taken, TODAY)).isEqualTo(DayState.PASSE);
    }

    @Test
    void theCalendarSaysEachDayInWords() {
        AvailabilityCalendar calendar =
                AvailabilityCalendar.of(1, List.of(loan(1, period(2, 4), 0)), TODAY.plusDays(1));
        assertThat(calendar.months()).hasSize(12);
        AvailabilityCalendar.Month march = calendar.months().getFirst();
        assertThat(march.name()).isEqualTo("Mars 2027");
        // 1 March 2027 is a Monday: no padding, and every week has seven cells
        assertThat(march.weeks().getFirst().getFirst().label()).isEqualTo("lundi 1 mars 2027 : passé");
        assertThat(march.weeks()).allSatisfy(w -> assertThat(w).hasSize(7));
        assertThat(march.weeks().getFirst().get(3).label()).isEqualTo("jeudi 4 mars 2027 : réservé");
        assertThat(march.weeks().getFirst().get(5).label()).isEqualTo("samedi 6 mars 2027 : libre");
        assertThat(calendar.months().get(1).weeks().getFirst().getFirst()).isNull(); // April starts on a Thursday
    }

    @Test
    void aPeriodEndingBeforeItStartsDoesNotExist() {
        assertThatThrownBy(() -> period(5, 4)).isInstanceOf(IllegalArgumentException.class);
    }
}
