package fr.id77;

import static fr.id77.account.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.id77.account.CurrentUser;
import fr.id77.support.Fixtures;
import fr.id77.support.RequestRows;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import nu.validator.validation.SimpleDocumentValidator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/** The main pages are valid HTML as the W3C Nu checker (vnu) sees it: any error it reports fails the build. */
@SpringBootTest
@AutoConfigureMockMvc
class HtmlValidityTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    /** Collects what the checker calls errors; its warnings (advice) are left aside. */
    static final class Errors implements ErrorHandler {
        final List<String> found = new ArrayList<>();

        @Override
        public void warning(SAXParseException e) {}

        @Override
        public void error(SAXParseException e) {
            found.add("ligne " + e.getLineNumber() + ", colonne " + e.getColumnNumber() + " : " + e.getMessage());
        }

        @Override
        public void fatalError(SAXParseException e) {
            error(e);
        }
    }

    static List<String> errorsIn(String html) throws Exception {
        Errors errors = new Errors();
        SimpleDocumentValidator validator =
                new SimpleDocumentValidator(false, false, false); // no log4j set-up, no language guessing
        validator.setUpMainSchema("http://s.validator.nu/html5-rdfalite.rnc", errors);
        validator.setUpValidatorAndParsers(errors, false, false);
        validator.checkHtmlInputSource(new InputSource(new StringReader(html)));
        return errors.found;
    }

    void assertValid(String url, RequestPostProcessor who) throws Exception {
        var request = get(url);
        if (who != null) {
            request.with(who);
        }
        assertValid(request, url);
    }

    /** The page answered to {@code request} (a form posted back with its answer, say), named {@code what}. */
    void assertValid(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String what)
            throws Exception {
        String html = mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(errorsIn(html)).as("erreurs HTML de %s", what).isEmpty();
    }

    @Test
    void theCheckerSeesAnError() throws Exception {
        assertThat(errorsIn("<!DOCTYPE html><html lang=\"fr\"><head><title>t</title></head><body>"
                        + "<form hx-post=\"/favoris/O36\"></form></body></html>"))
                .singleElement()
                .asString()
                .contains("hx-post");
    }

    @Test
    void theMainPagesAreValidHtml() throws Exception {
        Fixtures f = new Fixtures(jdbc);
        Fixtures.Collectivity commune = f.collectivity("Commune de Valide", "Melun");
        CurrentUser member = f.adherent(commune, "Valentin");
        CurrentUser chef = f.chefDeFile("Vanessa");
        CurrentUser admin = f.admin("Victor");
        f.lead("O36", chef);
        String request = mvc.perform(multipart("/demandes")
                        .file(new MockMultipartFile(
                                "fichiers", "plan.pdf", "application/pdf", "%PDF-1.4 plan".getBytes()))
                        .param("offre", "O36")
                        .param("referent", String.valueOf(commune.referentId()))
                        .param("message", "Bonjour, nous souhaitons être accompagnés.")
                        .with(csrf())
                        .with(as(member)))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();

        assertValid("/", null);
        assertValid("/", as(member));
        assertValid("/offres/O36", as(member));
        assertValid("/demandes/nouvelle?offre=O36", as(member));
        assertValid("/demandes", as(member));
        assertValid(request, as(member));
        assertValid("/compte", as(member));
        assertValid("/compte/profil", as(member));
        assertValid("/favoris", as(member));
        assertValid("/demandes", as(chef)); // with the « nouveautés » of the member's filing
        assertValid("/tableau-de-bord", as(chef));
        assertValid("/statistiques", as(chef));
        assertValid("/statistiques", as(admin));
        assertValid("/statistiques?periode=dates&du=2020-02-30&au=x&canton=X", as(admin));
        assertValid(request, as(chef));
        int numero = Integer.parseInt(request.replace("/demandes/", ""));
        long version = RequestRows.version(jdbc, numero);
        mvc.perform(post(request + "/statut")
                        .param("statut", "EN_COURS")
                        .param("version", String.valueOf(version))
                        .with(csrf())
                        .with(as(chef)))
                .andExpect(status().is3xxRedirection());
        assertValid(request, as(chef));
        // late on its completion target: « En retard de N j » on the page, the list (filtered) and the dashboard
        jdbc.sql("UPDATE request SET completion_due = current_date - 7, due_on = current_date - 7 WHERE numero = :n")
                .param("n", numero)
                .update();
        assertValid(request, as(chef));
        assertValid("/demandes?retard=oui&tri=retard", as(chef));
        assertValid("/tableau-de-bord", as(chef));
        // compléments asked: the message for everyone, the answer form for the collectivity
        mvc.perform(post(request + "/statut")
                        .param("statut", "COMPLEMENTS")
                        .param("motif", "Le plan des abords, s'il vous plaît.")
                        .param("version", String.valueOf(version + 1))
                        .with(csrf())
                        .with(as(chef)))
                .andExpect(flash().attribute("success", containsString("Compléments demandés")));
        assertValid(request, as(member));
        assertValid(request, as(chef));
        // an internal note with its file and a handover, in the notes section and the history
        mvc.perform(multipart(request + "/notes")
                        .file(new MockMultipartFile("fichiers", "memo.txt", "text/plain", "memo".getBytes()))
                        .param("note", "Note interne de contrôle")
                        .with(csrf())
                        .with(as(chef)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(request + "/transfert")
                        .param("agent", String.valueOf(admin.id()))
                        .param("motifTransfert", "Relecture")
                        .param("version", String.valueOf(RequestRows.version(jdbc, numero)))
                        .with(csrf())
                        .with(as(chef)))
                .andExpect(status().is3xxRedirection());
        assertValid(request, as(chef));
        assertValid("/admin/comptes/" + chef.id() + "/demandes", as(admin));
        for (String page : List.of(
                "/admin",
                "/admin/offres",
                "/admin/offres/nouvelle",
                "/admin/organismes",
                "/admin/collectivites",
                "/admin/adhesions",
                "/admin/comptes",
                "/admin/journal")) {
            assertValid(page, as(admin));
        }
    }

    /** The exhibition loans' pages: offer calendar, booking form (its answer and its refusals), request, staff, admin. */
    @Test
    void theLoanPagesAreValidHtml() throws Exception {
        Fixtures f = new Fixtures(jdbc);
        Fixtures.Collectivity commune = f.collectivity("Commune des Expositions", "Melun");
        CurrentUser member = f.adherent(commune, "Valérie");
        CurrentUser chef = f.chefDeFile("Vincent");
        CurrentUser admin = f.admin("Viviane");
        f.lead("R08", chef);
        jdbc.sql("DELETE FROM loan_booking WHERE offer_id = (SELECT id FROM offer WHERE code = 'R08')")
                .update();
        java.time.LocalDate start = java.time.LocalDate.now(fr.id77.shared.time.TimeConfiguration.PARIS)
                .plusDays(20);
        String request = mvc.perform(post("/expositions/R08/reserver")
                        .param("debut", start.toString())
                        .param("fin", start.plusDays(10).toString())
                        .param("referent", String.valueOf(commune.referentId()))
                        .param("action", "reserver")
                        .with(csrf())
                        .with(as(member)))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertValid("/offres/R08", null);
        assertValid("/offres/R08", as(member));
        assertValid("/offres/R08", as(admin));
        assertValid("/expositions/R08/reserver", as(member));
        for (String[] post : List.of(
                new String[] {start.toString(), start.plusDays(10).toString(), "verifier"}, // taken: next periods
                new String[] {start.plusDays(60).toString(), start.plusDays(70).toString(), "verifier"}, // free
                new String[] {start.minusDays(40).toString(), "x", "reserver"})) { // refused next to the fields
            assertValid(
                    post("/expositions/R08/reserver")
                            .param("debut", post[0])
                            .param("fin", post[1])
                            .param("action", post[2])
                            .with(csrf())
                            .with(as(member)),
                    "la réservation " + String.join(" ", post));
        }
        assertValid(request, as(member));
        assertValid(request, as(chef));
        assertValid("/gestion/expositions", as(chef));
        mvc.perform(post("/gestion/expositions/R08/abonnement").with(csrf()).with(as(chef)));
        mvc.perform(post("/gestion/expositions/mon-abonnement").with(csrf()).with(as(chef)));
        assertValid("/gestion/expositions?offre=R08", as(chef));
        assertValid("/admin/expositions/R08", as(admin));
        assertValid("/notifications/parametres", as(member));
    }

    @Test
    void theTrainingPagesAreValidHtml() throws Exception {
        Fixtures f = new Fixtures(jdbc);
        Fixtures.Collectivity commune = f.collectivity("Commune de Formation Valide", "Melun");
        CurrentUser member = f.adherent(commune, "Valérie");
        CurrentUser chef = f.chefDeFile("Vincent");
        CurrentUser admin = f.admin("Violette");
        f.lead("F101", chef);
        java.time.LocalDate day = java.time.LocalDate.now().plusDays(20);
        String session = mvc.perform(post("/gestion/sessions")
                        .param("offre", "F101")
                        .param("date", day.toString())
                        .param("debut", "09:30")
                        .param("fin", "12:00")
                        .param("lieu", "Salle du conseil, Melun")
                        .param("places", "1")
                        .param("dateLimite", day.minusDays(3).toString())
                        .with(csrf())
                        .with(as(chef)))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        long id = Long.parseLong(session.replace("/gestion/sessions/", ""));
        mvc.perform(post("/sessions/" + id + "/inscription")
                        .param("participants[0].nom", "Valérie Test")
                        .param("participants[0].fonction", "Maire")
                        .param("participants[0].email", "valerie." + id + "@valide.example")
                        .param("participants[1].nom", "Vivien Test")
                        .param("participants[1].fonction", "Adjoint")
                        .param("participants[1].email", "vivien." + id + "@valide.example")
                        .with(csrf())
                        .with(as(member)))
                .andExpect(status().is3xxRedirection());
        // a session held last week, its attendance to mark
        long held = jdbc.sql("INSERT INTO training_session (offer_id, starts_at, ends_at, place, remote, seats, "
                        + "registration_deadline, created_by) SELECT id, now() - interval '7 days', "
                        + "now() - interval '7 days' + interval '3 hours', NULL, TRUE, 5, current_date - 9, :by "
                        + "FROM offer WHERE code = 'F101' RETURNING id")
                .param("by", chef.id())
                .query(Long.class)
                .single();
        jdbc.sql("INSERT INTO session_registration (session_id, collectivity_id, registered_by, participant_name, "
                        + "participant_function, email, status) VALUES (:s, :c, :u, 'Présente Test', 'Agent', "
                        + "'presente@valide.example', 'CONFIRMED')")
                .param("s", held)
                .param("c", commune.id())
                .param("u", member.id())
                .update();

        assertValid("/offres/F101", null);
        assertValid("/offres/F101", as(member));
        assertValid("/offres/F101", as(chef));
        assertValid("/sessions/" + id + "/inscription", as(member));
        assertValid("/sessions/" + id + "/inscription", as(chef));
        assertValid("/mes-inscriptions", as(member));
        assertValid("/mes-inscriptions", as(chef));
        assertValid("/gestion/sessions", as(chef));
        assertValid("/gestion/sessions?offre=F101", as(admin));
        assertValid("/gestion/sessions/nouvelle?offre=F101", as(chef));
        assertValid(session, as(chef));
        assertValid(session + "/modifier", as(chef));
        assertValid(session + "/annulation", as(chef));
        assertValid("/gestion/sessions/" + held, as(chef));
        assertValid("/statistiques", as(admin));
        // a form refused: the reasons next to the fields
        String refused = mvc.perform(post("/sessions/" + id + "/inscription")
                        .param("participants[0].nom", "Sans Adresse")
                        .param("participants[1].email", "pas-une-adresse")
                        .with(csrf())
                        .with(as(member)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("Indiquez son adresse e-mail.").contains("Saisissez une adresse e-mail valide");
        assertThat(errorsIn(refused)).isEmpty();
        String badSession = mvc.perform(post("/gestion/sessions")
                        .param("offre", "F101")
                        .param("date", "2020-01-01")
                        .param("debut", "25:00")
                        .param("fin", "09:00")
                        .param("places", "0")
                        .with(csrf())
                        .with(as(chef)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(badSession)
                .contains("La session doit avoir lieu après aujourd&#39;hui.")
                .contains("Saisissez une heure valide")
                .contains("Indiquez le lieu")
                .contains("Il faut au moins une place.");
        assertThat(errorsIn(badSession)).isEmpty();
    }
}
