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
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

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
        Map<String, String> fields = new java.util.HashMap<>(Map.ofEntries(Map.entry("collectivity.name", "Commune d'Identité"),
                Map.entry("collectivity.category", "COMMUNE"), Map.entry("collectivity.siret", "21770288500019"),
                Map.entry("collectivity.population", "3400"), Map.entry("collectivity.canton", "MELUN"),
                Map.entry("collectivity.representativeTitle", "MAIRE"), Map.entry("collectivity.representativeCivility", "M"),
                Map.entry("collectivity.representativeFirstName", "Jean"), Map.entry("collectivity.representativeLastName", "Maire"),
                Map.entry("collectivity.referentCivility", "MME"), Map.entry("collectivity.referentFirstName", "Anne"),
                Map.entry("collectivity.referentLastName", "Referente"), Map.entry("website", "")));
        fields.putAll(changes);
        fields.forEach((k, v) -> {
            if (v != null) {
                request.param(k, v);
            }
        });
        return request.with(csrf());
    }

    private Map<String, Object> stored() {
        return jdbc.sql("SELECT name, siret, category, population FROM collectivity WHERE id = ?").param(commune.id()).query().singleRow();
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
        mvc.perform(profile(multipart("/compte/profil"), Map.of("collectivity.name", "Ville Renommée", "collectivity.siret",
                        "21770051800012", "collectivity.category", "SYNDICAT", "collectivity.population", "5000")).with(as(member)))
                .andExpect(redirectedUrl("/compte"));
        assertThat(stored()).containsEntry("name", "Commune d'Identité").containsEntry("siret", "21770288500019")
                .containsEntry("category", "COMMUNE").containsEntry("population", 5000);

        // the real form, which does not post them, saves
        java.util.Map<String, String> withoutIdentity = new java.util.HashMap<>();
        withoutIdentity.put("collectivity.name", null);
        withoutIdentity.put("collectivity.siret", null);
        withoutIdentity.put("collectivity.category", null);
        withoutIdentity.put("collectivity.population", "5100");
        mvc.perform(profile(multipart("/compte/profil"), withoutIdentity).with(as(member))).andExpect(redirectedUrl("/compte"));
        assertThat(stored()).containsEntry("population", 5100).containsEntry("name", "Commune d'Identité");

        // a mistake in another field is still shown next to it
        mvc.perform(profile(multipart("/compte/profil"), Map.of("collectivity.population", "beaucoup")).with(as(member)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Saisissez un nombre entier positif")));
        assertThat(stored()).containsEntry("population", 5100);
    }

    @Test
    void adminsChangeThemFromTheCollectivitiesPage() throws Exception {
        String page = "/admin/collectivites/" + commune.id();
        mvc.perform(get("/admin/collectivites").with(as(admin))).andExpect(content().string(containsString("href=\"" + page + "\"")));
        mvc.perform(get(page).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"collectivity.name\"")))
                .andExpect(content().string(containsString("name=\"collectivity.siret\"")));

        mvc.perform(profile(post(page), Map.of("collectivity.siret", "123")).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("14 chiffres")));
        assertThat(stored()).containsEntry("siret", "21770288500019");

        mvc.perform(profile(post(page), Map.of("collectivity.name", "Ville Renommée", "collectivity.siret", "21770051800012",
                        "collectivity.category", "EPCI")).with(as(admin)))
                .andExpect(redirectedUrl("/admin/collectivites"));
        assertThat(stored()).containsEntry("name", "Ville Renommée").containsEntry("siret", "21770051800012").containsEntry("category", "EPCI");

        // members never reach it
        mvc.perform(get(page).with(as(member))).andExpect(status().isForbidden());
        mvc.perform(profile(post(page), Map.of("collectivity.name", "Par un membre")).with(as(member))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/collectivites/987654321").with(as(admin))).andExpect(status().isNotFound());
        assertThat(stored()).containsEntry("name", "Ville Renommée");
    }

    @Test
    void aProfileSavedMeanwhileIsRefusedAsModifiedKeepingWhatWasTypedAndSavingNothing() throws Exception {
        Map<String, Object> before = stored();

        mvc.perform(profile(multipart("/compte/profil"), Map.of("collectivity.population", "4321", "version", "99")).with(as(member)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Le profil a été modifié entre-temps par un collègue")))
                .andExpect(content().string(containsString("value=\"4321\"")));
        mvc.perform(profile(post("/admin/collectivites/" + commune.id()), Map.of("collectivity.siret", "21770051800012", "collectivity.population", "4322", "version", "99"))
                        .with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Le profil a été modifié entre-temps")))
                .andExpect(content().string(containsString("value=\"4322\"")));

        assertThat(stored()).isEqualTo(before);
    }
}
