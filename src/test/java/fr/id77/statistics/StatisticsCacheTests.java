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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The figures of {@code /statistiques} are kept computed and rendered per data version ({@link StatisticsCache}): a
 * second display is served from the cache, and any change to what they count — a new request, a status change, a
 * rating, an adhesion, a collectivity's canton — shows on the very next display; an admin and chefs de file never get
 * each other's figures. Requests filed in 2012 and 2013 (no other test files any then), on O05 (chef Ambroise) and O06 (chef
 * Bérénice), each change committed as a page, a job or another instance would.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsCacheTests {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String YEAR_2013 = "?periode=dates&du=2013-01-01&au=2013-12-31";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StatisticsCache cache;

    Fixtures f;
    Fixtures.Collectivity meaux;
    CurrentUser admin;
    CurrentUser chefA;
    CurrentUser chefB;
    CurrentUser member;
    long o05;
    long o06;

    @BeforeAll
    void data() {
        f = new Fixtures(jdbc);
        meaux = f.collectivity("Commune de Cacheville", "Meaux");
        admin = f.admin("Cyprien");
        chefA = f.chefDeFile("Ambroise");
        chefB = f.chefDeFile("Bérénice");
        member = f.adherent(meaux, "Mélisande");
        o05 = f.lead("O05", chefA);
        o06 = f.lead("O06", chefB);
        request(o05, "2013-03-04T10:00");
    }

    @Test
    void aSecondDisplayIsServedFromTheCacheAndEveryChangeShowsOnTheNextOne() throws Exception {
        assertThat(keyFigure(page(YEAR_2013, admin), "Demandes déposées")).isEqualTo("1");
        long misses = cache.stats().missCount();
        long hits = cache.stats().hitCount();
        assertThat(keyFigure(page(YEAR_2013, admin), "Demandes déposées")).isEqualTo("1");
        assertThat(cache.stats().missCount())
                .as("nothing changed: no new computation")
                .isEqualTo(misses);
        assertThat(cache.stats().hitCount()).isEqualTo(hits + 1);

        // a new request
        long r2 = request(o06, "2013-03-20T15:00");
        String html = page(YEAR_2013, admin);
        assertThat(keyFigure(html, "Demandes déposées")).isEqualTo("2");
        assertThat(row(html, "En cours")).isEqualTo("0");

        // a status change, as the requests' pages make it (the request and its history)
        jdbc.sql("UPDATE request SET status = 'EN_COURS' WHERE id = ?")
                .param(r2)
                .update();
        history(r2, "EN_ATTENTE", "EN_COURS", "2013-03-21T09:00");
        html = page(YEAR_2013, admin);
        assertThat(row(html, "En cours")).isEqualTo("1");
        assertThat(row(html, "En attente")).isEqualTo("1");
        jdbc.sql("UPDATE request SET status = 'TERMINEE' WHERE id = ?")
                .param(r2)
                .update();
        history(r2, "EN_COURS", "TERMINEE", "2013-03-28T09:00");
        html = page(YEAR_2013, admin);
        assertThat(row(html, "Terminée")).isEqualTo("1");
        assertThat(html).contains("Aucun avis sur les demandes de la période.");

        // a rating
        jdbc.sql("INSERT INTO request_rating (request_id, rating, rated_by, rated_at) VALUES (?, 4, ?, now())")
                .params(r2, member.id())
                .update();
        html = page(YEAR_2013, admin);
        assertThat(html).doesNotContain("Aucun avis sur les demandes de la période.");
        assertThat(html).contains("Satisfaction par offre");

        // an adhesion validated (the adhesions chart comes after the months')
        assertThat(lastRow(page(YEAR_2013, admin), "Mai 2013")).isEqualTo("0");
        jdbc.sql("INSERT INTO audit_entry (occurred_at, actor_name, action, subject_type, subject_id, subject_label) "
                        + "VALUES (?, 'Admin', 'ADHESION_VALIDATED', 'COLLECTIVITY', ?, 'Commune de Cacheville')")
                .params(at("2013-05-15T11:00"), meaux.id())
                .update();
        assertThat(lastRow(page(YEAR_2013, admin), "Mai 2013")).isEqualTo("1");

        // a collectivity moved to another canton
        assertThat(row(page(YEAR_2013, admin), "Meaux")).isEqualTo("2");
        jdbc.sql("UPDATE collectivity SET canton = 'MELUN' WHERE id = ?")
                .param(meaux.id())
                .update();
        html = page(YEAR_2013, admin);
        assertThat(row(html, "Meaux")).isEqualTo("0");
        assertThat(row(html, "Melun")).isEqualTo("2");
        jdbc.sql("UPDATE collectivity SET canton = 'MEAUX' WHERE id = ?")
                .param(meaux.id())
                .update();

        // a CSV download reads the same figures
        assertThat(csvLine("par-statut", YEAR_2013, admin, "Terminée")).isEqualTo("Terminée;1");
    }

    @Test
    void anAdminAndChefsDeFileNeverGetEachOthersFigures() throws Exception {
        String year2012 = "?periode=dates&du=2012-01-01&au=2012-12-31";
        request(o05, "2012-03-01T10:00");
        request(o06, "2012-04-01T10:00");
        request(o06, "2012-05-01T10:00");
        assertThat(keyFigure(page(year2012, chefA), "Demandes déposées")).isEqualTo("1");
        String all = page(year2012, admin);
        assertThat(keyFigure(all, "Demandes déposées")).isEqualTo("3");
        assertThat(all).contains("Adhésions par mois");

        // the admin's figures are cached now: the chefs still get theirs, never the admin's nor each other's
        String chefAgain = page(year2012, chefA);
        assertThat(keyFigure(chefAgain, "Demandes déposées")).isEqualTo("1");
        assertThat(chefAgain).doesNotContain("Adhésions par mois");
        assertThat(csvLine("top-offres", year2012, chefA, "O06")).isNull();
        String other = page(year2012, chefB);
        assertThat(keyFigure(other, "Demandes déposées")).isEqualTo("2");
        assertThat(other).doesNotContain("Adhésions par mois");
        assertThat(csvLine("top-offres", year2012, chefB, "O05")).isNull();
        assertThat(keyFigure(page(year2012, admin), "Demandes déposées")).isEqualTo("3");
        assertThat(csvLine("adhesions-par-mois", year2012, admin, "Mars 2012")).isNotNull();

        // an offer handed over to another chef: both scopes change at once
        f.lead("O06", chefA);
        try {
            assertThat(keyFigure(page(year2012, chefA), "Demandes déposées")).isEqualTo("3");
            assertThat(keyFigure(page(year2012, chefB), "Demandes déposées")).isEqualTo("0");
        } finally {
            f.lead("O06", chefB);
        }
    }

    private long request(long offerId, String filed) {
        return StatisticsTestData.request(jdbc, offerId, meaux.id(), member.id(), filed);
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

    /** The line of a CSV download that starts with {@code first}, or null. */
    private String csvLine(String figure, String query, CurrentUser who, String first) throws Exception {
        String csv = mvc.perform(get("/statistiques/" + figure + ".csv" + query).with(as(who)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return csv.lines().filter(l -> l.startsWith(first)).findFirst().orElse(null);
    }

    /** The value of the first row of a table whose header cell starts with {@code label}, or null. */
    private static String row(String html, String label) {
        Matcher m = rows(html, label);
        return m.find() ? m.group(1) : null;
    }

    private static String lastRow(String html, String label) {
        Matcher m = rows(html, label);
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        return last;
    }

    private static Matcher rows(String html, String label) {
        return Pattern.compile("<th scope=\"(?:row|col)\"[^>]*>" + Pattern.quote(label)
                        + "[^<]*</th>\\s*<td[^>]*>([^<]*)</td>")
                .matcher(html);
    }

    private static String keyFigure(String html, String name) {
        return StatisticsTestData.keyFigure(html, name);
    }
}
