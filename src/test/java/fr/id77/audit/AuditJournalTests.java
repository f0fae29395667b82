package fr.id77.audit;

import static fr.id77.account.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.id77.account.CurrentUser;
import fr.id77.shared.web.DateFormats;
import fr.id77.support.Fixtures;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The journal of decisions through the whole stack: every decision taken on the admin pages (and a
 * colleague's invitation) writes exactly one entry naming its author and its reason; the table cannot be
 * changed, even by SQL; only admins read it, filtered in the address.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AuditJournalTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    Fixtures fixtures;
    CurrentUser admin;

    @BeforeEach
    void people() {
        fixtures = new Fixtures(jdbc);
        admin = fixtures.admin("Aurore");
    }

    private long lastId() {
        return jdbc.sql("SELECT coalesce(max(id), 0) FROM audit_entry")
                .query(Long.class)
                .single();
    }

    /** Performs the admin's (or member's) action and returns the journal entries it wrote. */
    private List<Map<String, Object>> entriesOf(MockHttpServletRequestBuilder action, CurrentUser who)
            throws Exception {
        long before = lastId();
        // « confirme=oui » as the confirmation page (or its JavaScript confirm) posts it for the destructive actions
        mvc.perform(action.param("confirme", "oui").with(csrf()).with(as(who))).andExpect(status().is3xxRedirection());
        return jdbc.sql(
                        "SELECT actor_id, actor_name, action, subject_type, subject_id, subject_label, detail FROM audit_entry "
                                + "WHERE id > ? ORDER BY id")
                .param(before)
                .query()
                .listOfRows();
    }

    private static void assertOne(
            List<Map<String, Object>> entries,
            CurrentUser actor,
            String action,
            String subjectType,
            long subjectId,
            String label,
            String detail) {
        assertThat(entries).as(action).hasSize(1);
        Map<String, Object> e = entries.getFirst();
        assertThat(e.get("actor_id")).isEqualTo(actor.id());
        assertThat((String) e.get("actor_name")).isEqualTo(actor.displayName() + " (" + actor.identifiant() + ")");
        assertThat(e.get("action")).isEqualTo(action);
        assertThat(e.get("subject_type")).isEqualTo(subjectType);
        assertThat(e.get("subject_id")).isEqualTo(subjectId);
        assertThat((String) e.get("subject_label")).contains(label);
        assertThat((String) e.get("detail")).isEqualTo(detail);
    }

    private long collectivity(String name, String status) {
        long id = fixtures.collectivity(name, "Melun").id();
        jdbc.sql("UPDATE collectivity SET status = ? WHERE id = ?")
                .params(status, id)
                .update();
        return id;
    }

    @Test
    void everyAdhesionDecisionWritesOneEntryWithItsAuthorAndReason() throws Exception {
        String name = "Commune de Journalville " + System.nanoTime();
        long c = collectivity(name, "ACTIVE");
        assertOne(
                entriesOf(
                        post("/admin/collectivites/" + c + "/suspendre").param("motif", "  Cotisation impayée "),
                        admin),
                admin,
                "COLLECTIVITY_SUSPENDED",
                "COLLECTIVITY",
                c,
                name,
                "Cotisation impayée");
        assertOne(
                entriesOf(post("/admin/collectivites/" + c + "/reactiver"), admin),
                admin,
                "COLLECTIVITY_REACTIVATED",
                "COLLECTIVITY",
                c,
                name,
                "Suspendue → Adhérente");
        assertOne(
                entriesOf(post("/admin/collectivites/" + c + "/suspendre"), admin),
                admin,
                "COLLECTIVITY_SUSPENDED",
                "COLLECTIVITY",
                c,
                name,
                "Adhérente → Suspendue");

        long pending = collectivity(name + " bis", "PENDING_VALIDATION");
        assertOne(
                entriesOf(post("/admin/adhesions/" + pending + "/valider"), admin),
                admin,
                "ADHESION_VALIDATED",
                "COLLECTIVITY",
                pending,
                name + " bis",
                "À valider par ID77 → Adhérente");
        long refused = collectivity(name + " ter", "PENDING_VALIDATION");
        assertOne(
                entriesOf(
                        post("/admin/adhesions/" + refused + "/refuser").param("reason", "Délibération non reçue"),
                        admin),
                admin,
                "ADHESION_REFUSED",
                "COLLECTIVITY",
                refused,
                name + " ter",
                "Délibération non reçue");

        assertThat(entriesOf(post("/admin/adhesions/" + refused + "/refuser").param("reason", "Encore"), admin))
                .as("une décision refusée (plus à valider) n'écrit rien")
                .isEmpty();
    }

    @Test
    void everyAccountDecisionWritesOneEntry() throws Exception {
        CurrentUser chef = fixtures.chefDeFile("Bastien");
        String label = chef.displayName() + " (" + chef.identifiant() + ")";
        assertOne(
                entriesOf(post("/admin/comptes/" + chef.id() + "/desactiver"), admin),
                admin,
                "ACCOUNT_DISABLED",
                "ACCOUNT",
                chef.id(),
                label,
                "Actif → Désactivé");
        assertOne(
                entriesOf(post("/admin/comptes/" + chef.id() + "/reactiver"), admin),
                admin,
                "ACCOUNT_ENABLED",
                "ACCOUNT",
                chef.id(),
                label,
                "Désactivé → Actif");
        assertThat(entriesOf(post("/admin/comptes/" + chef.id() + "/reactiver"), admin))
                .as("déjà actif : rien ne change")
                .isEmpty();

        String identifiant = "inv" + Long.toString(System.nanoTime(), 36);
        var invited = entriesOf(
                post("/admin/comptes/invitation")
                        .param("identifiant", identifiant)
                        .param("email", identifiant + "@test.example")
                        .param("firstName", "Inès")
                        .param("lastName", "Invitée")
                        .param("role", "ADMIN"),
                admin);
        long invitedId = jdbc.sql("SELECT id FROM app_user WHERE identifiant = ?")
                .param(identifiant)
                .query(Long.class)
                .single();
        assertOne(
                invited,
                admin,
                "ACCOUNT_INVITED",
                "ACCOUNT",
                invitedId,
                "Inès Invitée (" + identifiant + ")",
                "Rôle : Administrateur · ID77");

        Fixtures.Collectivity commune = fixtures.collectivity("Commune de Collègueville", "Melun");
        CurrentUser member = fixtures.adherent(commune, "Maëlle");
        String colleague = "col" + Long.toString(System.nanoTime(), 36);
        var colleagueEntries = entriesOf(
                post("/compte/collegues")
                        .param("identifiant", colleague)
                        .param("email", colleague + "@test.example")
                        .param("firstName", "Côme")
                        .param("lastName", "Collègue"),
                member);
        long colleagueId = jdbc.sql("SELECT id FROM app_user WHERE identifiant = ?")
                .param(colleague)
                .query(Long.class)
                .single();
        assertOne(
                colleagueEntries,
                member,
                "ACCOUNT_INVITED",
                "ACCOUNT",
                colleagueId,
                "Côme Collègue",
                "Rôle : Adhérent · Commune de Collègueville");
    }

    @Test
    void everyOfferDecisionWritesOneEntry() throws Exception {
        long o02 = jdbc.sql("SELECT id FROM offer WHERE code = 'O02'")
                .query(Long.class)
                .single();
        String title = jdbc.sql("SELECT title FROM offer WHERE id = ?")
                .param(o02)
                .query(String.class)
                .single();
        try {
            assertOne(
                    entriesOf(post("/admin/offres/" + o02 + "/publication").param("publiee", "false"), admin),
                    admin,
                    "OFFER_WITHDRAWN",
                    "OFFER",
                    o02,
                    "O02 – " + title,
                    "Retirée du catalogue et de la recherche");
            assertThat(entriesOf(post("/admin/offres/" + o02 + "/publication").param("publiee", "false"), admin))
                    .as("déjà retirée")
                    .isEmpty();
            assertOne(
                    entriesOf(post("/admin/offres/" + o02 + "/publication").param("publiee", "true"), admin),
                    admin,
                    "OFFER_PUBLISHED",
                    "OFFER",
                    o02,
                    "O02 – " + title,
                    "Visible dans le catalogue");
        } finally {
            jdbc.sql("UPDATE offer SET published = true WHERE id = ?")
                    .param(o02)
                    .update();
        }

        CurrentUser before = fixtures.chefDeFile("Prune");
        CurrentUser after = fixtures.chefDeFile("Noé");
        fixtures.lead("O02", before);
        assertOne(
                entriesOf(
                        post("/admin/offres/chef-de-file")
                                .param("offres", "" + o02)
                                .param("chefDeFile", "" + after.id()),
                        admin),
                admin,
                "OFFER_LEAD_CHANGED",
                "OFFER",
                o02,
                "O02 – " + title,
                "Chef de file : " + before.displayName() + " → " + after.displayName());
    }

    @Test
    void theDatabaseRefusesToChangeOrRemoveAnEntry() throws Exception {
        long c = collectivity("Commune de Gravéville " + System.nanoTime(), "ACTIVE");
        entriesOf(post("/admin/collectivites/" + c + "/suspendre").param("motif", "Vrai motif"), admin);
        long id = lastId();
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_entry SET detail = 'Faux motif' WHERE id = ?")
                        .param(id)
                        .update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("ne se modifie pas");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_entry WHERE id = ?")
                        .param(id)
                        .update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("ne se modifie pas");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_entry").update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("ne se modifie pas");
        assertThat(jdbc.sql("SELECT detail FROM audit_entry WHERE id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("Vrai motif");
    }

    @Test
    void onlyAdminsReadTheJournalAndNobodyWritesIt() throws Exception {
        Fixtures.Collectivity commune = fixtures.collectivity("Commune de Lecteurville", "Melun");
        for (CurrentUser someone : List.of(fixtures.adherent(commune, "Anne"), fixtures.chefDeFile("Paul"))) {
            mvc.perform(get("/admin/journal").with(as(someone))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/admin/journal")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/admin/journal").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Journal des décisions")));
        for (String path : List.of("/admin/journal", "/admin/journal/1", "/admin/journal/1/suppression")) {
            int code = mvc.perform(post(path).with(csrf()).with(as(admin)))
                    .andReturn()
                    .getResponse()
                    .getStatus();
            assertThat(code).as(path).isIn(404, 405);
        }
    }

    @Test
    void theJournalIsFilteredInTheAddressNewestFirst() throws Exception {
        String stamp = Long.toString(System.nanoTime(), 36);
        long first = collectivity("Commune de Filtreville " + stamp, "ACTIVE");
        long second = collectivity("Commune de Triville " + stamp, "ACTIVE");
        entriesOf(post("/admin/collectivites/" + first + "/suspendre").param("motif", "Premier motif"), admin);
        entriesOf(post("/admin/collectivites/" + second + "/suspendre").param("motif", "Second motif"), admin);
        entriesOf(post("/admin/collectivites/" + second + "/reactiver"), admin);

        String all = mvc.perform(get("/admin/journal").param("objet", stamp).with(as(admin)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(all).contains("3 décisions");
        assertThat(all.indexOf("Suspendue → Adhérente"))
                .as("la plus récente d'abord")
                .isLessThan(all.indexOf("Second motif"));
        assertThat(all.indexOf("Second motif")).isLessThan(all.indexOf("Premier motif"));
        assertThat(all)
                .contains(admin.displayName() + " (" + admin.identifiant() + ")")
                .contains("Collectivité suspendue");

        mvc.perform(get("/admin/journal")
                        .param("objet", "triville " + stamp)
                        .param("action", "COLLECTIVITY_SUSPENDED")
                        .with(as(admin)))
                .andExpect(content().string(containsString("1 décision.")))
                .andExpect(content().string(containsString("Second motif")))
                .andExpect(content().string(not(containsString("Premier motif"))));

        String today = LocalDate.now(DateFormats.PARIS).toString();
        String tomorrow = LocalDate.now(DateFormats.PARIS).plusDays(1).toString();
        mvc.perform(get("/admin/journal")
                        .param("objet", stamp)
                        .param("du", today)
                        .param("au", today)
                        .with(as(admin)))
                .andExpect(content().string(containsString("3 décisions")));
        mvc.perform(get("/admin/journal")
                        .param("objet", stamp)
                        .param("du", tomorrow)
                        .with(as(admin)))
                .andExpect(content().string(containsString("Aucune décision ne correspond.")));
        mvc.perform(get("/admin/journal")
                        .param("objet", stamp)
                        .param("du", "31/02/2026")
                        .param("action", "n'importe quoi")
                        .param("page", "99999999999")
                        .with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Saisissez une date au format jj/mm/aaaa")))
                .andExpect(content().string(containsString("3 décisions")));
    }
}
