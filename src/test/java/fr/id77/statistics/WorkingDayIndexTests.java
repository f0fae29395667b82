package fr.id77.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import fr.id77.shared.time.WorkingDays;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The constant-time count of working days agrees with {@link WorkingDays#between}, and the percentiles interpolate. */
class WorkingDayIndexTests {

    @Test
    void countsAsWorkingDaysDoesInsideAndOutsideItsSpan() {
        LocalDate first = LocalDate.of(2015, 1, 1);
        WorkingDayIndex index = new WorkingDayIndex(first, LocalDate.of(2026, 12, 31));
        Random random = new Random(77);
        for (int i = 0; i < 20_000; i++) {
            LocalDate from = first.plusDays(random.nextInt(4800) - 200);
            LocalDate to = from.plusDays(random.nextInt(400) - 20);
            assertThat(index.between(from, to)).as("%s → %s", from, to).isEqualTo(WorkingDays.between(from, to));
            assertThat(index.between((int) (from.toEpochDay() - first.toEpochDay()), (int)
                            (to.toEpochDay() - first.toEpochDay())))
                    .as("%s → %s en jours depuis le début", from, to)
                    .isEqualTo(WorkingDays.between(from, to));
        }
        // Thursday 30 April 2015 → Monday 4 May: 1 May (Friday) is a holiday, then the weekend
        assertThat(index.between(LocalDate.of(2015, 4, 30), LocalDate.of(2015, 5, 4)))
                .isEqualTo(1);
    }

    @Test
    void percentilesInterpolateBetweenTheClosestRanks() {
        int[] sorted = {2, 3, 5, 8};
        assertThat(ResponseTimes.Spread.percentile(sorted, 0.5)).isEqualTo(4.0);
        assertThat(ResponseTimes.Spread.percentile(sorted, 0.9))
                .isEqualTo(7.1, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(ResponseTimes.Spread.of(new int[] {9, 1, 4}, 3)).isEqualTo(new ResponseTimes.Spread(3, 4.0, 8.0));
        assertThat(ResponseTimes.Spread.of(new int[0], 0).median()).isNull();
    }
}
