package fr.id77.loans;

import static fr.id77.account.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.id77.requests.RequestStatus;
import fr.id77.requests.RequestWorkflow;
import fr.id77.support.QueryCounting;
import fr.id77.support.RequestRows;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The loans' pages with the real security: the booking form's refusals next to their field, who sees and touches a
 * booking (its collectivity and its handlers only), the staff and admin pages, and the iCalendar feeds.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(QueryCounting.class)
class LoanWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LoanBookings bookings;

    @Autowired
    RequestWorkflow workflow;

    LoanPeople p;

    @BeforeEach
    void people() {
        p = LoanPeople.around(jdbc, "R18", 2);
    }

    private String day(int fromToday) {
        return bookings.today().plusDays(fromToday).toString();
    }

    private int book(int from, int to) throws Exception {
        String url = mvc.perform(post("/expositions/R18/reserver")
                        .param("debut", day(from))
                        .param("fin", day(to))
                        .param("referent", String.valueOf(p.commune().referentId()))
                        .param("message", "Dans le hall de la mairie.")
                        .param("envoi", java.util.UUID.randomUUID().toString())
                        .param("action", "reserver")
                        .with(csrf())
                        .with(as(p.member())))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("success", containsString("« En attente »")))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        return Integer.parseInt(url.replace("/demandes/", ""));
    }

    /** The admin's loan rules form, 2 transport days, at version 0. */
    private org.springframework.test.web.servlet.ResultActions settings(String min, String max) throws Exception {
        return mvc.perform(post("/admin/expositions/R18")
                .param("minDays", min)
                .param("maxDays", max)
                .param("bufferDays", "2")
                .param("version", "0")
                .with(csrf())
                .with(as(p.admin())));
    }

    /** The booking form with only its dates, sent by {@code who} with the button {@code action}. */
    private org.springframework.test.web.servlet.ResultActions form(
            String debut, String fin, String action, fr.id77.account.CurrentUser who) throws Exception {
        return mvc.perform(post("/expositions/R18/reserver")
                .param("debut", debut)
                .param("fin", fin)
                .param("action", action)
                .with(csrf())
                .with(as(who)));
    }

    @Test
    void askingForAnExhibitionLeadsToItsBookingPage() throws Exception {
        mvc.perform(get("/demandes/nouvelle").param("offre", "R18").with(as(p.member())))
                .andExpect(redirectedUrl("/expositions/R18/reserver"));
        mvc.perform(get("/expositions/R18/reserver").with(as(p.member())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Vérifier la disponibilité")))
                .andExpect(content().string(containsString("Anne Test")));
        // not an exhibition: no booking page
        mvc.perform(get("/expositions/O36/reserver").with(as(p.member()))).andExpect(status().isNotFound());
        mvc.perform(get("/offres/R18").with(as(p.member())))
                .andExpect(content().string(containsString("Réserver cette exposition")))
                .andExpect(content().string(containsString(" : libre")));
    }

    @Test
    void aBadPeriodIsRefusedNextToItsFieldAndNothingIsFiled() throws Exception {
        long before = jdbc.sql("SELECT count(*) FROM request").query(Long.class).single();
        mvc.perform(post("/expositions/R18/reserver")
                        .param("debut", day(-3))
                        .param("fin", day(10))
                        .param("referent", String.valueOf(p.commune().referentId()))
                        .param("action", "reserver")
                        .with(csrf())
                        .with(as(p.member())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"debut-erreur\"")))
                .andExpect(content().string(containsString("Cette date est passée")));
        form(day(10), day(12), "verifier", p.member())
                .andExpect(content().string(containsString("id=\"fin-erreur\"")))
                .andExpect(content().string(containsString("au moins 7 jours (ici 3)")));
        form("31/02/2027", day(12), "reserver", p.member())
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"debut-erreur\"")))
                .andExpect(content().string(containsString("Choisissez le référent technique")));
        // another collectivity's referent
        mvc.perform(post("/expositions/R18/reserver")
                        .param("debut", day(10))
                        .param("fin", day(20))
                        .param("referent", String.valueOf(p.other().referentId()))
                        .param("action", "reserver")
                        .with(csrf())
                        .with(as(p.member())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"referent-erreur\"")));
        assertThat(jdbc.sql("SELECT count(*) FROM request").query(Long.class).single())
                .isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM loan_booking WHERE offer_id = :o")
                        .param("o", p.offerId())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void checkingTellsWhetherACopyIsFreeAndProposesTheNextPeriods() throws Exception {
        book(20, 34);
        book(20, 34); // two copies: both taken now
        form(day(25), day(31), "verifier", p.otherMember())
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Déjà prise")))
                .andExpect(content()
                        .string(containsString("Prochaines périodes libres de la même durée : "
                                + new LoanRules.Period(
                                                bookings.today().plusDays(41),
                                                bookings.today().plusDays(47))
                                        .label())));
        form(day(41), day(47), "verifier", p.otherMember())
                .andExpect(content().string(containsString("Un exemplaire est libre")));
    }

    @Test
    void aBookingIsSeenAndTouchedOnlyByItsCollectivityAndItsHandlers() throws Exception {
        int numero = book(20, 34);
        mvc.perform(get("/demandes/" + numero).with(as(p.member())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Prêt de l'exposition")))
                .andExpect(content().string(not(containsString("Enregistrer l'exemplaire"))));
        mvc.perform(get("/demandes/" + numero).with(as(p.chef())))
                .andExpect(content().string(containsString("Enregistrer l'exemplaire")));
        mvc.perform(get("/demandes/" + numero).with(as(p.otherMember()))).andExpect(status().isNotFound());
        // a member, the other commune's member, another chef de file: the copy choice answers « not found »
        for (var who : java.util.List.of(p.member(), p.otherMember(), p.otherChef())) {
            mvc.perform(post("/expositions/demandes/" + numero + "/exemplaire")
                            .param("exemplaire", String.valueOf(p.copies().get(1)))
                            .with(csrf())
                            .with(as(who)))
                    .andExpect(status().isNotFound());
        }
        assertThat(bookings.byNumero(numero).orElseThrow().chosenCopyId()).isNull();
        // its chef de file chooses; a copy of another exhibition is refused
        mvc.perform(post("/expositions/demandes/" + numero + "/exemplaire")
                        .param("exemplaire", "999999")
                        .with(csrf())
                        .with(as(p.chef())))
                .andExpect(flash().attribute("error", containsString("Choisissez un exemplaire")));
        mvc.perform(post("/expositions/demandes/" + numero + "/exemplaire")
                        .param("exemplaire", String.valueOf(p.copies().get(1)))
                        .with(csrf())
                        .with(as(p.chef())))
                .andExpect(redirectedUrl("/demandes/" + numero + "#pret"));
        assertThat(bookings.byNumero(numero).orElseThrow().chosenCopyId())
                .isEqualTo(p.copies().get(1));
    }

    @Test
    void aRefusedAcceptanceShowsItsReasonOnTheRequestPage() throws Exception {
        int first = book(20, 34);
        int second = book(50, 60);
        int third = book(80, 90);
        jdbc.sql("UPDATE loan_booking SET starts_on = :s, ends_on = :e WHERE request_numero IN (:n)")
                .param("s", bookings.today().plusDays(20))
                .param("e", bookings.today().plusDays(34))
                .param("n", java.util.List.of(second, third))
                .update();
        for (int n : java.util.List.of(first, second)) {
            workflow.changeStatus(n, RequestStatus.EN_COURS, null, RequestRows.version(jdbc, n), p.chefActor());
        }
        mvc.perform(get("/demandes/" + third).with(as(p.chef())))
                .andExpect(content().string(containsString("N°" + first)))
                .andExpect(content().string(containsString("Réservation confirmée")));
        mvc.perform(post("/demandes/" + third + "/statut")
                        .param("statut", "EN_COURS")
                        .param("version", String.valueOf(RequestRows.version(jdbc, third)))
                        .with(csrf())
                        .with(as(p.chef())))
                .andExpect(redirectedUrl("/demandes/" + third))
                .andExpect(flash().attribute("error", containsString("n'a pas été acceptée")));
        assertThat(jdbc.sql("SELECT status FROM request WHERE numero = :n")
                        .param("n", third)
                        .query(String.class)
                        .single())
                .isEqualTo("EN_ATTENTE");
    }

    @Test
    void theStaffCalendarIsForStaffAndTheSettingsForAdmins() throws Exception {
        int numero = book(20, 34);
        mvc.perform(get("/gestion/expositions").param("offre", "R18").with(as(p.chef())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("N°" + numero)))
                .andExpect(content().string(containsString("Commune d&#39;Exposition")));
        mvc.perform(get("/gestion/expositions").with(as(p.member()))).andExpect(status().is4xxClientError());
        mvc.perform(get("/admin/expositions/R18").with(as(p.chef()))).andExpect(status().is4xxClientError());
        mvc.perform(get("/admin/expositions/R18").with(as(p.admin()))).andExpect(status().isOk());
        settings("10", "5")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"maxDays-erreur\"")));
        settings("abc", "5")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"minDays-erreur\"")));
        settings("5", "30").andExpect(redirectedUrl("/admin/expositions/R18"));
        assertThat(jdbc.sql(
                                "SELECT min_days || '-' || max_days || '-' || buffer_days FROM exhibition WHERE offer_id = :o")
                        .param("o", p.offerId())
                        .query(String.class)
                        .single())
                .isEqualTo("5-30-2");
        mvc.perform(post("/admin/expositions/R18/exemplaires")
                        .param("label", "Exemplaire 3")
                        .with(csrf())
                        .with(as(p.admin())))
                .andExpect(flash().attribute("success", containsString("Exemplaire 3")));
        mvc.perform(post("/admin/expositions/R18/exemplaires")
                        .param("label", "exemplaire 3")
                        .with(csrf())
                        .with(as(p.admin())))
                .andExpect(flash().attribute("copyError", containsString("déjà un exemplaire")));
        mvc.perform(post("/admin/expositions/R18/exemplaires")
                        .param("label", "X")
                        .with(csrf())
                        .with(as(p.chef())))
                .andExpect(status().is4xxClientError());
    }

    @Test
    void aFeedListsTheLoansUntilItsLinkIsRevoked() throws Exception {
        int numero = book(20, 34);
        workflow.changeStatus(numero, RequestStatus.EN_COURS, null, RequestRows.version(jdbc, numero), p.chefActor());
        mvc.perform(post("/gestion/expositions/R18/abonnement").with(csrf()).with(as(p.member())))
                .andExpect(status().is4xxClientError());
        mvc.perform(post("/gestion/expositions/R18/abonnement").with(csrf()).with(as(p.chef())))
                .andExpect(flash().attribute("success", containsString("créé")));
        String token = token("offer_id", p.offerId());
        assertThat(token).hasSize(43);
        String ics = mvc.perform(get("/calendriers/" + token + ".ics"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("text/calendar")))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        LocalDate start = bookings.today().plusDays(20);
        assertThat(ics)
                .contains("BEGIN:VEVENT")
                .contains("DTSTART;VALUE=DATE:" + start.toString().replace("-", ""))
                .contains("demande N°" + numero)
                .contains("STATUS:CONFIRMED");
        // the chef de file's own feed shows the exhibitions he leads
        mvc.perform(post("/gestion/expositions/mon-abonnement").with(csrf()).with(as(p.chef())));
        mvc.perform(get("/calendriers/" + token("user_id", p.chef().id()) + ".ics"))
                .andExpect(content().string(containsString("demande N°" + numero)));
        // renewed: the old address answers 404, the new one works
        mvc.perform(post("/gestion/expositions/R18/abonnement").with(csrf()).with(as(p.chef())))
                .andExpect(flash().attribute("success", containsString("révoqué")));
        mvc.perform(get("/calendriers/" + token + ".ics")).andExpect(status().isNotFound());
        mvc.perform(get("/calendriers/" + token("offer_id", p.offerId()) + ".ics"))
                .andExpect(status().isOk());
        mvc.perform(get("/calendriers/inconnu.ics")).andExpect(status().isNotFound());
    }

    private String token(String column, long id) {
        return jdbc.sql("SELECT token FROM loan_calendar_feed WHERE " + column + " = :id AND revoked_at IS NULL")
                .param("id", id)
                .query(String.class)
                .single();
    }

    @Test
    void theStaffCalendarOfAllExhibitionsCostsAsManyStatementsAsOne() throws Exception {
        int numero = book(20, 34);
        workflow.changeStatus(numero, RequestStatus.EN_COURS, null, RequestRows.version(jdbc, numero), p.chefActor());
        mvc.perform(get("/gestion/expositions").with(as(p.chef()))).andExpect(status().isOk()); // offers read once
        QueryCounting.reset();
        mvc.perform(get("/gestion/expositions").param("offre", "R18").with(as(p.chef())))
                .andExpect(status().isOk());
        long one = QueryCounting.count();
        QueryCounting.reset();
        mvc.perform(get("/gestion/expositions").with(as(p.chef())))
                .andExpect(content().string(containsString("N°" + numero)));
        assertThat(QueryCounting.count())
                .as(QueryCounting.statements().toString())
                .isEqualTo(one);
    }
}
