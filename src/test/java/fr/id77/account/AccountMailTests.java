package fr.id77.account;

import static fr.id77.account.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.id77.support.Fixtures;
import fr.id77.support.MailServerTest;
import fr.id77.support.TestDatabaseInitializer;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Mails an outsider can trigger and the links they carry: limits per address and per client, reset links that do
 * not cancel each other, no live link readable in the outbox once sent nor on the admins' page, a failed link mail
 * resent with a fresh link; changing one's password or e-mail address (sessions, current password, old address told).
 */
@TestPropertySource(properties = TestDatabaseInitializer.MAIL_PER_CLIENT + "=20")
class AccountMailTests extends MailServerTest {

    static final String PASSWORD = "une phrase de passe assez longue";
    private static final AtomicInteger IPS = new AtomicInteger(1);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    static String newIp() {
        int n = IPS.getAndIncrement();
        return "10.78." + (n / 250) + "." + (n % 250 + 1);
    }

    static MockHttpServletRequestBuilder from(MockHttpServletRequestBuilder request, String ip) {
        return request.with(r -> {
            r.setRemoteAddr(ip);
            return r;
        });
    }

    /** An active account with a password. */
    CurrentUser member() {
        CurrentUser user = new Fixtures(jdbc).chefDeFile("Camille");
        jdbc.sql("UPDATE app_user SET password_hash = ? WHERE id = ?")
                .params(encoder.encode(PASSWORD), user.id())
                .update();
        return user;
    }

    String email(CurrentUser user) {
        return jdbc.sql("SELECT email FROM app_user WHERE id = ?")
                .param(user.id())
                .query(String.class)
                .single();
    }

    String askReset(String login, String ip) throws Exception {
        return mvc.perform(from(post("/mot-de-passe-oublie").with(csrf()).param("login", login), ip))
                .andExpect(redirectedUrl("/mot-de-passe-oublie"))
                .andReturn()
                .getFlashMap()
                .get("success")
                .toString();
    }

    List<String> outboxBodies(String recipient) {
        return jdbc.sql("SELECT text_body || html_body FROM mail_outbox WHERE recipient = ? ORDER BY id")
                .param(recipient)
                .query(String.class)
                .list();
    }

    static String token(String body, String path) {
        Matcher m = Pattern.compile(Pattern.quote(path) + "\\?jeton=([A-Za-z0-9_-]+)")
                .matcher(body);
        assertThat(m.find()).as("lien " + path + " dans : " + body).isTrue();
        return m.group(1);
    }

    Cookie signIn(CurrentUser user) throws Exception {
        MvcResult result = mvc.perform(from(
                        post("/connexion")
                                .param("identifiant", user.identifiant())
                                .param("motDePasse", PASSWORD)
                                .with(csrf()),
                        newIp()))
                .andReturn();
        return Arrays.stream(result.getResponse().getCookies())
                .filter(c -> c.getName().endsWith("SESSION"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("connexion impossible"));
    }

    @Test
    void forgottenPasswordMailsOneAddressAtMostThreeTimesAnHourAndAnswersTheSameWhatever() throws Exception {
        CurrentUser user = member();
        String unknownAnswer = askReset("personne" + System.nanoTime(), newIp());
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            answers.add(askReset(user.identifiant(), newIp()));
        }
        assertThat(outboxBodies(email(user)))
                .as("courriels de réinitialisation")
                .hasSize(3);
        assertThat(answers)
                .as("même réponse, limite atteinte ou non, compte existant ou non")
                .containsOnly(unknownAnswer);
        assertThat(unknownAnswer).contains("pas plus de 3 e-mails par heure");
    }

