package fr.id77.dashboard;

import static fr.id77.account.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.id77.account.Accounts;
import fr.id77.account.CurrentUser;
import fr.id77.account.NewAccount;
import fr.id77.account.Role;
import fr.id77.support.Fixtures;
import fr.id77.support.QueryCounting;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Who reaches which dashboard, where staff land after signing in, what the pages show and what they cost. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(QueryCounting.class)
class DashboardWebTests {

    static final String PASSWORD = "Tableau-Bord-2026";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Accounts accounts;

    Fixtures fixtures;
    Fixtures.Collectivity commune;
    CurrentUser member;
    CurrentUser chef;
    CurrentUser admin;

    @BeforeEach
    void people() {
        fixtures = new Fixtures(jdbc);
        commune = fixtures.collectivity("Commune de Tableauville", "Melun");
        member = fixtures.adherent(commune, "Anne");
        chef = fixtures.chefDeFile("Paul");
        admin = fixtures.admin("Claire");
    }

    private String page(String path, CurrentUser user) throws Exception {
        return mvc.perform(get(path).with(as(user)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aMemberReachesNeitherDashboardAndAChefDeFileOnlyHis() throws Exception {
        mvc.perform(get("/admin").with(as(member))).andExpect(status().isForbidden());
        mvc.perform(get("/tableau-de-bord").with(as(member))).andExpect(status().isForbidden());
        mvc.perform(get("/admin").with(as(chef))).andExpect(status().isForbidden());
        mvc.perform(get("/tableau-de-bord").with(as(chef))).andExpect(status().isOk());
        mvc.perform(get("/admin").with(as(admin))).andExpect(status().isOk());
        mvc.perform(get("/tableau-de-bord").with(as(admin))).andExpect(status().isOk());
        mvc.perform(get("/tableau-de-bord")).andExpect(status().is3xxRedirection());
        assertThat(page("/demandes", chef)).contains("href=\"/tableau-de-bord\"");
        assertThat(page("/demandes", member)).doesNotContain("href=\"/tableau-de-bord\"");
    }

    @Test
    void staffLandOnTheirDashboardAfterSigningInAndMembersOnTheCatalogue() throws Exception {
        long suffix = System.nanoTime() % 1_000_000;
        String[][] who = {
            {"tbadmin" + suffix, Role.ADMIN.name(), "/admin"},
            {"tbchef" + suffix, Role.CHEF_DE_FILE.name(), "/tableau-de-bord"},
            {"tbmembre" + suffix, Role.ADHERENT.name(), "/"}
        };
        for (String[] w : who) {
            Role role = Role.valueOf(w[1]);
            accounts.createDemoAccount(
                    new NewAccount(
                            w[0],
                            w[0] + "@tableau.example",
                            "MME",
                            "Anne",
                            "Tableau",
                            "01 60 00 00 00",
                            role,
                            role == Role.ADHERENT ? commune.id() : null),
                    PASSWORD);
            mvc.perform(formLogin("/connexion")
                            .userParameter("identifiant")
                            .passwordParam("motDePasse")
                            .user(w[0])
                            .password(PASSWORD))
                    .andExpect(redirectedUrl(w[2]));
        }
    }

    @Test
    void theAdminDashboardsFiguresAreLinksToTheFilteredListsAndItKeepsTheAdministrationLinks() throws Exception {
        jdbc.sql("UPDATE collectivity SET status = 'PENDING_VALIDATION', status_changed_at = now() - interval '20 days'"
                        + " WHERE id = :id")
                .param("id", commune.id())
                .update();
        String html = page("/admin", admin);
        assertThat(html)
                .contains(
                        "href=\"/admin/adhesions\"",
                        "la plus ancienne attend depuis",
                        "href=\"/demandes?statut=EN_ATTENTE\"",
                        "href=\"/demandes?statut=TERMINEE\"",
                        "href=\"/demandes?statut=EN_ATTENTE&amp;attente=5\"",
                        "href=\"/demandes?statut=EN_ATTENTE&amp;attente=10\"",
                        "href=\"/admin/offres?publication=publiees&amp;chef=aucun\"",
                        "href=\"/admin/courriels\"",
                        "href=\"/admin/journal?action=ADHESION_VALIDATED&amp;du=",
                        "Derniers événements",
                        // the administration's pages stay one click away
                        "href=\"/admin/collectivites\"",
                        "href=\"/admin/comptes\"",
                        "href=\"/admin/offres/nouvelle\"",
                        "href=\"/admin/organismes\"",
                        "href=\"/admin/journal\"");
    }

    @Test
    void theWaitingFilterOfTheListIsValidatedLikeTheOthers() throws Exception {
        assertThat(page("/demandes?attente=0&statut=EN_ATTENTE", admin))
                .contains("id=\"attente-erreur\"", "Saisissez un nombre de jours ouvrés entre 1 et 250.")
                .contains("<option value=\"EN_ATTENTE\" selected=\"selected\">");
        assertThat(page("/demandes?attente=cinq", admin))
                .contains("id=\"attente-erreur\"", "Saisissez un nombre entier (chiffres uniquement).");
        assertThat(page("/demandes?attente=5", admin)).doesNotContain("attente-erreur");
    }

    @Test
    void eachDashboardCostsAFixedNumberOfStatements() throws Exception {
        QueryCounting.reset();
        page("/admin", admin);
        long adminPage = QueryCounting.count();
        QueryCounting.reset();
        page("/tableau-de-bord", chef);
        long chefPage = QueryCounting.count();
        assertThat(adminPage)
                .as("adhesions, statuses, waiting, offers, staff, mails, adhesions of the month, decisions, request "
                        + "changes, their actors, the envelope " + QueryCounting.statements())
                .isLessThanOrEqualTo(11);
        assertThat(chefPage)
                .as("his offers, JIT off, three sections, the offers' and collectivities' names, the envelope "
                        + QueryCounting.statements())
                .isLessThanOrEqualTo(8);
    }
}
