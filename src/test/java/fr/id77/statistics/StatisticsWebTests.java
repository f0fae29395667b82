package fr.id77.statistics;

import static fr.id77.account.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.id77.account.CurrentUser;
import fr.id77.support.Fixtures;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The figures of {@code /statistiques} on a small data set whose every number is known, filed in 2015 (no other test
 * files requests then): counts per month, offer, domain, typology, canton (all 23, zeros included), category and
 * status; working days across a weekend and public holidays (1 and 8 May 2015 were Fridays), median and 90th percentile
 * with the number of requests they rest on; a chef de file sees his offers' requests only, in the page and in every
 * CSV; filters and bad dates; anyone else gets 403.
 *
 * <p>Chef A leads O03 (Aménagement / Urbanisme, ingénierie de projet), chef B leads F156 (Insertion / Emploi,
 * sensibilisation). Melun (commune) and Provins (EPCI) file:
 * <pre>
 * R1 O03 Melun   filed Thu 30/04  accepted Mon 04/05 (1: 1 May holiday, weekend)  completed Fri 08/05 → 4 (8 May holiday)
 * R2 O03 Melun   filed Fri 06/03  accepted Mon 09/03 (1: weekend)  completed Fri 20/03 (10), reopened, completed again 10/04
 * R3 O03 Provins filed Mon 02/03  rejected Thu 05/03 (3)
 * R4 O03 Melun   filed Wed 10/06  waiting
 * R5 F156 Provins filed Mon 15/06 accepted Mon 22/06 (5)
 * R6 F156 Melun  filed 02/02, deleted by an admin: counted nowhere
 * R7 O03 Melun   filed 31/12/2014, completed: outside 2015
 * </pre>
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsWebTests {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String YEAR_2015 = "?periode=dates&du=2015-01-01&au=2015-12-31";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    CurrentUser admin;
    CurrentUser chefA;
    CurrentUser chefB;
    CurrentUser member;

    @BeforeAll
    void knownRequests() {
        Fixtures f = new Fixtures(jdbc);
        Fixtures.Collectivity melun = f.collectivity("Commune de Statville", "Melun");
        Fixtures.Collectivity provins = f.collectivity("Communauté de communes du Statois", "Provins");
        jdbc.sql("UPDATE collectivity SET category = 'EPCI' WHERE id = ?")
                .param(provins.id())
                .update();
        jdbc.sql("INSERT INTO audit_entry (occurred_at, actor_name, action, subject_type, subject_id, subject_label) "
                        + "VALUES (:at, 'Admin', 'ADHESION_VALIDATED', 'COLLECTIVITY', :id, 'Commune de Statville')")
                .param("at", at("2015-01-15T11:00"))
                .param("id", melun.id())
                .update();
        admin = f.admin("Stella");
        chefA = f.chefDeFile("Aurèle");
        chefB = f.chefDeFile("Basile");
        member = f.adherent(melun, "Maëlle");
        long o03 = f.lead("O03", chefA);
        long f156 = f.lead("F156", chefB);

        long r1 = request(o03, melun, "TERMINEE", "2015-04-30T10:00");
        history(r1, "EN_ATTENTE", "EN_COURS", "2015-05-04T09:00");
        history(r1, "EN_COURS", "TERMINEE", "2015-05-08T16:00");
        long r2 = request(o03, melun, "TERMINEE", "2015-03-06T17:30");
        history(r2, "EN_ATTENTE", "EN_COURS", "2015-03-09T08:00");
        history(r2, "EN_COURS", "TERMINEE", "2015-03-20T12:00");
        history(r2, "TERMINEE", "EN_COURS", "2015-04-01T12:00");
        history(r2, "EN_COURS", "TERMINEE", "2015-04-10T12:00");
        long r3 = request(o03, provins, "REJETEE", "2015-03-02T09:00");
        history(r3, "EN_ATTENTE", "REJETEE", "2015-03-05T18:00");
        request(o03, melun, "EN_ATTENTE", "2015-06-10T10:00");
        long r5 = request(f156, provins, "EN_COURS", "2015-06-15T10:00");
        history(r5, "EN_ATTENTE", "EN_COURS", "2015-06-22T10:00");
        long r6 = request(f156, melun, "SUPPRIMEE", "2015-02-02T10:00");
        history(r6, "EN_ATTENTE", "SUPPRIMEE", "2015-02-03T10:00");
        long r7 = request(o03, melun, "TERMINEE", "2014-12-31T10:00");
        history(r7, "EN_ATTENTE", "EN_COURS", "2015-01-05T10:00");
        history(r7, "EN_COURS", "TERMINEE", "2015-01-20T10:00");
        rating(r1, 5);
        rating(r2, 4);
        rating(r7, 1); // filed in 2014: out of the year 2015
    }

    private void rating(long requestId, int note) {
        jdbc.sql("INSERT INTO request_rating (request_id, rating, rated_by, rated_at) VALUES (:r, :n, :by, now())")
                .param("r", requestId)
                .param("n", note)
                .param("by", member.id())
                .update();
    }

    private long request(long offerId, Fixtures.Collectivity c, String status, String filed) {
        long id = StatisticsTestData.request(jdbc, offerId, c.id(), member.id(), filed);
        jdbc.sql("UPDATE request SET status = :s WHERE id = :r")
                .param("s", status)
                .param("r", id)
                .update();
        return id;
    }

    private void history(long requestId, String from, String to, String when) {
        StatisticsTestData.history(jdbc, requestId, chefA.id(), from, to, when);
    }

    private static Timestamp at(String parisTime) {
        return StatisticsTestData.at(parisTime);
    }

    private String page(String query, CurrentUser who) throws Exception {
        return StatisticsTestData.page(mvc, query, who);
    }

    /** A CSV download, parsed back: its rows (BOM gone, « ; » between cells, CRLF between rows). */
    private List<List<String>> csv(String figure, String query, CurrentUser who) throws Exception {
        MockHttpServletResponse response = mvc.perform(
                        get("/statistiques/" + figure + ".csv" + query).with(as(who)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();
        assertThat(response.getContentType()).startsWith("text/csv");
        assertThat(response.getHeader("Content-Disposition"))
                .startsWith("attachment")
                .contains(".csv");
        byte[] bytes = response.getContentAsByteArray();
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        assertThat(text).endsWith("\r\n");
        return Arrays.stream(text.split("\r\n"))
                .map(line -> List.of(line.split(";", -1)))
                .toList();
    }

    /** A figure's CSV as label → value (its header left out). */
    private Map<String, String> figure(String figure, String query, CurrentUser who) throws Exception {
        Map<String, String> values = new LinkedHashMap<>();
        csv(figure, query, who).stream().skip(1).forEach(row -> values.put(row.get(0), row.get(1)));
        return values;
    }

    @Test
    void theAdminCountsEveryRequestOfThePeriodInEveryFigure() throws Exception {
        Map<String, String> months = figure("par-mois", YEAR_2015, admin);
        assertThat(months).hasSize(12);
        assertThat(months)
                .containsEntry("Janvier 2015", "0")
                .containsEntry("Février 2015", "0") // R6 deleted
                .containsEntry("Mars 2015", "2")
                .containsEntry("Avril 2015", "1")
                .containsEntry("Mai 2015", "0")
                .containsEntry("Juin 2015", "2");
        assertThat(figure("top-offres", YEAR_2015, admin))
                .containsExactly(Map.entry(label("O03"), "4"), Map.entry(label("F156"), "1"));
        assertThat(figure("par-domaine", YEAR_2015, admin))
                .hasSize(10)
                .containsEntry("Aménagement / Urbanisme", "4")
                .containsEntry("Insertion / Emploi", "1")
                .containsEntry("Tourisme", "0");
        assertThat(figure("par-typologie", YEAR_2015, admin))
                .containsExactly(
                        Map.entry("Ingénierie de projet", "4"),
                        Map.entry("Action de sensibilisation / formation", "1"),
                        Map.entry("Réservation / prêt d'exposition", "0"));
        Map<String, String> cantons = figure("par-canton", YEAR_2015, admin);
        assertThat(cantons).hasSize(23).containsEntry("Melun", "3").containsEntry("Provins", "2");
        assertThat(cantons.values().stream().filter("0"::equals)).hasSize(21);
        assertThat(cantons.keySet()).startsWith("Champs-sur-Marne").endsWith("Villeparisis");
        assertThat(figure("par-categorie", YEAR_2015, admin))
                .containsExactly(Map.entry("Communes", "3"), Map.entry("EPCI", "2"), Map.entry("Syndicats", "0"));
        assertThat(figure("par-statut", YEAR_2015, admin))
                .containsExactly(
                        Map.entry("En attente", "1"),
                        Map.entry("En cours", "1"),
                        Map.entry("Compléments demandés", "0"),
                        Map.entry("Terminée", "2"),
                        Map.entry("Rejetée", "1"),
                        Map.entry("Annulée", "0"));
        assertThat(figure("adhesions-par-mois", YEAR_2015, admin)).containsEntry("Janvier 2015", "1");

        String html = page(YEAR_2015, admin);
        assertThat(keyFigure(html, "Demandes déposées")).isEqualTo("5");
        assertThat(keyFigure(html, "Collectivités actives")).startsWith("2 sur");
        assertThat(keyFigure(html, "Cantons atteints")).isEqualTo("2 sur 23 (9 %)");
        assertThat(html)
                .contains("du 01/01/2015 au 31/12/2015")
                .contains("<svg")
                .contains("<title");
    }

    @Test
    void responseTimesAreWorkingDaysFromTheHistoryWithTheirMedianAndNinetiethPercentile() throws Exception {
        List<List<String>> byOffer = csv("delais-par-offre", YEAR_2015, admin);
        assertThat(byOffer.getFirst()).hasSize(7).first().isEqualTo("Offre");
        // O03: decisions 1 (1 May, weekend), 1 (weekend), 3 → median 1, p90 2.6; completions 4 (8 May), 10 → 7, 9.4
        // (R2's second completion, after it was reopened, does not count: the first does)
        assertThat(row(byOffer, label("O03"))).containsExactly(label("O03"), "3", "1", "2,6", "2", "7", "9,4");
        assertThat(row(byOffer, label("F156"))).containsExactly(label("F156"), "1", "5", "5", "0", "", "");
        List<List<String>> byDomain = csv("delais-par-domaine", YEAR_2015, admin);
        assertThat(row(byDomain, "Aménagement / Urbanisme"))
                .containsExactly("Aménagement / Urbanisme", "3", "1", "2,6", "2", "7", "9,4");
        assertThat(byDomain).noneMatch(r -> r.getFirst().equals("Tourisme")); // nothing to measure

        String html = page(YEAR_2015, admin);
        assertThat(html).contains("Délais de réponse par offre").contains("2,6").contains("9,4");
    }

    @Test
    void theCollectivitiesRatingsOfThePeriodsRequestsAreAveragedPerOfferAndDomain() throws Exception {
        List<List<String>> byOffer = csv("satisfaction-par-offre", YEAR_2015, admin);
        assertThat(byOffer.getFirst())
                .containsExactly(
                        "Offre", "Avis", "Note moyenne (sur 5)", "Note 1", "Note 2", "Note 3", "Note 4", "Note 5");
        assertThat(byOffer).hasSize(2);
        assertThat(row(byOffer, label("O03"))).containsExactly(label("O03"), "2", "4,5", "0", "0", "0", "1", "1");
        assertThat(row(csv("satisfaction-par-domaine", YEAR_2015, admin), "Aménagement / Urbanisme"))
                .containsExactly("Aménagement / Urbanisme", "2", "4,5", "0", "0", "0", "1", "1");
        assertThat(csv("satisfaction-par-offre", YEAR_2015, chefB))
                .as("O03 is not his")
                .hasSize(1);

        String html = page(YEAR_2015, admin);
        assertThat(html).contains("Satisfaction par offre").contains("4,5");
    }

    @Test
    void aChefDeFileSeesOnlyTheRequestsOfTheOffersHeLeads() throws Exception {
        assertThat(figure("top-offres", YEAR_2015, chefA)).containsExactly(Map.entry(label("O03"), "4"));
        assertThat(figure("par-canton", YEAR_2015, chefA))
                .hasSize(23)
                .containsEntry("Melun", "3")
                .containsEntry("Provins", "1");
        assertThat(figure("par-statut", YEAR_2015, chefA)).containsEntry("En cours", "0");
        assertThat(csv("delais-par-offre", YEAR_2015, chefA))
                .extracting(List::getFirst)
                .containsExactly("Offre", label("O03"));
        assertThat(csv("delais-par-domaine", YEAR_2015, chefA))
                .extracting(List::getFirst)
                .doesNotContain("Insertion / Emploi");
        assertThat(figure("top-offres", YEAR_2015, chefB)).containsExactly(Map.entry(label("F156"), "1"));

        String html = page(YEAR_2015, chefA);
        assertThat(keyFigure(html, "Demandes déposées")).isEqualTo("4");
        assertThat(html).doesNotContain("F156").doesNotContain("Adhésions par mois");
        mvc.perform(get("/statistiques/adhesions-par-mois.csv" + YEAR_2015).with(as(chefA)))
                .andExpect(status().isNotFound());
        // another chef's offer asked for by hand: refused next to the field, never counted
        String other = page(YEAR_2015 + "&offre=F156", chefA);
        assertThat(other).contains("Choisissez une offre de la liste.");
        assertThat(keyFigure(other, "Demandes déposées")).isEqualTo("4");
        assertThat(figure("top-offres", YEAR_2015 + "&offre=F156", chefA))
                .containsExactly(Map.entry(label("O03"), "4"));
    }

    @Test
    void filtersKeepTheirRequestsOnly() throws Exception {
        assertThat(keyFigure(page(YEAR_2015 + "&canton=PROVINS", admin), "Demandes déposées"))
                .isEqualTo("2");
        assertThat(figure("par-canton", YEAR_2015 + "&canton=PROVINS", admin))
                .containsExactly(Map.entry("Provins", "2"));
        assertThat(keyFigure(page(YEAR_2015 + "&offre=f156", admin), "Demandes déposées"))
                .isEqualTo("1");
        assertThat(keyFigure(page(YEAR_2015 + "&domaine=amenagement-urbanisme", admin), "Demandes déposées"))
                .isEqualTo("4");
        assertThat(figure("par-mois", "?periode=dates&du=2015-03-01&au=2015-04-30", admin))
                .containsExactly(Map.entry("Mars 2015", "2"), Map.entry("Avril 2015", "1"));
        // dd/mm/yyyy is read too
        assertThat(keyFigure(page("?periode=dates&du=01/03/2015&au=31/03/2015", admin), "Demandes déposées"))
                .isEqualTo("2");
        String unknown = page(YEAR_2015 + "&canton=ATLANTIDE&domaine=inconnu", admin);
        assertThat(unknown)
                .contains("Choisissez un canton de la liste.")
                .contains("Choisissez un domaine de la liste.");
        assertThat(keyFigure(unknown, "Demandes déposées")).isEqualTo("5");
    }

    @Test
    void badDatesAreRefusedInFrenchNextToTheirFieldNeverWithAnError() throws Exception {
        String html = page("?periode=dates&du=2015-02-30&au=demain", admin);
        assertThat(html)
                .contains("Date de début invalide : écrivez-la sous la forme jj/mm/aaaa.")
                .contains("Date de fin invalide : écrivez-la sous la forme jj/mm/aaaa.")
                .contains("id=\"du-erreur\"")
                .contains("aria-describedby=\"du-erreur\"");
        assertThat(page("?periode=dates&du=2015-12-31&au=2015-01-01", admin))
                .contains("La date de fin doit être le même jour que la date de début ou après.");
        assertThat(page("?periode=dates&du=2001-01-01&au=2015-01-01", admin))
                .contains("La période ne peut pas dépasser 10 ans.");
        assertThat(page("?periode=dates&au=2015-01-01", admin)).contains("Indiquez la date de début de la période.");
        assertThat(page("?periode=dates&du=1890-01-01&au=2015-01-01", admin))
                .contains("Choisissez une date de début entre 2000 et 2100.");
        // the figures of this year are shown meanwhile; a CSV with bad dates gives this year's too
        assertThat(figure("par-mois", "?periode=dates&du=x&au=y", admin)).isNotEmpty();
    }

    @Test
    void onlyAdminsAndChefsDeFileSeeStatistics() throws Exception {
        mvc.perform(get("/statistiques").with(as(member))).andExpect(status().isForbidden());
        mvc.perform(get("/statistiques/par-mois.csv").with(as(member))).andExpect(status().isForbidden());
        mvc.perform(get("/statistiques")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/statistiques/inconnu.csv").with(as(admin))).andExpect(status().isNotFound());
        assertThat(page("", admin)).contains("href=\"/statistiques\"");
    }

    private String label(String code) {
        return jdbc.sql("SELECT code || ' – ' || title FROM offer WHERE code = ?")
                .param(code)
                .query(String.class)
                .single();
    }

    private static List<String> row(List<List<String>> rows, String first) {
        return rows.stream().filter(r -> r.getFirst().equals(first)).findFirst().orElseThrow();
    }

    private static String keyFigure(String html, String name) {
        return StatisticsTestData.keyFigure(html, name);
    }
}
