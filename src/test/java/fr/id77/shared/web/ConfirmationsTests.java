package fr.id77.shared.web;

import static fr.id77.account.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.id77.account.CurrentUser;
import fr.id77.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** Destructive actions ask on a page of their own when the browser runs no JavaScript, and change nothing until confirmed. */
@SpringBootTest
@AutoConfigureMockMvc
class ConfirmationsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    /**
     * Posts like a browser without JavaScript and returns the page it ends on: MockMvc records the server-side forward
     * to the confirmation page without following it, so this follows it, as the servlet container does.
     */
    ResultActions withoutJavaScript(MockHttpServletRequestBuilder post, CurrentUser who) throws Exception {
        MvcResult asked = mvc.perform(post.with(csrf()).with(as(who)))
                .andExpect(status().isOk())
                .andExpect(forwardedUrl(Confirmations.PAGE))
                .andReturn();
        MockHttpServletRequestBuilder page = MockMvcRequestBuilders.post(Confirmations.PAGE)
                .requestAttr(Confirmations.ATTRIBUTE, asked.getRequest().getAttribute(Confirmations.ATTRIBUTE));
        return mvc.perform(page.with(csrf()).with(as(who))).andExpect(status().isOk());
    }

    long count(String sql, long id) {
        return jdbc.sql(sql).param("id", id).query(Long.class).single();
    }

    @Test
    void removingAFavouriteWithoutJavaScriptAsksFirst() throws Exception {
        CurrentUser me =
                new Fixtures(jdbc).adherent(new Fixtures(jdbc).collectivity("Commune des Favoris", "Melun"), "Fanny");
        mvc.perform(post("/favoris/O03").with(csrf()).with(as(me)));
        String favourites = "SELECT count(*) FROM favourite WHERE user_id = :id";
        assertThat(count(favourites, me.id())).isEqualTo(1);

        withoutJavaScript(post("/favoris/O03/supprimer"), me)
                .andExpect(content()
                        .string(containsString("<h1 class=\"h3\">Supprimer l&#39;offre O03 de vos favoris ?</h1>")))
                .andExpect(content().string(containsString("action=\"/favoris/O03/supprimer\" method=\"post\"")))
                .andExpect(content().string(containsString("<input type=\"hidden\" name=\"confirme\" value=\"oui\">")))
                .andExpect(content().string(containsString("name=\"_csrf\"")))
                .andExpect(content().string(containsString("href=\"/favoris\">Non, revenir</a>")));
        assertThat(count(favourites, me.id())).isEqualTo(1);

        mvc.perform(post("/favoris/O03/supprimer")
                        .param("confirme", "oui")
                        .with(csrf())
                        .with(as(me)))
                .andExpect(redirectedUrl("/favoris"));
        assertThat(count(favourites, me.id())).isZero();
    }

    @Test
    void disablingAnAccountWithoutJavaScriptAsksFirst() throws Exception {
        Fixtures f = new Fixtures(jdbc);
        CurrentUser admin = f.admin("Aline");
        CurrentUser chef = f.chefDeFile("Cyril");
        String active = "SELECT count(*) FROM app_user WHERE id = :id AND status = 'ACTIVE'";

        withoutJavaScript(post("/admin/comptes/" + chef.id() + "/desactiver"), admin)
                .andExpect(content().string(containsString("Désactiver ce compte ?")))
                .andExpect(content().string(containsString("Il ne pourra plus se connecter")))
                .andExpect(content().string(containsString("Oui, désactiver")));
        assertThat(count(active, chef.id())).isEqualTo(1);

        mvc.perform(post("/admin/comptes/" + chef.id() + "/desactiver")
                        .param("confirme", "oui")
                        .with(csrf())
                        .with(as(admin)))
                .andExpect(status().is3xxRedirection());
        assertThat(count(active, chef.id())).isZero();
    }

    @Test
    void withdrawingAnOfferAsksFirstButPublishingDoesNot() throws Exception {
        CurrentUser admin = new Fixtures(jdbc).admin("Albane");
        long o70 = jdbc.sql("SELECT id FROM offer WHERE code = 'O12'")
                .query(Long.class)
                .single();
        String published = "SELECT count(*) FROM offer WHERE id = :id AND published";
        try {
            withoutJavaScript(
                            post("/admin/offres/" + o70 + "/publication")
                                    .param("publiee", "false")
                                    .param("q", "haies"),
                            admin)
                    .andExpect(content().string(containsString("Retirer cette offre du catalogue ?")))
                    .andExpect(content().string(containsString("<input type=\"hidden\" name=\"q\" value=\"haies\">")));
            assertThat(count(published, o70)).isEqualTo(1);
            mvc.perform(post("/admin/offres/" + o70 + "/publication")
                            .param("publiee", "true")
                            .with(csrf())
                            .with(as(admin)))
                    .andExpect(status().is3xxRedirection());
            mvc.perform(post(Confirmations.PAGE).with(csrf()).with(as(admin))).andExpect(status().isNotFound());
        } finally {
            jdbc.sql("UPDATE offer SET published = true WHERE id = :id")
                    .param("id", o70)
                    .update();
        }
    }

    @Test
    void suspendingAnAdhesionRemovingAnOrganisationOrAReferentAskFirst() throws Exception {
        Fixtures f = new Fixtures(jdbc);
        CurrentUser admin = f.admin("Armand");
        Fixtures.Collectivity c = f.collectivity("Commune à Suspendre", "Melun");
        CurrentUser member = f.adherent(c, "Mona");
        long organisation = jdbc.sql(
                        "INSERT INTO organisation (slug, name, kind) VALUES (:s, 'Organisme à confirmer', 'PARTENAIRE') "
                                + "RETURNING id")
                .param("s", "confirmer-" + System.nanoTime())
                .query(Long.class)
                .single();
        withoutJavaScript(post("/admin/collectivites/" + c.id() + "/suspendre"), admin)
                .andExpect(content().string(containsString("Suspendre cette adhésion ?")));
        withoutJavaScript(post("/admin/organismes/" + organisation + "/suppression"), admin)
                .andExpect(content().string(containsString("Supprimer cet organisme porteur ?")));
        withoutJavaScript(post("/compte/referents/" + c.secondReferentId() + "/supprimer"), member)
                .andExpect(content().string(containsString("Retirer ce contact technique ?")));
        assertThat(count("SELECT count(*) FROM collectivity WHERE id = :id AND status = 'ACTIVE'", c.id()))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM organisation WHERE id = :id", organisation))
                .isEqualTo(1);
        assertThat(count(
                        "SELECT count(*) FROM technical_referent WHERE id = :id AND removed_at IS NULL",
                        c.secondReferentId()))
                .isEqualTo(1);
    }
}
