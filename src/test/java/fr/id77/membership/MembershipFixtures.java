package fr.id77.membership;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fr.id77.membership.Choices.Canton;
import fr.id77.membership.Choices.Category;
import fr.id77.membership.Choices.Civility;
import fr.id77.membership.Choices.RepresentativeTitle;
import fr.id77.membership.MembershipForms.CollectivityFields;
import fr.id77.membership.MembershipForms.RegistrationForm;
import jakarta.servlet.http.Cookie;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Builds collectivities and accounts through the real flows (registration, link, validation, password link). */
class MembershipFixtures {

    static final String PASSWORD = "cheval agrafe pile correct";
    /** The admin deciding adhesions in tests that are not about who decided (the journal names « Compte n° 0 »). */
    static final long ADMIN = 0L;

    private static final AtomicInteger IPS = new AtomicInteger(1);

    private final MockMvc mvc;
    private final Adhesions adhesions;
    private final JdbcClient jdbc;

    MembershipFixtures(MockMvc mvc, Adhesions adhesions, JdbcClient jdbc) {
        this.mvc = mvc;
        this.adhesions = adhesions;
        this.jdbc = jdbc;
    }

    static String unique(String prefix) {
        return prefix + Long.toString(System.nanoTime(), 36);
    }

    /** A fresh client address, so that the per-address throttle of one test does not touch another. */
    static String newIp() {
        int n = IPS.getAndIncrement();
        return "10.0." + (n / 250) + "." + (n % 250 + 1);
    }

    static RegistrationForm form(String identifiant) {
        return new RegistrationForm(
                new CollectivityFields(
                        "Commune " + identifiant,
                        Category.COMMUNE,
                        "21770288500013",
                        "1200",
                        Canton.MELUN,
                        RepresentativeTitle.MAIRE,
                        Civility.M,
                        "Jean",
                        "Dupont",
                        Civility.MME,
                        "Anne",
                        "Durand"),
                identifiant,
                identifiant + "@example.test",
                "01 64 14 73 56");
    }

    long register(String identifiant) {
        return adhesions.register(form(identifiant));
    }

    /** The token of the last link to {@code path} mailed to this identifiant's address. */
    String lastToken(String identifiant, String path) {
        String body = jdbc.sql("SELECT text_body FROM mail_outbox WHERE recipient = ? ORDER BY id DESC LIMIT 1")
                .param(identifiant + "@example.test")
                .query(String.class)
                .single();
        Matcher m = Pattern.compile(Pattern.quote(path) + "\\?jeton=([A-Za-z0-9_-]+)")
                .matcher(body);
        if (!m.find()) {
            throw new AssertionError("pas de lien " + path + " dans : " + body);
        }
        return m.group(1);
    }

    void confirmEmail(String identifiant) throws Exception {
        mvc.perform(post("/inscription/confirmation")
                .param("jeton", lastToken(identifiant, "/inscription/confirmation"))
                .with(csrf()));
    }

    /** Registered, e-mail confirmed, validated by ID77, password chosen through the mailed link. */
    long activeMember(String identifiant) throws Exception {
        long id = register(identifiant);
        confirmEmail(identifiant);
        adhesions.validate(id, ADMIN);
        mvc.perform(post("/mot-de-passe/nouveau")
                .with(csrf())
                .param("token", lastToken(identifiant, "/mot-de-passe/nouveau"))
                .param("password", PASSWORD)
                .param("confirmation", PASSWORD));
        return id;
    }

    MvcResult signIn(String login, String password, String ip) throws Exception {
        return mvc.perform(post("/connexion")
                        .param("identifiant", login)
                        .param("motDePasse", password)
                        .with(csrf())
                        .with(request -> {
                            request.setRemoteAddr(ip);
                            return request;
                        }))
                .andReturn();
    }

    /** Signs in and returns the session cookie (sessions live in Spring Session JDBC, not in the mock session). */
    Cookie session(String identifiant) throws Exception {
        MvcResult result = signIn(identifiant, PASSWORD, newIp());
        Cookie cookie = Arrays.stream(result.getResponse().getCookies())
                .filter(c -> c.getName().endsWith("SESSION"))
                .findFirst()
                .orElse(null);
        if (result.getResponse().getRedirectedUrl() == null
                || result.getResponse().getRedirectedUrl().contains("erreur")
                || cookie == null) {
            throw new AssertionError("connexion impossible pour " + identifiant);
        }
        return cookie;
    }
}
