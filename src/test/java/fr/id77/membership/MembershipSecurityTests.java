package fr.id77.membership;

import static fr.id77.membership.MembershipFixtures.PASSWORD;
import static fr.id77.membership.MembershipFixtures.newIp;
import static fr.id77.membership.MembershipFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.id77.support.TestDatabaseInitializer;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Real security (form login, CSRF, throttling) and per-collectivity authorization, through MockMvc. */
@SpringBootTest
@AutoConfigureMockMvc
class MembershipSecurityTests {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};

    @Autowired
    MockMvc mvc;

    @Value("${" + TestDatabaseInitializer.MAIL_PER_CLIENT + "}")
    int maxMailsPerClient;

    @Autowired
    Adhesions adhesions;

    @Autowired
    Collectivities collectivities;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    MembershipFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new MembershipFixtures(mvc, adhesions, jdbc);
    }

    private boolean signsIn(String login, String password, String ip) throws Exception {
        MvcResult r = fixtures.signIn(login, password, ip);
        return r.getResponse().getRedirectedUrl() != null
                && !r.getResponse().getRedirectedUrl().contains("erreur");
    }

    private void givePassword(String identifiant) {
        jdbc.sql("UPDATE app_user SET password_hash = ? WHERE identifiant = ?")
                .params(encoder.encode(PASSWORD), identifiant)
                .update();
    }

    @Test
    void onlyActiveAccountsSignIn() throws Exception {
        String pending = unique("pen");
        long pendingId = fixtures.register(pending);
        fixtures.confirmEmail(pending);
        givePassword(pending);
        assertThat(signsIn(pending, PASSWORD, newIp())).as("pas encore validé").isFalse();

        String refused = unique("ref");
        long refusedId = fixtures.register(refused);
        fixtures.confirmEmail(refused);
        givePassword(refused);
        adhesions.refuse(refusedId, "Délibération non reçue", MembershipFixtures.ADMIN);
        assertThat(signsIn(refused, PASSWORD, newIp())).as("refusé").isFalse();
        assertThat(jdbc.sql("SELECT text_body FROM mail_outbox WHERE recipient = ? ORDER BY id DESC LIMIT 1")
                        .param(refused + "@example.test")
                        .query(String.class)
                        .single())
                .contains("Délibération non reçue");

        String member = unique("act");
        long memberId = fixtures.activeMember(member);
        assertThat(signsIn(member, PASSWORD, newIp())).as("actif").isTrue();
        assertThat(signsIn(member + "@example.test", PASSWORD, newIp()))
                .as("par e-mail")
                .isTrue();
        adhesions.suspend(memberId, null, MembershipFixtures.ADMIN);
        assertThat(signsIn(member, PASSWORD, newIp())).as("suspendu").isFalse();
        adhesions.reactivate(memberId, MembershipFixtures.ADMIN);
        assertThat(signsIn(member, PASSWORD, newIp())).as("réactivé").isTrue();

        adhesions.validate(pendingId, MembershipFixtures.ADMIN);
        assertThat(signsIn(pending, PASSWORD, newIp())).as("validé").isTrue();
    }

    @Test
    void aSuspendedMemberAlreadySignedInIsSignedOutAtOnce() throws Exception {
        String member = unique("ses");
        long memberId = fixtures.activeMember(member);
        String other = unique("sez");
        fixtures.activeMember(other);
        Cookie session = fixtures.session(member);
        Cookie otherSession = fixtures.session(other);
        mvc.perform(get("/compte").cookie(session)).andExpect(status().isOk());
        adhesions.suspend(memberId, null, MembershipFixtures.ADMIN);
        mvc.perform(get("/compte").cookie(session)).andExpect(redirectedUrl("/connexion"));
        mvc.perform(get("/compte").cookie(otherSession)).andExpect(status().isOk());
    }

    @Test
    void linksAreSingleUseAndExpire() throws Exception {
        String applicant = unique("tok");
        fixtures.register(applicant);
        String token = fixtures.lastToken(applicant, "/inscription/confirmation");
        mvc.perform(post("/inscription/confirmation").param("jeton", token).with(csrf()))
                .andExpect(redirectedUrl("/inscription/envoyee"));
        mvc.perform(post("/inscription/confirmation").param("jeton", token).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(result ->
                        assertThat(result.getResponse().getRedirectedUrl()).startsWith("/inscription/confirmation"));
        mvc.perform(get("/inscription/confirmation").param("jeton", token))
                .andExpect(content().string(Matchers.containsString("déjà été utilisé")));

        String late = unique("exp");
        long lateId = fixtures.register(late);
        String lateToken = fixtures.lastToken(late, "/inscription/confirmation");
        jdbc.sql(
                        "UPDATE account_token SET expires_at = now() - interval '1 minute' WHERE user_id = (SELECT id FROM app_user WHERE identifiant = ?)")
                .param(late)
                .update();
        mvc.perform(get("/inscription/confirmation").param("jeton", lateToken))
                .andExpect(content().string(Matchers.containsString("a expiré")));
        mvc.perform(post("/inscription/confirmation").param("jeton", lateToken).with(csrf()));
        assertThat(collectivities.byId(lateId).orElseThrow().status()).isEqualTo(AdhesionStatus.PENDING_EMAIL);

        String member = unique("pwd");
        long memberId = fixtures.register(member);
        fixtures.confirmEmail(member);
        adhesions.validate(memberId, MembershipFixtures.ADMIN);
        String passwordToken = fixtures.lastToken(member, "/mot-de-passe/nouveau");
        MockHttpServletRequestBuilder choose = post("/mot-de-passe/nouveau")
                .with(csrf())
                .param("token", passwordToken)
                .param("password", PASSWORD)
                .param("confirmation", PASSWORD);
        mvc.perform(choose).andExpect(redirectedUrl("/connexion"));
        mvc.perform(post("/mot-de-passe/nouveau")
                        .with(csrf())
                        .param("token", passwordToken)
                        .param("password", "une autre phrase secrète")
                        .param("confirmation", "une autre phrase secrète"))
                .andExpect(status().isOk());
        assertThat(signsIn(member, "une autre phrase secrète", newIp())).isFalse();
        assertThat(signsIn(member, PASSWORD, newIp())).isTrue();
    }

    @Test
    void repeatedFailuresLockTheAccountAndTheAddress() throws Exception {
        String member = unique("thr");
        fixtures.activeMember(member);
        for (int i = 0; i < 5; i++) {
            assertThat(signsIn(member, "mauvais mot de passe " + i, newIp())).isFalse();
        }
        assertThat(signsIn(member, PASSWORD, newIp()))
                .as("compte verrouillé, même depuis une autre adresse")
                .isFalse();
        mvc.perform(get("/connexion").param("erreur", ""))
                .andExpect(content().string(Matchers.containsString("Identifiant ou mot de passe incorrect")));

        String other = unique("ipt");
        fixtures.activeMember(other);
        String ip = newIp();
        for (int i = 0; i < 20; i++) {
            signsIn(unique("inconnu"), "nimporte quoi " + i, ip);
        }
        assertThat(signsIn(other, PASSWORD, ip)).as("adresse verrouillée").isFalse();
        assertThat(signsIn(other, PASSWORD, newIp()))
                .as("depuis une autre adresse")
                .isTrue();
    }

    @Test
    void oneCollectivityCannotReachAnothersProfileReferentsOrLogo() throws Exception {
        String alpha = unique("alp");
        String beta = unique("bet");
        fixtures.activeMember(alpha);
        long betaId = fixtures.activeMember(beta);
        Cookie alphaSession = fixtures.session(alpha);
        Cookie betaSession = fixtures.session(beta);

        mvc.perform(post("/compte/referents")
                        .cookie(betaSession)
                        .with(csrf())
                        .param("title", "Responsable urbanisme")
                        .param("fullName", "Anne Beta")
                        .param("service", "Urbanisme")
                        .param("email", "anne@beta.test")
                        .param("phone", "0164434546")
                        .param("version", "0")) // as the page's hidden field: a new contact
                .andExpect(redirectedUrl("/compte#referents"));
        mvc.perform(profile(betaSession, beta).file(new MockMultipartFile("logo", "logo.png", "image/png", PNG)))
                .andExpect(redirectedUrl("/compte"));
        long betaReferent = collectivities.activeReferents(betaId).getFirst().id();

        mvc.perform(get("/compte/referents/" + betaReferent).cookie(alphaSession))
                .andExpect(status().isNotFound());
        mvc.perform(post("/compte/referents/" + betaReferent)
                        .cookie(alphaSession)
                        .with(csrf())
                        .param("title", "Pirate")
                        .param("fullName", "Pirate")
                        .param("service", "Pirate")
                        .param("email", "p@p.test")
                        .param("phone", "0164434546")
                        .param("version", "0"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/compte/referents/" + betaReferent + "/supprimer")
                        .param("confirme", "oui")
                        .cookie(alphaSession)
                        .with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(collectivities.activeReferents(betaId))
                .extracting(ReferentSummary::fullName)
                .containsExactly("Anne Beta");

        mvc.perform(get("/collectivites/" + betaId + "/logo").cookie(alphaSession))
                .andExpect(status().isNotFound());
        mvc.perform(get("/collectivites/" + betaId + "/logo").cookie(betaSession))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Type", "image/png"));

        mvc.perform(profile(alphaSession, alpha).param("collectivity.name", "Renommée par alpha"))
                .andExpect(redirectedUrl("/compte"));
        assertThat(collectivities.byId(betaId).orElseThrow().name()).isEqualTo("Commune " + beta);
        mvc.perform(get("/compte").cookie(alphaSession))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Anne Beta"))));
    }

    @Test
    void logoTypeIsCheckedFromItsContent() throws Exception {
        String member = unique("log");
        long id = fixtures.activeMember(member);
        Cookie session = fixtures.session(member);
        mvc.perform(profile(session, member)
                        .file(new MockMultipartFile(
                                "logo", "logo.png", "image/png", "<svg onload=alert(1)>".getBytes())))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("PNG, JPEG ou WebP")));
        assertThat(collectivities.byId(id).orElseThrow().hasLogo()).isFalse();
    }

    @Test
    void forgottenPasswordAnswersTheSameWhetherTheAccountExistsOrNot() throws Exception {
        String member = unique("fgt");
        fixtures.activeMember(member);
        String known = mvc.perform(post("/mot-de-passe-oublie").with(csrf()).param("login", member))
                .andExpect(redirectedUrl("/mot-de-passe-oublie"))
                .andReturn()
                .getFlashMap()
                .get("success")
                .toString();
        String unknown = mvc.perform(post("/mot-de-passe-oublie").with(csrf()).param("login", unique("personne")))
                .andExpect(redirectedUrl("/mot-de-passe-oublie"))
                .andReturn()
                .getFlashMap()
                .get("success")
                .toString();
        assertThat(known).isEqualTo(unknown);

        String token = fixtures.lastToken(member, "/mot-de-passe/nouveau");
        jdbc.sql(
                        "UPDATE account_token SET expires_at = now() - interval '1 second' WHERE token_hash = encode(sha256(convert_to(?, 'UTF8')), 'hex')")
                .param(token)
                .update();
        mvc.perform(get("/mot-de-passe/nouveau").param("jeton", token))
                .andExpect(content().string(Matchers.containsString("Ce lien a expiré")));
        mvc.perform(post("/mot-de-passe/nouveau")
                .with(csrf())
                .param("token", token)
                .param("password", "une autre phrase secrète")
                .param("confirmation", "une autre phrase secrète"));
        assertThat(signsIn(member, "une autre phrase secrète", newIp())).isFalse();
    }

    @Test
    void newLinksAndRegistrationsStopAtTheMailLimitsWithAClearMessage() throws Exception {
        String applicant = unique("lim");
        fixtures.register(applicant);
        String ip = newIp();
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/inscription/renvoyer")
                            .with(csrf())
                            .param("email", applicant + "@example.test")
                            .with(from(ip)))
                    .andExpect(redirectedUrl("/inscription/envoyee"));
        }
        mvc.perform(post("/inscription/renvoyer")
                        .with(csrf())
                        .param("email", applicant + "@example.test")
                        .with(from(ip)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Trop de courriels ont été demandés")));
        assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient = ?")
                        .param(applicant + "@example.test")
                        .query(Long.class)
                        .single())
                .as("3 par heure au plus pour une adresse")
                .isEqualTo(3);

        String busy = newIp();
        // a client address that has used its allowance (20 an hour in production, raised for tests: see
        // TestDatabaseInitializer)
        jdbc.sql("INSERT INTO mail_quota (quota_key, used, window_start) VALUES (?, ?, now())")
                .param("client:" + busy)
                .param(maxMailsPerClient)
                .update();
        String late = unique("tard");
        mvc.perform(post("/inscription")
                        .with(csrf())
                        .params(registrationParams(late))
                        .with(from(busy)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Trop de courriels ont été demandés")));
        assertThat(jdbc.sql("SELECT count(*) FROM app_user WHERE identifiant = ?")
                        .param(late)
                        .query(Long.class)
                        .single())
                .as("rien d'écrit")
                .isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM collectivity WHERE name = ?")
                        .param("Commune " + late)
                        .query(Long.class)
                        .single())
                .isZero();
        mvc.perform(post("/inscription")
                        .with(csrf())
                        .params(registrationParams(late))
                        .with(from(newIp())))
                .andExpect(redirectedUrl("/inscription/envoyee"));
    }

    private static RequestPostProcessor from(String ip) {
        return request -> {
            request.setRemoteAddr(ip);
            return request;
        };
    }

    @Test
    void everyPostFormNeedsTheCsrfToken() throws Exception {
        String member = unique("csr");
        fixtures.activeMember(member);
        Cookie session = fixtures.session(member);
        for (String url : List.of(
                "/connexion",
                "/deconnexion",
                "/inscription",
                "/inscription/confirmation",
                "/inscription/renvoyer",
                "/mot-de-passe-oublie",
                "/mot-de-passe/nouveau",
                "/compte/identifiants",
                "/compte/mot-de-passe",
                "/compte/courriel/confirmation",
                "/compte/profil",
                "/compte/referents",
                "/compte/referents/1",
                "/compte/referents/1/supprimer",
                "/compte/collegues",
                "/admin/adhesions/1/valider",
                "/admin/adhesions/1/refuser",
                "/admin/collectivites/1/suspendre",
                "/admin/collectivites/1/reactiver",
                "/admin/comptes/invitation",
                "/admin/comptes/1/desactiver")) {
            mvc.perform(post(url).cookie(session)).andExpect(status().isForbidden());
        }
    }

    @Test
    void aRejectedRegistrationKeepsWhatWasTypedAndExplainsEachField() throws Exception {
        String taken = unique("dup");
        fixtures.register(taken);
        mvc.perform(post("/inscription")
                        .with(csrf())
                        .param("collectivity.name", "Commune de Test")
                        .param("collectivity.category", "COMMUNE")
                        .param("collectivity.siret", "12345678911123")
                        .param("collectivity.population", "abc")
                        .param("collectivity.canton", "MELUN")
                        .param("identifiant", "Ma Commune")
                        .param("email", "pas-une-adresse")
                        .param("phone", "12"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(Matchers.allOf(
                                Matchers.containsString("Le SIRET doit compter exactement 14 chiffres"),
                                Matchers.containsString("lettres minuscules ou chiffres"),
                                Matchers.containsString("Saisissez un nombre entier positif"),
                                Matchers.containsString("value=\"Commune de Test\""),
                                Matchers.containsString("value=\"12345678911123\""),
                                Matchers.containsString("is-invalid"),
                                Matchers.containsString("is-valid"))));
        mvc.perform(post("/inscription").with(csrf()).params(registrationParams(taken)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Cet identifiant est déjà utilisé")));
    }

    /** An unknown canton (a forged or outdated form) is refused next to the canton list; everything else typed stays. */
    @Test
    void anUnknownCantonIsRefusedNextToItsFieldKeepingEverythingElseTyped() throws Exception {
        String applicant = unique("can");
        var params = registrationParams(applicant);
        params.set("collectivity.canton", "XYZ");
        params.set("collectivity.population", "1234");
        String page = mvc.perform(post("/inscription").with(csrf()).params(params))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page)
                .containsPattern("id=\"collectivity\\.canton-erreur\"[^>]*>Choisissez un canton dans la liste\\.<")
                .contains(
                        "value=\"Commune " + applicant + "\"",
                        "value=\"21770288500013\"",
                        "value=\"1234\"",
                        "value=\"Jean\"",
                        "value=\"Dupont\"",
                        "value=\"Anne\"",
                        "value=\"Durand\"",
                        "value=\"" + applicant + "\"",
                        "value=\"" + applicant + "@example.test\"",
                        "value=\"0164147356\"")
                .containsPattern("value=\"MAIRE\"[^>]*selected|selected[^>]*value=\"MAIRE\"")
                .containsPattern("value=\"COMMUNE\"[^>]*selected|selected[^>]*value=\"COMMUNE\"");
        assertThat(jdbc.sql("SELECT count(*) FROM app_user WHERE identifiant = ?")
                        .param(applicant)
                        .query(Long.class)
                        .single())
                .as("rien d'écrit")
                .isZero();

        // a second mistake is shown in the same answer, not only after the canton is corrected
        params.set("email", "pas-une-adresse");
        String both = mvc.perform(post("/inscription").with(csrf()).params(params))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(both)
                .containsPattern("id=\"collectivity\\.canton-erreur\"[^>]*>Choisissez un canton dans la liste\\.<")
                .contains("Cette adresse e-mail n&#39;est pas valide.");
        params.set("email", applicant + "@example.test");

        params.set("collectivity.canton", "MELUN");
        params.set("collectivity.referentCivility", "DOCTEUR");
        String civility = mvc.perform(post("/inscription").with(csrf()).params(params))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(civility)
                .containsPattern("id=\"collectivity\\.referentCivility-erreur\"[^>]*>Choisissez Madame ou Monsieur\\.<")
                .contains(
                        "value=\"Commune " + applicant + "\"",
                        "value=\"Anne\"",
                        "value=\"" + applicant + "@example.test\"")
                .containsPattern("value=\"MELUN\"[^>]*selected|selected[^>]*value=\"MELUN\"");
        assertThat(jdbc.sql("SELECT count(*) FROM app_user WHERE identifiant = ?")
                        .param(applicant)
                        .query(Long.class)
                        .single())
                .as("rien d'écrit")
                .isZero();
    }

    private static MultiValueMap<String, String> registrationParams(String identifiant) {
        var params = new LinkedMultiValueMap<String, String>();
        params.add("collectivity.name", "Commune " + identifiant);
        params.add("collectivity.category", "COMMUNE");
        params.add("collectivity.siret", "21770288500013");
        params.add("collectivity.population", "1200");
        params.add("collectivity.canton", "MELUN");
        params.add("collectivity.representativeTitle", "MAIRE");
        params.add("collectivity.representativeCivility", "M");
        params.add("collectivity.representativeFirstName", "Jean");
        params.add("collectivity.representativeLastName", "Dupont");
        params.add("collectivity.referentCivility", "MME");
        params.add("collectivity.referentFirstName", "Anne");
        params.add("collectivity.referentLastName", "Durand");
        params.add("identifiant", identifiant);
        params.add("email", identifiant + "@example.test");
        params.add("phone", "0164147356");
        return params;
    }

    private MockMultipartHttpServletRequestBuilder profile(Cookie session, String identifiant) {
        MockMultipartHttpServletRequestBuilder request = multipart("/compte/profil");
        request.cookie(session).with(csrf());
        registrationParams(identifiant).forEach((k, v) -> {
            if (k.startsWith("collectivity.")) {
                request.param(k, v.toArray(String[]::new));
            }
        });
        request.param("website", "www." + identifiant + ".test");
        request.param(
                "version",
                String.valueOf(jdbc.sql("SELECT version FROM collectivity WHERE name = ?")
                        .param("Commune " + identifiant)
                        .query(Long.class)
                        .single()));
        return request;
    }
}
