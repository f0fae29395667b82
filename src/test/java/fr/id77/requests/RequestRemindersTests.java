package fr.id77.requests;

import static org.assertj.core.api.Assertions.assertThat;

import fr.id77.shared.time.TimeConfiguration;
import fr.id77.support.RequestRows;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The daily reminders: the handlers of a request past its deadline, the collectivity of compléments awaited for more
 * than ten working days; once a week at most per request, once even when runs race; nothing for requests on time.
 */
@SpringBootTest
class RequestRemindersTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RequestWorkflow workflow;

    @Autowired
    RequestReminders reminders;

    TestActors people;

    @BeforeEach
    void people() {
        people = TestActors.leading(jdbc, "O36");
        reminders.remindAll(); // what earlier tests left due
    }

    private long version(int numero) {
        return RequestRows.version(jdbc, numero);
    }

    private void sql(String statement, Object... params) {
        jdbc.sql(statement).params(params).update();
    }

    /** Who was reminded of this request, by event. */
    private List<Long> told(int numero, String event) {
        return jdbc.sql("SELECT user_id FROM notification WHERE request_numero = ? AND event = ? ORDER BY user_id")
                .params(numero, event)
                .query(Long.class)
                .list();
    }

    private LocalDate today() {
        return LocalDate.now(TimeConfiguration.PARIS);
    }

    @Test
    void aLateRequestRemindsItsHandlersOnceAWeek() {
        int late = people.file(workflow);
        int onTime = people.file(workflow);
        sql("UPDATE request SET due_on = ? WHERE numero = ?", today().minusDays(20), late);

        assertThat(reminders.remindAll()).isEqualTo(1);
        assertThat(told(late, "RELANCE_RETARD")).containsExactly(people.chef().userId());
        assertThat(told(late, "RELANCE_RETARD")).doesNotContain(people.member().userId());
        assertThat(jdbc.sql("SELECT title FROM notification WHERE request_numero = ? AND event = 'RELANCE_RETARD'")
                        .param(late)
                        .query(String.class)
                        .single())
                .startsWith("Relance : demande N°" + late + " en retard de ");
        assertThat(jdbc.sql("SELECT body FROM notification WHERE request_numero = ? AND event = 'RELANCE_RETARD'")
                        .param(late)
                        .query(String.class)
                        .single())
                .contains("devait avoir une réponse au plus tard le");
        assertThat(told(onTime, "RELANCE_RETARD")).isEmpty();

        assertThat(reminders.remindAll()).as("not twice in a week").isZero();
        sql(
                "UPDATE request SET reminded_at = ? WHERE numero = ?",
                Timestamp.from(Instant.now().minus(RequestReminders.EVERY).minusSeconds(60)),
                late);
        assertThat(reminders.remindAll()).as("a week later, again").isEqualTo(1);
        assertThat(told(late, "RELANCE_RETARD")).hasSize(2);

        // answered: no more reminders of the answer
        workflow.changeStatus(late, RequestStatus.REJETEE, "Hors champ", version(late), people.chef());
        sql("UPDATE request SET reminded_at = NULL WHERE numero = ?", late);
        assertThat(reminders.remindAll()).isZero();
    }

    @Test
    void complementsAwaitedForMoreThanTenWorkingDaysRemindTheCollectivity() {
        int old = people.file(workflow);
        int recent = people.file(workflow);
        for (int numero : List.of(old, recent)) {
            workflow.changeStatus(
                    numero, RequestStatus.COMPLEMENTS, "Le plan cadastral", version(numero), people.chef());
        }
        sql(
                "UPDATE request SET complements_since = ? WHERE numero = ?",
                Timestamp.from(RequestActivity.filedBefore(RequestReminders.COMPLEMENTS_WORKING_DAYS, today())
                        .minus(Duration.ofDays(1))),
                old);
        sql(
                "UPDATE request SET complements_since = ? WHERE numero = ?",
                Timestamp.from(RequestActivity.filedBefore(RequestReminders.COMPLEMENTS_WORKING_DAYS, today())),
                recent);

        assertThat(reminders.remindAll()).isEqualTo(1);
        assertThat(told(old, "RELANCE_COMPLEMENTS"))
                .containsExactly(people.member().userId());
        assertThat(told(recent, "RELANCE_COMPLEMENTS"))
                .as("ten working days, not more: not yet")
                .isEmpty();
        assertThat(jdbc.sql("SELECT body FROM notification WHERE request_numero = ? AND event = 'RELANCE_COMPLEMENTS'")
                        .param(old)
                        .query(String.class)
                        .single())
                .contains("ID77 attend depuis le", "jours ouvrés", "répondez depuis la page de la demande");
    }

    @Test
    void complementsAreLateAfterTenWorkingDaysAcrossAPublicHoliday() {
        // Monday 16 November 2026 (Wednesday 11 November, Armistice, is a holiday): asked on Friday 30 October, ten
        // working days have passed (2 to 16 November); asked on Thursday 29 October or before, more than ten
        assertThat(RequestActivity.filedBefore(RequestReminders.COMPLEMENTS_WORKING_DAYS, LocalDate.of(2026, 11, 16)))
                .isEqualTo(LocalDate.of(2026, 10, 30)
                        .atStartOfDay(TimeConfiguration.PARIS)
                        .toInstant());
    }

    @Test
    void twoRunsAtOnceRemindEachRequestOnce() throws Exception {
        int late = people.file(workflow);
        sql("UPDATE request SET due_on = ? WHERE numero = ?", today().minusDays(30), late);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(reminders::remindAll);
            }
            int reminded = 0;
            for (Future<Integer> run : pool.invokeAll(runs)) {
                reminded += run.get();
            }
            assertThat(reminded).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
        assertThat(told(late, "RELANCE_RETARD")).hasSize(1);
    }
}
