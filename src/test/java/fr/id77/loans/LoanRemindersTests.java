package fr.id77.loans;

import static org.assertj.core.api.Assertions.assertThat;

import fr.id77.catalogue.Offers;
import fr.id77.requests.RequestStatus;
import fr.id77.requests.RequestWorkflow;
import fr.id77.support.RequestRows;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The reminders before pick-up and before return: to the collectivity and the chef de file, once each, loans only. */
@SpringBootTest
class LoanRemindersTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LoanBookings bookings;

    @Autowired
    LoanReminders reminders;

    @Autowired
    RequestWorkflow workflow;

    @Autowired
    Offers offers;

    private List<Long> told(int numero, String event) {
        return jdbc.sql("SELECT user_id FROM notification WHERE request_numero = ? AND event = ? ORDER BY user_id")
                .params(numero, event)
                .query(Long.class)
                .list();
    }

    @Test
    void aLoanIsRemindedOnceBeforeItsPickUpAndOnceBeforeItsReturn() {
        reminders.remindAll(); // what earlier tests left due
        LoanPeople p = LoanPeople.around(jdbc, "R21", 2);
        var offer = offers.publishedByCode("R21").orElseThrow();
        int loan = bookings.book(
                p.memberActor(),
                offer,
                bookings.today().plusDays(2),
                bookings.today().plusDays(10),
                p.commune().referentId(),
                null,
                null);
        int wish = bookings.book(
                p.memberActor(),
                offer,
                bookings.today().plusDays(1),
                bookings.today().plusDays(9),
                p.commune().referentId(),
                null,
                null);
        workflow.changeStatus(loan, RequestStatus.EN_COURS, null, RequestRows.version(jdbc, loan), p.chefActor());

        assertThat(reminders.remindAll()).isEqualTo(1);
        assertThat(told(loan, "RAPPEL_RETRAIT"))
                .containsExactlyInAnyOrder(p.member().id(), p.chef().id());
        assertThat(told(wish, "RAPPEL_RETRAIT")).isEmpty(); // only wished: nothing to pick up
        assertThat(jdbc.sql(
                                "SELECT title FROM notification WHERE request_numero = ? AND event = 'RAPPEL_RETRAIT' LIMIT 1")
                        .param(loan)
                        .query(String.class)
                        .single())
                .startsWith("Rappel : retrait de l'exposition le ");
        assertThat(reminders.remindAll()).isZero(); // once

        // its return comes close: reminded once too
        jdbc.sql(
                        "UPDATE loan_booking SET starts_on = current_date - 5, ends_on = current_date + 3 WHERE request_numero = :n")
                .param("n", loan)
                .update();
        assertThat(reminders.remindAll()).isEqualTo(1);
        assertThat(told(loan, "RAPPEL_RETOUR"))
                .containsExactlyInAnyOrder(p.member().id(), p.chef().id());
        assertThat(reminders.remindAll()).isZero();
    }
}
