package fr.id77.requests;

import static fr.id77.account.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.id77.account.CurrentUser;
import fr.id77.support.Fixtures;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The « Demandes » list read page by page (issue 13): a page in the second half of a list is read from its end, in the
 * reverse order, and the admins' status counts are kept by the database. Whatever the way a page is read, every sort
 * shows every request exactly once, in its order, ties on the filing instant broken by the number.
 */
@SpringBootTest(properties = "id77.requests.list.merged-from=5") // page 2 of a chef de file merged, 1 and 3 walked
@AutoConfigureMockMvc
class RequestListPagingTests {

    private static final Pattern ROW = Pattern.compile("<td data-label=\"Demande N°\"><a href=\"/demandes/(\\d+)\">");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RequestWorkflow workflow;

    CurrentUser member;
    CurrentUser admin;
    String town;

    /** The 47 requests of one collectivity: numero → filing instant. */
    final Map<Integer, Instant> filed = new TreeMap<>();

    @BeforeEach
    void aCollectivityWithThreePagesOfRequests() {
        Fixtures f = new Fixtures(jdbc);
        town = "Paginville" + System.nanoTime();
        Fixtures.Collectivity commune = f.collectivity("Commune de " + town, "Nemours");
        member = f.adherent(commune, "Pia");
        admin = f.admin("Alain");
        CurrentUser chef = f.chefDeFile("Hugo");
        long offer = f.lead("O36", chef);
        Actor actor = Actor.adherent(member.id(), commune.id());
        Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < 47; i++) {
            int numero = workflow.file(actor, offer, chef.id(), commune.referentId());
            // four requests share each filing instant, and the instants do not follow the numbers: the number
            // decides between requests filed at the same instant; they span four months, which a deep page skips
            Instant at = base.minus((i * 7) % 12 * 9L, ChronoUnit.DAYS);
            jdbc.sql("UPDATE request SET created_at = :at WHERE numero = :n")
                    .param("at", Timestamp.from(at))
                    .param("n", numero)
                    .update();
            filed.put(numero, at);
        }
    }

    private List<Integer> newestFirst() {
        return filed.keySet().stream()
                .sorted(Comparator.comparing((Integer n) -> filed.get(n))
                        .thenComparing(n -> n)
                        .reversed())
                .toList();
    }

    private List<Integer> rows(String query, CurrentUser user) throws Exception {
        String html = mvc.perform(get("/demandes" + query).with(as(user)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        List<Integer> numeros = new ArrayList<>();
        Matcher m = ROW.matcher(html);
        while (m.find()) {
            numeros.add(Integer.parseInt(m.group(1)));
        }
        return numeros;
    }

    private List<Integer> allPages(String query, CurrentUser user) throws Exception {
        List<Integer> all = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            all.addAll(rows(query + "page=" + page, user));
        }
        return all;
    }

    @Test
    void everyPageShowsItsRowsInTheListsOrderWhetherReadFromTheStartOrFromTheEnd() throws Exception {
        List<Integer> expected = newestFirst();
        // page 1 read forwards, pages 2 (rows 21-40) and 3 (41-47) from the end
        assertThat(rows("?page=1", member)).isEqualTo(expected.subList(0, 20));
        assertThat(rows("?page=2", member)).isEqualTo(expected.subList(20, 40));
        assertThat(rows("?page=3", member)).isEqualTo(expected.subList(40, 47));
        assertThat(rows("?page=9", member)).as("past the end: the last page").isEqualTo(expected.subList(40, 47));

        assertThat(allPages("?tri=anciennes&", member)).isEqualTo(expected.reversed());
        assertThat(allPages("?tri=numero&", member))
                .isEqualTo(filed.keySet().stream()
                        .sorted(Comparator.reverseOrder())
                        .toList());
        // an admin's list narrowed to this collectivity reads the same rows
        assertThat(allPages("?collectivite=" + town + "&", admin)).isEqualTo(expected);
    }

    @Test
    void aPageDeepInTheWholeDepartementsListSkipsMonthsAndShowsTheSameRows() throws Exception {
        jdbc.sql("UPDATE request SET status = 'EN_COURS' WHERE numero IN (:n)")
                .param("n", newestFirst().subList(0, 10))
                .update();
        for (String status : List.of("", "statut=EN_COURS&")) {
            String where = status.isEmpty() ? "TRUE" : "status = 'EN_COURS'";
            long count = jdbc.sql("SELECT count(*) FROM request WHERE " + where)
                    .query(Long.class)
                    .single();
            // the pages around the middle of the list, read from either end (the database holds other tests' requests)
            long pages = (count + 19) / 20;
            for (long page = Math.max(1, pages / 2); page <= Math.min(pages, pages / 2 + 1); page++) {
                for (String tri : List.of("", "tri=anciennes&")) {
                    List<Integer> expected = jdbc.sql("SELECT numero FROM request r WHERE " + where + " ORDER BY "
                                    + RequestReadModel.order(tri.isEmpty() ? "recentes" : "anciennes", false)
                                    + " LIMIT 20 OFFSET :o")
                            .param("o", (page - 1) * 20)
                            .query(Integer.class)
                            .list();
                    assertThat(rows("?" + tri + status + "page=" + page, admin))
                            .as("page %d %s%s", page, tri, status)
                            .isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void theStatusSortKeepsEachStatusTogetherNewestFirstOnEveryPage() throws Exception {
        List<Integer> numeros = newestFirst();
        // every third request accepted, every fifth rejected (some of them both: then rejected)
        IntStream.range(0, numeros.size()).forEach(i -> {
            String to = i % 5 == 0 ? "REJETEE" : i % 3 == 0 ? "EN_COURS" : null;
            if (to != null) {
                jdbc.sql("UPDATE request SET status = :s WHERE numero = :n")
                        .param("s", to)
                        .param("n", numeros.get(i))
                        .update();
            }
        });
        List<String> order = List.of("EN_ATTENTE", "EN_COURS", "REJETEE");
        List<Integer> expected = IntStream.range(0, numeros.size())
                .boxed()
                .sorted(Comparator.comparing((Integer i) ->
                                order.indexOf(i % 5 == 0 ? "REJETEE" : i % 3 == 0 ? "EN_COURS" : "EN_ATTENTE"))
                        .thenComparing(i -> i))
                .map(numeros::get)
                .toList();
        assertThat(allPages("?tri=statut&", member)).isEqualTo(expected);
    }

    @Test
    void theAdminsCountsPerStatusAreTheRequestsOfEachStatus() throws Exception {
        int numero = newestFirst().getFirst();
        jdbc.sql("UPDATE request SET status = 'EN_COURS' WHERE numero = :n")
                .param("n", numero)
                .update();
        Map<String, Long> counted = new TreeMap<>();
        jdbc.sql("SELECT status, count(*) FROM request GROUP BY status").query(rs -> {
            counted.put(rs.getString(1), rs.getLong(2));
        });
        Map<String, Long> kept = new TreeMap<>();
        jdbc.sql("SELECT status, requests FROM request_status_count WHERE requests > 0")
                .query(rs -> {
                    kept.put(rs.getString(1), rs.getLong(2));
                });
        assertThat(kept).isEqualTo(counted);
        assertThat(jdbc.sql("SELECT offer_id || status, requests FROM request_offer_status_count WHERE requests > 0")
                        .query((rs, n) -> rs.getString(1) + "=" + rs.getLong(2))
                        .set())
                .as("the counts per offer and status (V37) too")
                .isEqualTo(jdbc.sql("SELECT offer_id || status, count(*) FROM request GROUP BY offer_id, status")
                        .query((rs, n) -> rs.getString(1) + "=" + rs.getLong(2))
                        .set());
        assertThat(jdbc.sql("SELECT status || month, requests FROM request_month_count WHERE requests > 0")
                        .query((rs, n) -> rs.getString(1) + "=" + rs.getLong(2))
                        .set())
                .as("the counts per month and status (V64)")
                .isEqualTo(jdbc.sql("SELECT status || request_month(created_at), count(*) FROM request GROUP BY 1")
                        .query((rs, n) -> rs.getString(1) + "=" + rs.getLong(2))
                        .set());
        assertThat(jdbc.sql("SELECT offer_id || status || month, requests FROM request_offer_month_count "
                                + "WHERE requests > 0")
                        .query((rs, n) -> rs.getString(1) + "=" + rs.getLong(2))
                        .set())
                .as("and per offer (V64)")
                .isEqualTo(jdbc.sql("SELECT offer_id || status || request_month(created_at), count(*) FROM request "
                                + "GROUP BY 1")
                        .query((rs, n) -> rs.getString(1) + "=" + rs.getLong(2))
                        .set());
        long all = counted.values().stream().mapToLong(Long::longValue).sum();
        String html = mvc.perform(get("/demandes").with(as(admin)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("Toutes <span class=\"badge text-bg-secondary\">" + all + "</span>");
        Matcher inProgress = Pattern.compile("En cours</span>\\s*<span class=\"badge text-bg-secondary\">(\\d+)<")
                .matcher(html);
        assertThat(inProgress.find()).isTrue();
        assertThat(Long.parseLong(inProgress.group(1))).isEqualTo(counted.get("EN_COURS"));
    }

    @Test
    void aChefDeFilesListShowsEachRequestOfHisScopeOnceInOrderWithItsCounts() throws Exception {
        Fixtures f = new Fixtures(jdbc);
        CurrentUser lea = f.chefDeFile("Léa");
        long other = f.lead("O37", lea);
        List<Integer> numeros = newestFirst();
        // her scope in all its parts, overlapping: the requests of the offer she leads (one moved there while she is
        // its responsable too), those she is responsable of, those she led before, and some both
        IntStream.range(0, numeros.size())
                .forEach(i -> jdbc.sql("UPDATE request SET "
                                + switch (i % 8) {
                                    case 0 -> "offer_id = :other, responsable_id = :lea";
                                    case 1, 5 -> "responsable_id = :lea";
                                    case 2, 6 -> "chef_de_file_id = :lea";
                                    case 3 -> "responsable_id = :lea, chef_de_file_id = :lea";
                                    default -> "status = 'EN_COURS'";
                                }
                                + " WHERE numero = :n")
                        .param("other", other)
                        .param("lea", lea.id())
                        .param("n", numeros.get(i))
                        .update());
        List<Integer> expected = jdbc.sql("SELECT r.numero FROM request r JOIN offer o ON o.id = r.offer_id "
                        + "WHERE o.chef_de_file_id = :lea OR r.responsable_id = :lea OR r.chef_de_file_id = :lea "
                        + "ORDER BY r.created_at DESC, r.numero DESC")
                .param("lea", lea.id())
                .query(Integer.class)
                .list();
        List<Integer> shown = new ArrayList<>();
        List<Integer> oldestFirst = new ArrayList<>();
        for (int page = 1; page <= (expected.size() + 19) / 20; page++) {
            shown.addAll(rows("?page=" + page, lea));
            oldestFirst.addAll(rows("?tri=anciennes&page=" + page, lea));
        }
        assertThat(shown).isEqualTo(expected);
        assertThat(oldestFirst).isEqualTo(expected.reversed());
        String html = mvc.perform(get("/demandes").with(as(lea)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("Toutes <span class=\"badge text-bg-secondary\">" + expected.size() + "</span>");
    }
}
