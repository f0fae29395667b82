package fr.id77.membership;

import static fr.id77.account.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.id77.account.CurrentUser;
import fr.id77.support.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Once ID77 validated an adhesion, the name, SIRET and category of the collectivity change only by an admin
 * (from « Collectivités »); its members keep editing every other field of the profile.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CollectivityIdentityTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    Fixtures.Collectivity commune;
    CurrentUser member;
    CurrentUser admin;

    @BeforeEach
    void people() {
        Fixtures f = new Fixtures(jdbc);
        commune = f.collectivity("Commune d'Identité", "Melun");
        member = f.adherent(commune, "Anne");
        admin = f.admin("Claire");
    }

    /** Every field of the profile form, as a browser would post it, with {@code changes} applied. */
    private <B extends AbstractMockHttpServletRequestBuilder<B>> B profile(B request, Map<String, String> changes) {
        Map<String, String> fields = new HashMap<>(Map.ofEntries(
                Map.entry("collectivity.name", "Commune d'Identité"),
                Map.entry("collectivity.category", "COMMUNE"),
                Map.entry("collectivity.siret", "21770288500019"),
                Map.entry("collectivity.population", "3400"),
                Map.entry("collectivity.canton", "MELUN"),
                Map.entry("collectivity.representativeTitle", "MAIRE"),
                Map.entry("collectivity.representativeCivility", "M"),
                Map.entry("collectivity.representativeFirstName", "Jean"),
                Map.entry("collectivity.representativeLastName", "Maire"),
                Map.entry("collectivity.referentCivility", "MME"),
                Map.entry("collectivity.referentFirstName", "Anne"),
                Map.entry("collectivity.referentLastName", "Referente"),
                Map.entry("website", ""),
                Map.entry("version", String.valueOf(version()))));
        fields.putAll(changes);
        fields.forEach((k, v) -> {
            if (v != null) {
                request.param(k, v);
            }
        });
        return request.with(csrf());
    }

    /** The version the form was loaded at, as the hidden field of the page carries it. */
    private long version() {
        return jdbc.sql("SELECT version FROM collectivity WHERE id = ?")
                .param(commune.id())
                .query(Long.class)
                .single();
    }

    private Map<String, Object> stored() {
        return jdbc.sql("SELECT name, siret, category, population FROM collectivity WHERE id = ?")
                .param(commune.id())
                .query()
                .singleRow();
    }

    @Test
    void membersSeeNameSiretAndCategoryReadOnlyAndWhatTheyPostForThemIsIgnored() throws Exception {
        mvc.perform(get("/compte/profil").with(as(member)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("name=\"collectivity.name\""))))
                .andExpect(content().string(not(containsString("name=\"collectivity.siret\""))))
                .andExpect(content().string(not(containsString("name=\"collectivity.category\""))))
                .andExpect(content().string(containsString("Commune d&#39;Identité")))
                .andExpect(content().string(containsString("ne peuvent être modifiés que par ID77")))
                .andExpect(content().string(containsString("name=\"collectivity.population\"")));

        // a forged form changing them: the other fields are saved, these three are not
        mvc.perform(profile(
                                multipart("/compte/profil"),
                                Map.of(
                                        "collectivity.name",
                                        "Ville Renommée",
                                        "collectivity.siret",
                                        "21770051800012",
                                        "collectivity.category",
                                        "SYNDICAT",
                                        "collectivity.population",
                                        "5000"))
                        .with(as(member)))
                .andExpect(redirectedUrl("/compte"));
        assertThat(stored())
                .containsEntry("name", "Commune d'Identité")
                .containsEntry("siret", "21770288500019")
                .containsEntry("category", "COMMUNE")
                .containsEntry("population", 5000);

        // the real form, which does not post them, saves
        Map<String, String> withoutIdentity = new HashMap<>();
        withoutIdentity.put("collectivity.name", null);
        withoutIdentity.put("collectivity.siret", null);
        withoutIdentity.put("collectivity.category", null);
        withoutIdentity.put("collectivity.population", "5100");
        mvc.perform(profile(multipart("/compte/profil"), withoutIdentity).with(as(member)))
                .andExpect(redirectedUrl("/compte"));
        assertThat(stored()).containsEntry("population", 5100).containsEntry("name", "Commune d'Identité");

        // a mistake in another field is still shown next to it
        mvc.perform(profile(multipart("/compte/profil"), Map.of("collectivity.population", "beaucoup"))
                        .with(as(member)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Saisissez un nombre entier positif")));
        assertThat(stored()).containsEntry("population", 5100);
    }

    @Test
    void adminsChangeThemFromTheCollectivitiesPage() throws Exception {
        String page = "/admin/collectivites/" + commune.id();
        mvc.perform(get("/admin/collectivites").param("q", "Commune d'Identité").with(as(admin)))
                .andExpect(content().string(containsString("href=\"" + page + "\"")));
        mvc.perform(get(page).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"collectivity.name\"")))
                .andExpect(content().string(containsString("name=\"collectivity.siret\"")));

        mvc.perform(profile(post(page), Map.of("collectivity.siret", "123")).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("14 chiffres")));
        assertThat(stored()).containsEntry("siret", "21770288500019");

        mvc.perform(profile(
                                post(page),
                                Map.of(
                                        "collectivity.name",
                                        "Ville Renommée",
                                        "collectivity.siret",
                                        "21770051800012",
                                        "collectivity.category",
                                        "EPCI"))
                        .with(as(admin)))
                .andExpect(redirectedUrl("/admin/collectivites"));
        assertThat(stored())
                .containsEntry("name", "Ville Renommée")
                .containsEntry("siret", "21770051800012")
                .containsEntry("category", "EPCI");

        // members never reach it
        mvc.perform(get(page).with(as(member))).andExpect(status().isForbidden());
        mvc.perform(profile(post(page), Map.of("collectivity.name", "Par un membre"))
                        .with(as(member)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/collectivites/987654321").with(as(admin))).andExpect(status().isNotFound());
        assertThat(stored()).containsEntry("name", "Ville Renommée");
    }

    @Test
    void aProfileSavedMeanwhileIsRefusedAsModifiedKeepingWhatWasTypedAndSavingNothing() throws Exception {
        String stale = String.valueOf(version());
        // a colleague saves the profile after the form was loaded
        mvc.perform(profile(multipart("/compte/profil"), Map.of("collectivity.population", "4000"))
                        .with(as(member)))
                .andExpect(redirectedUrl("/compte"));
        Map<String, Object> before = stored();

        mvc.perform(profile(multipart("/compte/profil"), Map.of("collectivity.population", "4321", "version", stale))
                        .with(as(member)))
                .andExpect(status().isConflict())
                .andExpect(content()
                        .string(containsString("Le profil de la collectivité</span> : modification entre-temps")))
                .andExpect(content().string(containsString("<dt>Population</dt>")))
                .andExpect(content().string(containsString("<dd>4321</dd>")));
        mvc.perform(profile(
                                post("/admin/collectivites/" + commune.id()),
                                Map.of(
                                        "collectivity.siret",
                                        "21770051800012",
                                        "collectivity.population",
                                        "4322",
                                        "version",
                                        stale))
                        .with(as(admin)))
                .andExpect(status().isConflict())
                .andExpect(content()
                        .string(containsString("Le profil de la collectivité</span> : modification entre-temps")))
                .andExpect(content().string(containsString("<dd>4322</dd>")))
                .andExpect(content().string(containsString("<dd>21770051800012</dd>")));

        assertThat(stored()).isEqualTo(before);
    }

    /** An unknown canton (a forged or outdated form) is refused next to the canton list; everything else typed stays. */
    @Test
    void anUnknownCantonIsRefusedNextToItsFieldKeepingEverythingElseTyped() throws Exception {
        Map<String, Object> before = stored();
        String page = mvc.perform(profile(
                                multipart("/compte/profil"),
                                Map.of(
                                        "collectivity.canton",
                                        "XYZ",
                                        "collectivity.population",
                                        "4567",
                                        "collectivity.representativeFirstName",
                                        "Jeanne",
                                        "website",
                                        "www.identite.example"))
                        .with(as(member)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page)
                .containsPattern("id=\"collectivity\\.canton-erreur\"[^>]*>Choisissez un canton dans la liste\\.<")
                .contains(
                        "value=\"4567\"",
                        "value=\"Jeanne\"",
                        "value=\"Maire\"",
                        "value=\"Anne\"",
                        "value=\"Referente\"",
                        "value=\"www.identite.example\"")
                .containsPattern("value=\"MAIRE\"[^>]*selected|selected[^>]*value=\"MAIRE\"")
                .containsPattern("value=\"M\"[^>]*name=\"collectivity.representativeCivility\"[^>]*checked");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void theCollectivityChoosesWhetherAReferentReceivesTheMailsOfHisRequests() throws Exception {
        long referent = commune.referentId();
        Function<Boolean, MockHttpServletRequestBuilder> edit = mails -> {
            MockHttpServletRequestBuilder post = post("/compte/referents/" + referent)
                    .with(csrf())
                    .with(as(member))
                    .param("title", "Chargé de projet")
                    .param("fullName", "Anne Test")
                    .param("service", "Urbanisme")
                    .param("email", "anne@identite.example")
                    .param("phone", "01 60 90 89 90")
                    .param(
                            "version",
                            jdbc.sql("SELECT version FROM technical_referent WHERE id = ?")
                                    .param(referent)
                                    .query(String.class)
                                    .single());
            return mails ? post.param("mailOptIn", "true") : post;
        };
        mvc.perform(edit.apply(true)).andExpect(redirectedUrl("/compte#referents"));
        assertThat(mailOptIn(referent)).isTrue();
        mvc.perform(get("/compte/referents/" + referent).with(as(member)))
                .andExpect(content().string(containsString("Envoyer à ce contact les e-mails des demandes qu’il suit")))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.matchesPattern("(?s).*name=\"mailOptIn\"[^>]*checked.*")));
        mvc.perform(get("/compte").with(as(member))).andExpect(content().string(containsString("Les reçoit")));
        mvc.perform(edit.apply(false)).andExpect(redirectedUrl("/compte#referents"));
        assertThat(mailOptIn(referent)).isFalse();
    }

    private boolean mailOptIn(long referent) {
        return jdbc.sql("SELECT mail_opt_in FROM technical_referent WHERE id = ?")
                .param(referent)
                .query(Boolean.class)
                .single();
    }

    /** A contact or the login information saved after the form was loaded: the same « modifié entre-temps » page. */
    @Test
    void aReferentOrLoginInfoSavedMeanwhileIsRefusedAsModifiedKeepingWhatWasTyped() throws Exception {
        long referent = commune.referentId();
        String loaded = jdbc.sql("SELECT version FROM technical_referent WHERE id = ?")
                .param(referent)
                .query(String.class)
                .single();
        Function<String, MockHttpServletRequestBuilder> edit = title -> post("/compte/referents/" + referent)
                .with(csrf())
                .with(as(member))
                .param("title", title)
                .param("fullName", "Anne Test")
                .param("service", "Urbanisme")
                .param("email", "anne@identite.example")
                .param("phone", "01 60 90 89 90")
                .param("version", loaded);
        mvc.perform(edit.apply("Première fonction")).andExpect(redirectedUrl("/compte#referents"));
        mvc.perform(edit.apply("Seconde fonction"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Le contact</span> : modification entre-temps")))
                .andExpect(content().string(containsString("<dd>Seconde fonction</dd>")));
        assertThat(jdbc.sql("SELECT title FROM technical_referent WHERE id = ?")
                        .param(referent)
                        .query(String.class)
                        .single())
                .isEqualTo("Première fonction");

        Map<String, Object> account = jdbc.sql("SELECT email, version FROM app_user WHERE id = ?")
                .param(member.id())
                .query()
                .singleRow();
        Function<String, MockHttpServletRequestBuilder> rename = lastName -> post("/compte/identifiants")
                .with(csrf())
                .with(as(member))
                .param("civility", "MME")
                .param("firstName", "Anne")
                .param("lastName", lastName)
                .param("email", (String) account.get("email"))
                .param("phone", "")
                .param("version", String.valueOf(account.get("version")));
        mvc.perform(rename.apply("Premier-Nom")).andExpect(redirectedUrl("/compte"));
        mvc.perform(rename.apply("Second-Nom"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Le compte</span> : modification entre-temps")))
                .andExpect(content().string(containsString("<dd>Second-Nom</dd>")));
        assertThat(jdbc.sql("SELECT last_name FROM app_user WHERE id = ?")
                        .param(member.id())
                        .query(String.class)
                        .single())
                .isEqualTo("Premier-Nom");
    }
}