    @Test
    void oneClientAddressMakesTheApplicationSendAtMostTwentyMailsAnHour() throws Exception {
        String ip = newIp();
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            CurrentUser user = member();
            recipients.add(email(user));
            askReset(user.identifiant(), ip);
        }
        long sent = jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient IN (:r)")
                .param("r", recipients)
                .query(Long.class)
                .single();
        assertThat(sent).isEqualTo(20);
    }

    @Test
    void aNewResetLinkDoesNotCancelTheEarlierOneUntilOneIsUsed() throws Exception {
        CurrentUser user = member();
        askReset(user.identifiant(), newIp());
        askReset(user.identifiant(), newIp());
        List<String> bodies = outboxBodies(email(user));
        String first = token(bodies.get(0), "/mot-de-passe/nouveau");
        String second = token(bodies.get(1), "/mot-de-passe/nouveau");
        mvc.perform(get("/mot-de-passe/nouveau").param("jeton", first))
                .andExpect(content().string(containsString("name=\"password\"")));
        mvc.perform(post("/mot-de-passe/nouveau")
                        .with(csrf())
                        .param("token", first)
                        .param("password", "la première phrase choisie")
                        .param("confirmation", "la première phrase choisie"))
                .andExpect(redirectedUrl("/connexion"));
        mvc.perform(get("/mot-de-passe/nouveau").param("jeton", second))
                .andExpect(content().string(not(containsString("name=\"password\""))));
    }

    @Test
    void aLinkIsNeitherLeftInTheOutboxOnceSentNorShownToAdmins() throws Exception {
        CurrentUser user = member();
        String address = email(user);
        askReset(user.identifiant(), newIp());
        String link = token(outboxBodies(address).getFirst(), "/mot-de-passe/nouveau");
        mvc.perform(get("/admin/courriels").with(as(TestUsers.admin(1))))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(link))))
                .andExpect(content().string(containsString("Contient un lien personnel")));

        sendMails();
        List<MimeMessage> received = mailsTo(address);
        assertThat(received).hasSize(1);
        assertThat(text(received.getFirst())).contains(link);
        assertThat(html(received.getFirst())).contains(link);
        assertThat(outboxBodies(address))
                .singleElement()
                .asString()
                .doesNotContain(link)
                .doesNotContain("jeton=");
        mvc.perform(get("/mot-de-passe/nouveau").param("jeton", link))
                .andExpect(content().string(containsString("name=\"password\"")));
    }

    @Test
    void aFailedLinkMailIsResentWithAFreshLinkNeverItsOldBody() throws Exception {
        CurrentUser user = member();
        String address = email(user);
        sendMails(); // nothing else waiting: the pass below tries this mail first
        askReset(user.identifiant(), newIp());
        String oldLink = token(outboxBodies(address).getFirst(), "/mot-de-passe/nouveau");
        long id = jdbc.sql("SELECT id FROM mail_outbox WHERE recipient = ?")
                .param(address)
                .query(Long.class)
                .single();
        jdbc.sql("UPDATE mail_outbox SET attempts = 7, next_attempt_at = now() WHERE id = ?")
                .param(id)
                .update();
        stopMailServer();
        try {
            sendMails();
        } finally {
            startMailServer();
        }
        assertThat(jdbc.sql("SELECT status FROM mail_outbox WHERE id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("FAILED");
        assertThat(outboxBodies(address)).singleElement().asString().doesNotContain(oldLink);

        mvc.perform(from(
                        post("/admin/courriels/" + id + "/renvoi")
                                .with(as(TestUsers.admin(1)))
                                .with(csrf()),
                        newIp()))
                .andExpect(redirectedUrl("/admin/courriels"));
        sendMails();
        List<MimeMessage> received = mailsTo(address);
        assertThat(received).hasSize(1);
        assertThat(subject(received.getFirst())).isEqualTo("ID77 : réinitialisation de votre mot de passe");
        String freshLink = token(text(received.getFirst()), "/mot-de-passe/nouveau");
        assertThat(freshLink).isNotEqualTo(oldLink);
        assertThat(outboxBodies(address))
                .hasSize(2)
                .allSatisfy(body -> assertThat(body).doesNotContain("jeton="));
        mvc.perform(get("/mot-de-passe/nouveau").param("jeton", freshLink))
                .andExpect(content().string(containsString("name=\"password\"")));
    }

    @Test
    void changingThePasswordEndsTheOtherSessionsButNotThisOne() throws Exception {
        CurrentUser user = member();
        CurrentUser other = member();
        Cookie here = signIn(user);
        Cookie elsewhere = signIn(user);
        Cookie someoneElse = signIn(other);
        mvc.perform(get("/compte/mot-de-passe").cookie(elsewhere)).andExpect(status().isOk());
        mvc.perform(post("/compte/mot-de-passe")
                        .cookie(here)
                        .with(csrf())
                        .param("current", PASSWORD)
                        .param("password", "une toute nouvelle phrase")
                        .param("confirmation", "une toute nouvelle phrase"))
                .andExpect(redirectedUrl("/compte"));
        mvc.perform(get("/compte/mot-de-passe").cookie(here)).andExpect(status().isOk());
        mvc.perform(get("/compte/mot-de-passe").cookie(elsewhere)).andExpect(redirectedUrl("/connexion"));
        mvc.perform(get("/compte/mot-de-passe").cookie(someoneElse)).andExpect(status().isOk());
    }

    @Test
    void changingTheEmailAsksForThePasswordAndTellsTheOldAddress() throws Exception {
        CurrentUser user = member();
        String old = email(user);
        String fresh = "nouvelle" + System.nanoTime() + "@test.example";
        Cookie session = signIn(user);
        long version = jdbc.sql("SELECT version FROM app_user WHERE id = ?")
                .param(user.id())
                .query(Long.class)
                .single();
        // its own client address, as every request of this class: the per-client mail limit counts in the shared
        // database
        String ip = newIp();
        MockHttpServletRequestBuilder change = from(
                post("/compte/identifiants")
                        .cookie(session)
                        .with(csrf())
                        .param("civility", "MME")
                        .param("firstName", "Camille")
                        .param("lastName", "Test")
                        .param("email", fresh)
                        .param("phone", "")
                        .param("version", String.valueOf(version)),
                ip);
        mvc.perform(change)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Saisissez votre mot de passe actuel.")));
        mvc.perform(change.param("currentPassword", "pas le bon"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Le mot de passe actuel n&#39;est pas celui-ci.")));
        assertThat(outboxBodies(fresh)).isEmpty();

        mvc.perform(from(
                        post("/compte/identifiants")
                                .cookie(session)
                                .with(csrf())
                                .param("civility", "MME")
                                .param("firstName", "Camille")
                                .param("lastName", "Test")
                                .param("email", fresh)
                                .param("phone", "")
                                .param("version", String.valueOf(version))
                                .param("currentPassword", PASSWORD),
                        ip))
                .andExpect(redirectedUrl("/compte"));
        sendMails();
        String link = token(text(mailsTo(fresh).getFirst()), "/compte/courriel/confirmation");
        mvc.perform(from(
                        post("/compte/courriel/confirmation")
                                .cookie(session)
                                .with(csrf())
                                .param("jeton", link),
                        ip))
                .andExpect(redirectedUrl("/compte"));
        assertThat(email(user)).isEqualTo(fresh);
        sendMails();
        List<MimeMessage> told = mailsTo(old);
        assertThat(told).hasSize(1);
        assertThat(subject(told.getFirst())).isEqualTo("ID77 : votre adresse e-mail a été modifiée");
        assertThat(text(told.getFirst())).contains(fresh);
    }
}
