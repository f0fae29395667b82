package fr.id77.requests;

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
import fr.id77.support.Fixtures;
import fr.id77.support.RequestRows;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * « Votre avis »: a member of the collectivity rates its completed request once (1 to 5, optional comment); staff and
 * the collectivity see the rating; every other attempt is refused, in French, next to its field or on the page, and
 * writes nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RequestRatingTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RequestWorkflow workflow;

    CurrentUser member;
    CurrentUser colleague;
    CurrentUser otherMember;
    CurrentUser chef;
    Fixtures.Collectivity commune;

    @BeforeEach
    void people() {
        Fixtures f = new Fixtures(jdbc);
        commune = f.collectivity("Commune de Notéville", "Melun");
        member = f.adherent(commune, "Anne");
        colleague = f.adherent(commune, "Bruno");
        otherMember = f.adherent(f.collectivity("Commune d'Ailleurs", "Provins"), "Chloé");
        chef = f.chefDeFile("Paul");
        f.lead("O36", chef);
    }

    private int request(RequestStatus... path) {
        long offer = jdbc.sql("SELECT id FROM offer WHERE code = 'O36'")
                .query(Long.class)
                .single();
        int numero = workflow.file(Actor.adherent(member.id(), commune.id()), offer, null, commune.referentId());
        for (RequestStatus to : path) {
            workflow.changeStatus(numero, to, null, RequestRows.version(jdbc, numero), Actor.chefDeFile(chef.id()));
        }
        return numero;
    }

    private ResultActions rate(int numero, CurrentUser who, String note, String comment) throws Exception {
        return mvc.perform(post("/demandes/" + numero + "/avis")
                .param("note", note)
                .param("commentaire", comment)
                .with(csrf())
                .with(as(who)));
    }

    private long ratings(int numero) {
        return jdbc.sql(
                        "SELECT count(*) FROM request_rating g JOIN request r ON r.id = g.request_id WHERE r.numero = :n")
                .param("n", numero)
                .query(Long.class)
                .single();
    }

    @Test
    void theCollectivityRatesItsCompletedRequestOnceAndStaffSeeTheRating() throws Exception {
        int numero = request(RequestStatus.EN_COURS, RequestStatus.TERMINEE);
        mvc.perform(get("/demandes/" + numero).with(as(colleague)))
                .andExpect(content().string(containsString("Votre avis sur cette demande")))
                .andExpect(content().string(containsString("Très satisfait")));
        mvc.perform(get("/demandes/" + numero).with(as(chef)))
                .andExpect(content().string(not(containsString("Votre avis sur cette demande"))))
                .andExpect(content().string(not(containsString("Avis de la collectivité"))));

        rate(numero, colleague, "4", "  Accompagnement rapide et clair.  ")
                .andExpect(redirectedUrl("/demandes/" + numero + "#avis"))
                .andExpect(flash().attribute("success", "Merci : votre avis a été enregistré."));

        for (CurrentUser viewer : new CurrentUser[] {chef, member}) {
            mvc.perform(get("/demandes/" + numero).with(as(viewer)))
                    .andExpect(content().string(containsString("Avis de la collectivité")))
                    .andExpect(content().string(containsString("4 sur 5 — Satisfait")))
                    .andExpect(content().string(containsString("« Accompagnement rapide et clair. »")))
                    .andExpect(content().string(containsString("par Bruno Test")))
                    .andExpect(content().string(not(containsString("Votre avis sur cette demande"))));
        }
        rate(numero, member, "1", "Finalement non.")
                .andExpect(flash().attribute("error", containsString("un seul avis par demande")));
        assertThat(jdbc.sql(
                                "SELECT rating || ' ' || comment FROM request_rating g JOIN request r ON r.id = g.request_id "
                                        + "WHERE r.numero = :n")
                        .param("n", numero)
                        .query(String.class)
                        .single())
                .isEqualTo("4 Accompagnement rapide et clair.");
    }

    @Test
    void aBadNoteOrATooLongCommentIsRefusedNextToItsFieldWithWhatWasTyped() throws Exception {
        int numero = request(RequestStatus.EN_COURS, RequestStatus.TERMINEE);
        for (String note : new String[] {"", "0", "6", "cinq"}) {
            rate(numero, member, note, "Très bien")
                    .andExpect(flash().attribute("ratingErrorField", "note"))
                    .andExpect(flash().attribute("ratingError", containsString("Choisissez une note de 1")))
                    .andExpect(flash().attribute("ratingDraft", "Très bien"));
        }
        rate(numero, member, "5", "x".repeat(RequestRatings.MAX_COMMENT + 1))
                .andExpect(flash().attribute("ratingErrorField", "commentaire"))
                .andExpect(flash().attribute("ratingError", containsString("2001 caractères : 2000 au plus")));
        assertThat(ratings(numero)).isZero();
    }

    @Test
    void onlyTheCollectivityRatesAndOnlyACompletedRequest() throws Exception {
        int inProgress = request(RequestStatus.EN_COURS);
        rate(inProgress, member, "5", null)
                .andExpect(
                        flash().attribute("error", "Vous pourrez donner votre avis quand la demande sera terminée."));
        mvc.perform(get("/demandes/" + inProgress).with(as(member)))
                .andExpect(content().string(not(containsString("Votre avis sur cette demande"))));

        int done = request(RequestStatus.EN_COURS, RequestStatus.TERMINEE);
        rate(done, chef, "5", null)
                .andExpect(flash().attribute(
                                "error", "Seule la collectivité qui a déposé la demande peut donner son avis."));
        rate(done, otherMember, "1", null).andExpect(status().isNotFound());
        mvc.perform(post("/demandes/" + done + "/avis").param("note", "3").with(as(member)))
                .andExpect(status().isForbidden()); // no CSRF token
        assertThat(ratings(inProgress) + ratings(done)).isZero();
    }
}
