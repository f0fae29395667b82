package fr.id77.trainings;

import static fr.id77.account.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The pages with the real security: who may see and do what on sessions and registrations — every id in an address
 * checked against the person — and the downloads' content.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TrainingWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Registrations registrations;

    TrainingFixtures t;
    long session;
    long registration;

    @BeforeEach
    void aSessionWithAParticipant() {
        t = TrainingFixtures.create(jdbc);
        session = t.session(Duration.ofDays(15), 2);
        registrations.register(
                t.member(),
                session,
                List.of(new Registrations.Participant(
                        0, "Anne Présente", "Maire adjointe", "anne." + session + "@formaville.example")));
        registration = t.registrationOf(session, "Anne Présente");
    }

    @Test
    void aMemberOfAnotherCollectivityNeitherSeesNorCancelsTheRegistration() throws Exception {
        mvc.perform(get("/mes-inscriptions").with(as(t.otherMember())))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Anne Présente"))));
        mvc.perform(post("/mes-inscriptions/" + registration + "/annulation")
                        .param("confirme", "oui")
                        .with(csrf())
                        .with(as(t.otherMember())))
                .andExpect(status().isNotFound());
        assertThat(t.status(registration)).isEqualTo("CONFIRMED");

        mvc.perform(get("/mes-inscriptions").with(as(t.colleague())))
                .andExpect(content().string(containsString("Anne Présente")));
        mvc.perform(post("/mes-inscriptions/" + registration + "/annulation")
                        .param("confirme", "oui")
                        .with(csrf())
                        .with(as(t.colleague())))
                .andExpect(redirectedUrl("/mes-inscriptions"))
                .andExpect(flash().attribute("success", containsString("Anne Présente est annulée")));
        assertThat(t.status(registration)).isEqualTo("CANCELLED");
    }

    @Test
    void aChefDeFileManagesOnlyTheSessionsOfTheOffersHeLeads() throws Exception {
        String page = "/gestion/sessions/" + session;
        for (String url : List.of(
                page, page + "/modifier", page + "/annulation", page + "/emargement.pdf", page + "/participants.csv")) {
            mvc.perform(get(url).with(as(t.otherChef()))).andExpect(status().isNotFound());
        }
        mvc.perform(post(page + "/annulation")
                        .param("motif", "Pas à moi")
                        .with(csrf())
                        .with(as(t.otherChef())))
                .andExpect(status().isNotFound());
        mvc.perform(post(page + "/modifier")
                        .param("date", java.time.LocalDate.now().plusDays(30).toString())
                        .param("debut", "09:00")
                        .param("fin", "10:00")
                        .param("lieu", "Ailleurs")
                        .param("places", "50")
                        .param(
                                "dateLimite",
                                java.time.LocalDate.now().plusDays(20).toString())
                        .param("version", "0")
                        .with(csrf())
                        .with(as(t.otherChef())))
                .andExpect(status().isNotFound());
        mvc.perform(post(page + "/presences")
                        .param("present", String.valueOf(registration))
                        .with(csrf())
                        .with(as(t.otherChef())))
                .andExpect(status().isNotFound());
        mvc.perform(post("/gestion/inscriptions/" + registration + "/annulation")
                        .param("confirme", "oui")
                        .with(csrf())
                        .with(as(t.otherChef())))
                .andExpect(status().isNotFound());
        // nor may he give sessions of an offer he does not lead (F101 is Paul's)
        mvc.perform(get("/gestion/sessions/nouvelle?offre=" + TrainingFixtures.OFFER)
                        .with(as(t.otherChef())))
                .andExpect(status().isNotFound());
        mvc.perform(post("/gestion/sessions")
                        .param("offre", TrainingFixtures.OFFER)
                        .param("date", java.time.LocalDate.now().plusDays(30).toString())
                        .param("debut", "09:00")
                        .param("fin", "10:00")
                        .param("lieu", "Ailleurs")
                        .param("places", "5")
                        .param(
                                "dateLimite",
                                java.time.LocalDate.now().plusDays(20).toString())
                        .with(csrf())
                        .with(as(t.otherChef())))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("SELECT cancelled_at IS NULL AND seats = 2 FROM training_session WHERE id = :s")
                        .param("s", session)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(t.status(registration)).isEqualTo("CONFIRMED");
        mvc.perform(get("/gestion/sessions").with(as(t.otherChef())))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.not(containsString("/gestion/sessions/" + session + "\""))));

        mvc.perform(get(page).with(as(t.chef())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Anne Présente")));
        mvc.perform(get(page).with(as(t.admin()))).andExpect(status().isOk());
    }

    @Test
    void membersDoNotReachTheStaffPages() throws Exception {
        mvc.perform(get("/gestion/sessions").with(as(t.member()))).andExpect(status().isForbidden());
        mvc.perform(get("/gestion/sessions/" + session).with(as(t.member()))).andExpect(status().isForbidden());
        mvc.perform(get("/gestion/sessions/" + session + "/emargement.pdf").with(as(t.member())))
                .andExpect(status().isForbidden());
    }

    @Test
    void theChefCreatesASessionThatTheOfferPageListsWithItsSeatsLeft() throws Exception {
        java.time.LocalDate day = java.time.LocalDate.now().plusDays(40);
        mvc.perform(post("/gestion/sessions")
                        .param("offre", TrainingFixtures.OFFER)
                        .param("date", day.toString())
                        .param("debut", "14:00")
                        .param("fin", "17:30")
                        .param("distance", "true")
                        .param("places", "8")
                        .param("dateLimite", day.minusDays(7).toString())
                        .with(csrf())
                        .with(as(t.chef())))
                .andExpect(status().is3xxRedirection());
        String offerPage = mvc.perform(get("/offres/" + TrainingFixtures.OFFER))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(offerPage)
                .contains("Sessions à venir")
                .contains(day.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")))
                .contains("14:00 – 17:30")
                .contains("À distance")
                .contains("8 places restantes")
                .contains("1 place restante"); // the session of the set-up: 2 seats, 1 taken
    }

    @Test
    void theAttendanceSheetListsTheParticipantsWithTheSessionInItsHeader() throws Exception {
        byte[] pdf = mvc.perform(
                        get("/gestion/sessions/" + session + "/emargement.pdf").with(as(t.chef())))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        PdfReader reader = new PdfReader(pdf);
        String text = new PdfTextExtractor(reader).getTextFromPage(1);
        reader.close();
        assertThat(text)
                .contains("Feuille d'émargement")
                .contains("F101")
                .contains("Salle du conseil, Melun")
                .contains("Signature")
                .contains("Anne Présente")
                .contains("Maire adjointe")
                .contains("Commune de Formaville");
    }

    @Test
    void theListOfParticipantsDownloadsAsCsv() throws Exception {
        String csv = mvc.perform(get("/gestion/sessions/" + session + "/participants.csv")
                        .with(as(t.chef())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv)
                .contains("Participant;Fonction;Collectivité")
                .contains("Anne Présente;Maire adjointe;Commune de Formaville");
        mvc.perform(get("/gestion/sessions/" + session + "/participants.xlsx").with(as(t.chef())))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString(".xlsx")));
    }

    @Test
    void aParticipantAlreadyRegisteredIsRefusedNextToHisAddress() throws Exception {
        String page = mvc.perform(post("/sessions/" + session + "/inscription")
                        .param("participants[0].nom", "Anne Présente")
                        .param("participants[0].fonction", "Maire adjointe")
                        .param("participants[0].email", "ANNE." + session + "@formaville.example")
                        .with(csrf())
                        .with(as(t.colleague())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"participant-0-email-erreur\"").contains("est déjà inscrit(e) à cette session");
        assertThat(jdbc.sql("SELECT count(*) FROM session_registration WHERE session_id = :s")
                        .param("s", session)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }
}
