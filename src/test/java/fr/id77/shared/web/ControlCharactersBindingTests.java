package fr.id77.shared.web;

import static fr.id77.account.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.id77.account.CurrentUser;
import fr.id77.requests.Actor;
import fr.id77.requests.RequestWorkflow;
import fr.id77.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Control characters are stripped from every submitted value in one place; values outside a list get a French message. */
@SpringBootTest
@AutoConfigureMockMvc
class ControlCharactersBindingTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RequestWorkflow workflow;

    @Test
    void stripsC0ControlsButKeepsLineBreaksAndTabs() {
        assertThat(InputSanitizer.stripControls("a\u0000b\u001b[31mc\u007fd\n\te\r\nf"))
                .isEqualTo("ab[31mcd\n\te\r\nf");
        assertThat(InputSanitizer.stripControls("😀 \ud800x")).isEqualTo("😀 x");
        assertThat(InputSanitizer.stripControls(null)).isNull();
    }

    @Test
    void aNulCharacterInACommentOrALoginNeverReachesPostgreSql() throws Exception {
        Fixtures f = new Fixtures(jdbc);
        Fixtures.Collectivity commune = f.collectivity("Commune du Nul", "Melun");
        CurrentUser member = f.adherent(commune, "Nina");
        CurrentUser chef = f.chefDeFile("Noé");
        long offerId = f.lead("O36", chef);
        int numero = workflow.file(Actor.adherent(member.id(), commune.id()), offerId, chef.id(), commune.referentId());

        mvc.perform(post("/demandes/" + numero + "/commentaires")
                        .param("message", "Bon\u0000jour\u0007 à tous\nligne deux")
                        .with(csrf())
                        .with(as(member)))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql(
                                "SELECT body FROM request_comment c JOIN request r ON r.id = c.request_id WHERE r.numero = :n")
                        .param("n", numero)
                        .query(String.class)
                        .single())
                .isEqualTo("Bonjour à tous\nligne deux");

        mvc.perform(post("/mot-de-passe-oublie")
                        .param("login", "nina\u0000@example.fr")
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void aCivilityOutsideTheListGetsAFrenchMessageNextToTheField() throws Exception {
        CurrentUser member =
                new Fixtures(jdbc).adherent(new Fixtures(jdbc).collectivity("Commune de Civilité", "Melun"), "Céline");
        mvc.perform(post("/compte/identifiants")
                        .param("civility", "DOCTEUR")
                        .param("firstName", "Céline")
                        .param("lastName", "Test")
                        .param("email", member.identifiant() + "@test.example")
                        .param("phone", "")
                        .param("version", "0")
                        .with(csrf())
                        .with(as(member)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"civility-erreur\"")))
                .andExpect(content().string(containsString("Choisissez Madame ou Monsieur.")));
    }
}
