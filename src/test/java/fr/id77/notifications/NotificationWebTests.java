package fr.id77.notifications;

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
import fr.id77.support.QueryCounting;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** The settings table, the list, opening and marking read, with the real security; the statements they cost. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(QueryCounting.class)
class NotificationWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    NotificationStore store;

    @Autowired
    TransactionTemplate transactions;

    CurrentUser member;
    CurrentUser other;
    CurrentUser chef;
    CurrentUser admin;

    @BeforeEach
    void people() {
        Fixtures f = new Fixtures(jdbc);
        Fixtures.Collectivity commune = f.collectivity("Commune de Webville", "Torcy");
        member = f.adherent(commune, "Anne");
        other = f.adherent(commune, "Bruno");
        chef = f.chefDeFile("Paul");
        admin = f.admin("Claire");
    }

    private long notify(CurrentUser user, int numero, String title) {
        store.add(
                user.id(),
                NotificationEvent.ACCEPTEE,
                null,
                numero,
                title,
                "Paul Test a accepté la demande N°" + numero + ".",
                "/demandes/" + numero);
        return jdbc.sql("SELECT max(id) FROM notification WHERE user_id = ?")
                .param(user.id())
                .query(Long.class)
                .single();
    }

    private String page(String url, CurrentUser user) throws Exception {
        return mvc.perform(get(url).with(as(user)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    // --- settings --------------------------------------------------------------------------------

    @Test
    void everythingIsOnByDefaultAndEachOneSeesTheRowsThatConcernThem() throws Exception {
        String adherent = page("/notifications/parametres", member);
        assertThat(adherent)
                .contains(
                        "<caption",
                        "scope=\"row\"",
                        "Demande acceptée, sur ID77",
                        "Contact chef de file modifié, par e-mail",
                        " Enregistrer</button>");
        int memberRows = NotificationEvent.shownTo(member).size();
        assertThat(count(adherent, "type=\"checkbox\""))
                .as("in the app, by mail")
                .isEqualTo(2 * memberRows);
        assertThat(count(adherent, "checked=\"checked\"")).isEqualTo(2 * memberRows);
        assertThat(adherent)
                .contains(
                        "Compléments demandés, sur ID77",
                        "Compléments demandés, par e-mail",
                        "Demande déposée par un collègue, par e-mail",
                        "Relance : compléments attendus, par e-mail")
                .doesNotContain(
                        "Nouvelle demande",
                        "Nouvelle inscription à valider",
                        "Compléments transmis",
                        "Relance : demande en retard",
                        "Note interne");

        String staff = page("/notifications/parametres", chef);
        assertThat(count(staff, "type=\"checkbox\""))
                .as("in the app, by mail, in the digest")
                .isEqualTo(3 * NotificationEvent.shownTo(chef).size());
        assertThat(staff)
                .contains(
                        "Nouvelle demande, par e-mail",
                        "Compléments transmis, par e-mail",
                        "Relance : demande en retard, par e-mail",
                        "Note interne, sur ID77")
                .doesNotContain(
                        "Nouvelle inscription à valider",
                        "Demande déposée par un collègue",
                        "Relance : compléments attendus");

        String admins = page("/notifications/parametres", admin);
        assertThat(count(admins, "type=\"checkbox\""))
                .isEqualTo(3 * NotificationEvent.shownTo(admin).size());
        assertThat(NotificationEvent.shownTo(admin))
                .hasSize(NotificationEvent.shownTo(chef).size() + 1);
        assertThat(admins).contains("Nouvelle inscription à valider, sur ID77");
    }

    @Test
    void settingsAreSavedAndShownBackAndForgedValuesAreIgnored() throws Exception {
        List<String> allButTwo = Arrays.stream(NotificationEvent.values())
                .flatMap(e -> Arrays.stream(Channel.values()).map(c -> e.name() + ":" + c.name()))
                .filter(v -> !v.equals("ACCEPTEE:EMAIL") && !v.equals("COMMENTAIRE:APP"))
                .toList();
        mvc.perform(post("/notifications/parametres")
                        .with(csrf())
                        .with(as(member))
                        .param("choix", allButTwo.toArray(String[]::new))
                        .param("choix", "INCONNU:APP", "ACCEPTEE:PIGEON", "n'importe quoi"))
                .andExpect(redirectedUrl("/notifications/parametres"))
                .andExpect(flash().attribute("success", "Paramètres enregistrés."));
        assertThat(store.optedOut(member.id()))
                .containsExactlyInAnyOrder(
                        new NotificationStore.Choice(NotificationEvent.ACCEPTEE, Channel.EMAIL),
                        new NotificationStore.Choice(NotificationEvent.COMMENTAIRE, Channel.APP));
        String shown = page("/notifications/parametres", member);
        assertThat(count(shown, "checked=\"checked\""))
                .isEqualTo(2 * NotificationEvent.shownTo(member).size() - 2);
        assertThat(checkbox(shown, "ACCEPTEE-EMAIL")).doesNotContain("checked");
        assertThat(checkbox(shown, "ACCEPTEE-APP")).contains("checked");
        assertThat(checkbox(shown, "COMMENTAIRE-APP")).doesNotContain("checked");

        // nothing ticked: everything this person sees is off, nothing else is touched
        mvc.perform(post("/notifications/parametres").with(csrf()).with(as(member)))
                .andExpect(status().is3xxRedirection());
        assertThat(store.optedOut(member.id()))
                .hasSize(2 * NotificationEvent.shownTo(member).size());
        assertThat(store.optedOut(other.id())).isEmpty();
    }

    // --- the list --------------------------------------------------------------------------------

    @Test
    void theListShowsNewestFirstUnreadMarkedAndOpeningOneMarksItReadAndLandsOnTheRequest() throws Exception {
        long older = notify(member, 101, "Demande N°101 acceptée");
        long newer = notify(member, 102, "Demande N°102 acceptée");
        String list = page("/notifications", member);
        assertThat(list.indexOf("Demande N°102 acceptée")).isLessThan(list.indexOf("Demande N°101 acceptée"));
        assertThat(count(list, "class=\"notification-new\"")).isEqualTo(2);
        assertThat(list).contains("href=\"/notifications/" + older + "\"", "Tout marquer comme lu", "2 non lues");
        assertThat(list).containsPattern("\\d{2}/\\d{2}/\\d{4} à \\d{2}:\\d{2}");

        mvc.perform(get("/notifications/" + newer).with(as(member))).andExpect(redirectedUrl("/demandes/102"));
        assertThat(page("/notifications", member)).contains("1 non lue").contains("Notifications : 1 non lue");
        mvc.perform(get("/notifications/" + newer).with(as(member))).andExpect(redirectedUrl("/demandes/102"));
    }

    @Test
    void nobodyOpensOrSeesSomeoneElsesNotifications() throws Exception {
        long mine = notify(member, 103, "Demande N°103 acceptée");
        mvc.perform(get("/notifications/" + mine).with(as(other))).andExpect(status().isNotFound());
        mvc.perform(get("/notifications/" + mine).with(as(admin))).andExpect(status().isNotFound());
        mvc.perform(get("/notifications/999999999").with(as(member))).andExpect(status().isNotFound());
        assertThat(page("/notifications", other))
                .doesNotContain("Demande N°103")
                .contains("Aucune notification pour le moment");
        assertThat(jdbc.sql("SELECT read_at IS NULL FROM notification WHERE id = ?")
                        .param(mine)
                        .query(Boolean.class)
                        .single())
                .as("still unread")
                .isTrue();
        mvc.perform(post("/notifications/lues").with(csrf()).with(as(other)));
        assertThat(store.unread(member.id())).isEqualTo(1);
        for (String url : List.of("/notifications", "/notifications/" + mine, "/notifications/parametres")) {
            mvc.perform(get(url)).andExpect(redirectedUrl("/connexion"));
        }
    }

    @Test
    void postsNeedTheCsrfToken() throws Exception {
        notify(member, 104, "Demande N°104 acceptée");
        mvc.perform(post("/notifications/lues").with(as(member))).andExpect(status().isForbidden());
        mvc.perform(post("/notifications/parametres").with(as(member))).andExpect(status().isForbidden());
        assertThat(store.unread(member.id())).isEqualTo(1);
        assertThat(store.optedOut(member.id())).isEmpty();
    }

    @Test
    void markAllReadEmptiesTheBadge() throws Exception {
        notify(member, 105, "Demande N°105 acceptée");
        notify(member, 106, "Demande N°106 acceptée");
        assertThat(page("/favoris", member))
                .contains("Notifications : 2 non lues", "has-unread", "class=\"envelope-badge\"");
        mvc.perform(post("/notifications/lues").with(csrf()).with(as(member)))
                .andExpect(redirectedUrl("/notifications"))
                .andExpect(flash().attribute("success", "2 notifications marquées comme lues."));
        String after = page("/notifications", member);
        assertThat(after)
                .contains("Notifications : aucune non lue", "Aucune notification non lue.")
                .doesNotContain("class=\"envelope-badge\"", "Tout marquer comme lu");
    }

    @Test
    void theListIsPaginated() throws Exception {
        for (int i = 1; i <= 25; i++) {
            notify(chef, 200 + i, "Demande N°" + (200 + i) + " acceptée");
        }
        String first = page("/notifications", chef);
        assertThat(count(first, "class=\"notification ")).isEqualTo(NotificationsController.PAGE_SIZE);
        assertThat(first)
                .contains("Demande N°225", "href=\"/notifications?page=2\"")
                .doesNotContain("Demande N°205 acceptée");
        String second = page("/notifications?page=2", chef);
        assertThat(count(second, "class=\"notification ")).isEqualTo(5);
        assertThat(second).contains("Demande N°201 acceptée");
        for (String bad : List.of("?page=-3", "?page=abc", "?page=999")) {
            mvc.perform(get("/notifications" + bad).with(as(chef))).andExpect(status().isOk());
        }
        assertThat(page("/notifications", chef)).contains("Notifications : 25 non lues");
    }

    // --- what it costs ---------------------------------------------------------------------------

    @Test
    void theHeaderBadgeCostsOneStatementOnTheUnreadIndexAndNothingForVisitorsOrRedirects() throws Exception {
        notify(member, 107, "Demande N°107 acceptée");
        QueryCounting.reset();
        mvc.perform(get("/favoris").with(as(member)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Notifications : 1 non lue")));
        assertThat(QueryCounting.statements())
                .filteredOn(q -> q.contains("notification"))
                .hasSize(1);

        QueryCounting.reset();
        mvc.perform(get("/"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("header-envelope"))));
        assertThat(QueryCounting.statements()).noneMatch(q -> q.contains("notification"));

        QueryCounting.reset();
        mvc.perform(post("/notifications/lues").with(csrf()).with(as(member))).andExpect(status().is3xxRedirection());
        assertThat(QueryCounting.statements())
                .filteredOn(q -> q.contains("notification"))
                .hasSize(1);

        String plan = transactions.execute(tx -> {
            jdbc.sql("SET LOCAL enable_seqscan = off").update();
            return String.join(
                    "\n",
                    jdbc.sql("EXPLAIN SELECT count(*) FROM (SELECT 1 FROM notification WHERE user_id = ? "
                                    + "AND read_at IS NULL LIMIT 100) unread")
                            .param(member.id())
                            .query(String.class)
                            .list());
        });
        assertThat(plan).contains("notification_unread_idx");
    }

    @Test
    void theNotificationsPageCostsTheSameWhateverTheNumberOfNotifications() throws Exception {
        notify(admin, 301, "Demande N°301 acceptée");
        QueryCounting.reset();
        mvc.perform(get("/notifications").with(as(admin))).andExpect(status().isOk());
        long few = QueryCounting.count();
        for (int i = 2; i <= 60; i++) {
            notify(admin, 300 + i, "Demande N°" + (300 + i) + " acceptée");
        }
        QueryCounting.reset();
        mvc.perform(get("/notifications").with(as(admin))).andExpect(status().isOk());
        assertThat(QueryCounting.count())
                .as(QueryCounting.statements().toString())
                .isEqualTo(few)
                .isEqualTo(3);
        QueryCounting.reset();
        mvc.perform(get("/notifications?page=3").with(as(admin))).andExpect(status().isOk());
        assertThat(QueryCounting.count()).isEqualTo(few);
    }

    private static int count(String html, String needle) {
        int n = 0;
        for (int i = html.indexOf(needle); i >= 0; i = html.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    /** The input tag of one box of the settings table. */
    private static String checkbox(String html, String id) {
        Matcher m = Pattern.compile("<input[^>]*id=\"" + id + "\"[^>]*>").matcher(html);
        assertThat(m.find()).as("case " + id).isTrue();
        return m.group();
    }
}
