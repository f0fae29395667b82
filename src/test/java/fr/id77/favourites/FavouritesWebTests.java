package fr.id77.favourites;

import static fr.id77.account.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.id77.account.CurrentUser;
import fr.id77.account.TestUsers;
import fr.id77.support.QueryCounting;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
@Import(QueryCounting.class)
class FavouritesWebTests {

    @Autowired
    MockMvc mvc;

    CurrentUser me;

    @BeforeEach
    void user() {
        long id = ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000);
        me = TestUsers.adherent(id, id + 1);
    }

    @Test
    void theStarTogglesWithAPlainPostAndComesBackLit() throws Exception {
        mvc.perform(post("/favoris/o01")
                        .param("retour", "/?q=diagnostic")
                        .with(csrf())
                        .with(as(me)))
                .andExpect(redirectedUrl("/?q=diagnostic"))
                .andExpect(flash().attribute("success", containsString("ajoutée à vos favoris")));
        mvc.perform(get("/").param("code", "O01").with(as(me)))
                .andExpect(content().string(containsString("aria-pressed=\"true\"")))
                .andExpect(content().string(containsString(".svg#star-fill\"></use></svg>")));
        mvc.perform(get("/favoris").with(as(me)))
                .andExpect(content().string(containsString("1</span> <span>Favori</span>")))
                .andExpect(content().string(containsString("Réalisation d&#39;un diagnostic territorial")))
                .andExpect(content().string(containsString("Ajoutée le")));
        mvc.perform(post("/favoris/O01").param("retour", "/").with(csrf()).with(as(me)))
                .andExpect(flash().attribute("success", containsString("retirée de vos favoris")));
        mvc.perform(get("/favoris").with(as(me))).andExpect(content().string(containsString("pas encore de favori")));
    }

    @Test
    void htmxGetsTheNewStarBack() throws Exception {
        mvc.perform(post("/favoris/R02")
                        .header("HX-Request", "true")
                        .param("retour", "/")
                        .with(csrf())
                        .with(as(me)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("aria-pressed=\"true\"")))
                .andExpect(content().string(not(containsString("<html"))));
    }

    @Test
    void removingFromTheListAndBadInput() throws Exception {
        mvc.perform(
                post("/favoris/O03").param("retour", "/favoris").with(csrf()).with(as(me)));
        mvc.perform(post("/favoris/O03/supprimer")
                        .param("confirme", "oui")
                        .with(csrf())
                        .with(as(me)))
                .andExpect(redirectedUrl("/favoris"))
                .andExpect(flash().attribute("success", containsString("supprimée de vos favoris")));
        mvc.perform(post("/favoris/O999").with(csrf()).with(as(me))).andExpect(status().isNotFound());
        mvc.perform(post("/favoris/O01")
                        .param("retour", "https://evil.example/")
                        .with(csrf())
                        .with(as(me)))
                .andExpect(redirectedUrl("/favoris"));
        mvc.perform(post("/favoris/O01")
                        .param("retour", "//evil.example/")
                        .with(csrf())
                        .with(as(me)))
                .andExpect(redirectedUrl("/favoris"));
    }

    @Test
    void visitorsAndForgedPostsAreRefused() throws Exception {
        mvc.perform(get("/favoris")).andExpect(redirectedUrl("/connexion"));
        mvc.perform(get("/favoris/ajout").param("offre", "O37")).andExpect(redirectedUrl("/connexion"));
        mvc.perform(post("/favoris/O01").with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post("/favoris/O01").with(as(me))).andExpect(status().isForbidden());
    }

    @Test
    void afterSigningInAVisitorConfirmsTheFavourite() throws Exception {
        mvc.perform(get("/favoris/ajout").param("offre", "o37").with(as(me)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ajouter à mes favoris")))
                .andExpect(content().string(containsString("O37")));
    }

    @Test
    void theSignedInCatalogueAddsOneStatementForItsStars() throws Exception {
        mvc.perform(post("/favoris/O02").param("retour", "/").with(csrf()).with(as(me)));
        QueryCounting.reset();
        mvc.perform(get("/").param("domaine", "amenagement-urbanisme").with(as(me)))
                .andExpect(status().isOk());
        // 3 for the catalogue, 1 for the stars, 2 for the header (the collectivity's logo in the user menu, the
        // envelope's unread count)
        assertThat(QueryCounting.count())
                .as(QueryCounting.statements().toString())
                .isEqualTo(6);
        assertThat(QueryCounting.statements())
                .filteredOn(q -> q.contains("favourite"))
                .hasSize(1);
        assertThat(QueryCounting.sessionCount()).isEqualTo(2);
        QueryCounting.reset();
        mvc.perform(get("/favoris").with(as(me))).andExpect(status().isOk());
        assertThat(QueryCounting.count())
                .as("+1: the envelope's unread count " + QueryCounting.statements())
                .isEqualTo(5);
    }
}
