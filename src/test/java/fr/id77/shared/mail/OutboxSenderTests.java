package fr.id77.shared.mail;

import static fr.id77.account.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.id77.support.Fixtures;
import fr.id77.support.MailServerTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The outbox against a real SMTP server (GreenMail) that goes down and comes back: nothing is lost,
 * nothing is sent twice, two instances never send the same mail, a crash mid-send is recovered, a
 * mail that failed every try is shown to admins, who send it again.
 */
class OutboxSenderTests extends MailServerTest {

    @Autowired
    MailOutbox outbox;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    private final String run = "r" + System.nanoTime() % 1_000_000_000;

    private String address(String what, int n) {
        return what + n + "-" + run + "@outbox.test";
    }

    private void enqueue(String to) {
        outbox.enqueue(
                to,
                "Essai pour " + to,
                "adhesion-refusee",
                Map.of("name", "Anne", "collectivity", "Commune d'essai", "reason", "essai"));
    }

    private List<String> statuses(String like) {
        return jdbc.sql("SELECT status FROM mail_outbox WHERE recipient LIKE ? ORDER BY id")
                .param(like)
                .query(String.class)
                .list();
    }

    /** Plays the waits out: the mails of this test become due now. */
    private void waitsAreOver(String like) {
        jdbc.sql("UPDATE mail_outbox SET next_attempt_at = now() WHERE recipient LIKE ? AND status = 'PENDING'")
                .param(like)
                .update();
    }

    @Test
    void aMailServerOutageLosesNothingAndEachMailLeavesOnceWhenItIsBack() {
        sendMails(); // what other tests left waiting
        stopMailServer();
        List<String> recipients =
                IntStream.range(0, 100).mapToObj(n -> address("panne", n)).toList();
        recipients.forEach(this::enqueue);
        for (int pass = 0; pass < 5; pass++) {
            assertThat(TestOutbox.sendDue(context)).isZero();
        }
        String mine = "panne%-" + run + "@outbox.test";
        assertThat(statuses(mine)).hasSize(100).containsOnly("PENDING");
        // the pass stopped at the first unreachable-server failure instead of spending a try of every mail
        assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient LIKE ? AND attempts > 0")
                        .param(mine)
                        .query(Long.class)
                        .single())
                .isBetween(1L, 5L);
        assertThat(jdbc.sql("SELECT bool_and(next_attempt_at > now() + interval '50 seconds') FROM mail_outbox "
                                + "WHERE recipient LIKE ? AND attempts > 0")
                        .param(mine)
                        .query(Boolean.class)
                        .single())
                .isTrue();

        startMailServer();
        waitsAreOver(mine);
        sendMails();
        sendMails();
        for (String to : recipients) {
            assertThat(mailsTo(to)).as(to).hasSize(1);
        }
        assertThat(statuses(mine)).hasSize(100).containsOnly("SENT");
        waitsAreOver(mine);
        assertThat(sendMails()).as("nothing left to send").isZero();
        assertThat(mailsTo(recipients.getFirst())).hasSize(1);
    }

    @Test
    void twoInstancesRunningTheSenderAtOnceSendEachMailOnce() throws Exception {
        List<String> recipients =
                IntStream.range(0, 60).mapToObj(n -> address("deux", n)).toList();
        recipients.forEach(this::enqueue);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> passes = new ArrayList<>();
            for (int instance = 0; instance < 2; instance++) {
                passes.add(pool.submit(() -> {
                    start.await();
                    int sent = 0;
                    for (int i = 0; i < 10; i++) {
                        sent += TestOutbox.sendDue(context);
                    }
                    return sent;
                }));
            }
            start.countDown();
            for (Future<Integer> pass : passes) {
                pass.get();
            }
        } finally {
            pool.shutdown();
        }
        sendMails();
        for (String to : recipients) {
            assertThat(mailsTo(to)).as(to).hasSize(1);
        }
    }

    @Test
    void aMailLeftBeingSentByACrashIsSentAtTheNextPass() {
        String to = address("crash", 1);
        enqueue(to);
        jdbc.sql("UPDATE mail_outbox SET status = 'SENDING', claimed_at = now() WHERE recipient = ?")
                .param(to)
                .update();
        sendMails();
        assertThat(mailsTo(to)).hasSize(1);
        assertThat(jdbc.sql("SELECT status || ' ' || attempts FROM mail_outbox WHERE recipient = ?")
                        .param(to)
                        .query(String.class)
                        .single())
                .as("the interrupted send counts as a try")
                .isEqualTo("SENT 2");
    }

    @Test
    void afterTheLastTryTheMailIsFailedAndAnAdminSeesAndResendsIt() throws Exception {
        sendMails(); // what other tests left waiting
        String to = address("echec", 1);
        enqueue(to);
        jdbc.sql("UPDATE mail_outbox SET attempts = ? WHERE recipient = ?")
                .params(OutboxSender.MAX_ATTEMPTS - 1, to)
                .update();
        long id = jdbc.sql("SELECT id FROM mail_outbox WHERE recipient = ?")
                .param(to)
                .query(Long.class)
                .single();
        stopMailServer();
        for (int pass = 0; pass < 200 && statuses(to).contains("PENDING"); pass++) {
            waitsAreOver(to);
            TestOutbox.sendDue(context);
        }
        assertThat(statuses(to)).containsExactly("FAILED");

        String waiting = address("attente", 1);
        enqueue(waiting);
        jdbc.sql("UPDATE mail_outbox SET attempts = 2, last_error = 'Connexion refusée' WHERE recipient = ?")
                .param(waiting)
                .update();
        var admin = new Fixtures(jdbc).admin("Claire");
        mvc.perform(get("/admin").with(as(admin)))
                .andExpect(content().string(containsString("href=\"/admin/courriels\"")));
        mvc.perform(get("/admin/courriels").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(to)))
                .andExpect(content().string(containsString("En échec après 8 essais")))
                .andExpect(content().string(containsString(waiting)))
                .andExpect(content().string(containsString("2 essais sur 8 ; prochain le ")))
                .andExpect(content().string(containsString("Dernière erreur : Connexion refusée")))
                .andExpect(content().string(containsString("Renvoyer maintenant")));
        mvc.perform(post("/admin/courriels/" + id + "/renvoi").with(as(admin))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/courriels/" + id + "/renvoi")
                        .with(csrf())
                        .with(as(new Fixtures(jdbc).chefDeFile("Paul"))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/courriels/" + id + "/renvoi").with(csrf()).with(as(admin)))
                .andExpect(redirectedUrl("/admin/courriels"));
        assertThat(jdbc.sql("SELECT status || ' ' || attempts FROM mail_outbox WHERE id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("PENDING 0");

        startMailServer();
        sendMails();
        assertThat(mailsTo(to)).hasSize(1);
        assertThat(statuses(to)).containsExactly("SENT");
    }

    @Test
    void theWaitBetweenTriesGrowsUpToTwoHours() {
        assertThat(IntStream.rangeClosed(1, 9)
                        .mapToObj(OutboxSender::backoff)
                        .map(Duration::toMinutes)
                        .toList())
                .containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 64L, 120L, 120L);
    }
}
