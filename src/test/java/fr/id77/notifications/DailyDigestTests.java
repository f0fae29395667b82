package fr.id77.notifications;

import static fr.id77.account.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fr.id77.account.CurrentUser;
import fr.id77.requests.Actor;
import fr.id77.requests.RequestConversation;
import fr.id77.requests.RequestWorkflow;
import fr.id77.support.Fixtures;
import fr.id77.support.MailServerTest;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Staff who chose the daily digest for an event get no mail when it happens but one mail at 8:00 listing everything
 * since, grouped by request; sent once even when two runs race; members cannot choose it; the in-app notification is
 * unchanged.
 */
@AutoConfigureMockMvc
class DailyDigestTests extends MailServerTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RequestWorkflow workflow;

    @Autowired
    RequestConversation conversation;

    @Autowired
    DailyDigest digest;

    @Autowired
    MockMvc mvc;

    Fixtures.Collectivity commune;
    CurrentUser anne;
    CurrentUser chef;
    long offerId;

    @BeforeEach
    void people() {
        Fixtures f = new Fixtures(jdbc);
        commune = f.collectivity("Commune de Résuméville", "Melun");
        anne = f.adherent(commune, "Anne");
        chef = f.chefDeFile("Paul");
        offerId = f.lead("O36", chef);
        digest.sendAll(); // what earlier tests left waiting
        sendMails();
    }

    private int file() {
        return workflow.file(
                Actor.adherent(anne.id(), commune.id()), offerId, chef.id(), commune.referentId(), null, List.of());
    }

    private List<MimeMessage> digestsTo(CurrentUser user) {
        sendMails();
        return mailsTo(user.identifiant() + "@test.example").stream()
                .filter(m -> subject(m).startsWith("ID77 – Votre résumé quotidien"))
                .toList();
    }

    private List<MimeMessage> commentMailsTo(CurrentUser user, int n) {
        sendMails();
        return mailsTo(user.identifiant() + "@test.example").stream()
                .filter(m -> subject(m).equals("ID77 – Nouveau commentaire sur la demande N°" + n))
                .toList();
    }

    private void chooseDigest(CurrentUser user, String... events) throws Exception {
        var request = post("/notifications/parametres").with(csrf()).with(as(user));
        for (NotificationEvent e : NotificationEvent.shownTo(user)) {
            request.param("choix", e.name() + ":APP", e.name() + ":EMAIL");
        }
        request.param("resume", events);
        mvc.perform(request);
    }

    @Test
    void theChosenEventsWaitForTheDigestWhichListsThemByRequestOnce() throws Exception {
        chooseDigest(chef, "COMMENTAIRE", "NOUVELLE_DEMANDE", "INCONNU");
        assertThat(digest.chosenBy(chef.id()))
                .containsExactlyInAnyOrder(NotificationEvent.COMMENTAIRE, NotificationEvent.NOUVELLE_DEMANDE);

        int first = file();
        int second = file();
        Actor member = Actor.adherent(anne.id(), commune.id());
        conversation.comment(first, "Voici le plan du bourg.", null, member);
        conversation.comment(second, "Et la délibération.", null, member);
        conversation.comment(first, "Une précision : la RD 12.", null, member);

        assertThat(commentMailsTo(chef, first)).as("no mail one by one").isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE user_id = ? AND event = 'COMMENTAIRE'")
                        .param(chef.id())
                        .query(Long.class)
                        .single())
                .as("the in-app notifications are unchanged")
                .isEqualTo(3);
        assertThat(digestsTo(chef)).isEmpty();

        assertThat(digest.sendAll()).isEqualTo(1);
        List<MimeMessage> digests = digestsTo(chef);
        assertThat(digests).hasSize(1);
        assertThat(subject(digests.getFirst())).isEqualTo("ID77 – Votre résumé quotidien : 5 nouvelles");
        String text = text(digests.getFirst());
        assertThat(text)
                .contains("Bonjour Paul Test", "== Demande N°" + first, "== Demande N°" + second)
                .contains("Voici le plan du bourg.", "Une précision : la RD 12.", "Et la délibération.")
                .contains("/notifications/parametres");
        assertThat(text.indexOf("Voici le plan du bourg."))
                .as("grouped by request: both lines of the first request before the second request")
                .isLessThan(text.indexOf("Une précision : la RD 12."))
                .isLessThan(text.indexOf("== Demande N°" + second));
        assertThat(html(digests.getFirst())).contains("href=\"http://localhost:8080/demandes/" + first + "\"");

        assertThat(digest.sendAll())
                .as("nothing left: a second run sends nothing")
                .isZero();
        assertThat(digestsTo(chef)).hasSize(1);
        assertThat(digestsTo(anne)).isEmpty();
    }

    @Test
    void twoRunsAtOnceSendEachDigestOnce() throws Exception {
        chooseDigest(chef, "NOUVELLE_DEMANDE");
        file();
        file();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(digest::sendAll);
            }
            int sent = 0;
            for (Future<Integer> run : pool.invokeAll(runs)) {
                sent += run.get();
            }
            assertThat(sent).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
        assertThat(digestsTo(chef)).hasSize(1);
        assertThat(subject(digestsTo(chef).getFirst())).isEqualTo("ID77 – Votre résumé quotidien : 2 nouvelles");
    }

    @Test
    void onlyStaffMayChooseTheDigestAndTheSettingsShowTheirChoice() throws Exception {
        chooseDigest(anne, "COMMENTAIRE");
        assertThat(digest.chosenBy(anne.id()))
                .as("a member's forged choice is ignored")
                .isEmpty();
        String page = mvc.perform(get("/notifications/parametres").with(as(anne)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).doesNotContain("résumé quotidien");

        chooseDigest(chef, "COMMENTAIRE");
        String staff = mvc.perform(get("/notifications/parametres").with(as(chef)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(staff).contains("E-mail dans le résumé quotidien");
        assertThat(staff).containsPattern("id=\"COMMENTAIRE-RESUME\"[^>]*checked");
        assertThat(staff).doesNotContainPattern("id=\"NOUVELLE_DEMANDE-RESUME\"[^>]*checked");
        assertThat(digest.chosenBy(List.of(chef.id(), anne.id()), NotificationEvent.COMMENTAIRE))
                .isEqualTo(Set.of(chef.id()));
    }
}
