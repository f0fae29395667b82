package fr.id77.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import fr.id77.account.CurrentUser;
import fr.id77.requests.Actor;
import fr.id77.requests.RequestWorkflow;
import fr.id77.shared.mail.TestOutbox;
import fr.id77.support.Fixtures;
import fr.id77.support.MailServerTest;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The mail server is down while 100 requests are filed: the chef de file sees the 100 notifications in
 * the application at once, and receives the 100 mails once the server is back, each exactly once.
 */
class NotificationOutageTests extends MailServerTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RequestWorkflow workflow;

    @Test
    void aHundredEventsDuringAMailServerOutageAreAllMailedOnceWhenItIsBack() {
        Fixtures f = new Fixtures(jdbc);
        Fixtures.Collectivity commune = f.collectivity("Commune de Panneville", "Nangis");
        CurrentUser member = f.adherent(commune, "Anne");
        CurrentUser chef = f.chefDeFile("Paul");
        long offerId = f.lead("O69", chef);
        String chefMail = chef.identifiant() + "@test.example";
        sendMails(); // what other tests left waiting

        stopMailServer();
        List<Integer> numeros = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            numeros.add(workflow.file(
                    Actor.adherent(member.id(), commune.id()),
                    offerId,
                    chef.id(),
                    commune.referentId(),
                    "Demande " + i,
                    List.of()));
            if (i % 10 == 0) {
                assertThat(TestOutbox.sendDue(context)).as("the server is down").isZero();
            }
        }
        assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE user_id = ? AND event = 'NOUVELLE_DEMANDE'")
                        .param(chef.id())
                        .query(Long.class)
                        .single())
                .as("in the application at once")
                .isEqualTo(100);
        assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient = ? AND status = 'PENDING'")
                        .param(chefMail)
                        .query(Long.class)
                        .single())
                .as("every mail kept for later")
                .isEqualTo(100);

        startMailServer();
        // the waits between tries are over (the test does not wait for them)
        jdbc.sql("UPDATE mail_outbox SET next_attempt_at = now() WHERE recipient = ? AND status = 'PENDING'")
                .param(chefMail)
                .update();
        sendMails();
        sendMails();

        Map<String, Long> bySubject = mailsTo(chefMail).stream()
                .collect(Collectors.groupingBy(MailServerTest::subject, Collectors.counting()));
        Map<String, Long> expected = numeros.stream()
                .map(n -> "ID77 – Nouvelle demande N°" + n)
                .collect(Collectors.toMap(Function.identity(), s -> 1L));
        assertThat(bySubject).isEqualTo(expected);
        assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient = ? AND status = 'SENT'")
                        .param(chefMail)
                        .query(Long.class)
                        .single())
                .isEqualTo(100);
        List<MimeMessage> all = mailsTo(chefMail);
        assertThat(all).hasSize(100);
    }
}
