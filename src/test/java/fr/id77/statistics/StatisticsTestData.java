package fr.id77.statistics;

import static fr.id77.account.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.id77.account.CurrentUser;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Requests and their history written as the requests module writes them, and the page read back, for the tests. */
final class StatisticsTestData {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private StatisticsTestData() {}

    /** A request waiting (« En attente ») filed at {@code filed} (Paris time), with its creation in its history. */
    static long request(JdbcClient jdbc, long offerId, long collectivityId, long byUserId, String filed) {
        long id = jdbc.sql("INSERT INTO request (offer_id, collectivity_id, created_by, status, created_at) "
                        + "VALUES (:offer, :c, :by, 'EN_ATTENTE', :at) RETURNING id")
                .param("offer", offerId)
                .param("c", collectivityId)
                .param("by", byUserId)
                .param("at", at(filed))
                .query(Long.class)
                .single();
        jdbc.sql("INSERT INTO request_event (request_id, kind, actor_id, to_status, created_at) "
                        + "VALUES (:r, 'CREATED', :by, 'EN_ATTENTE', :at)")
                .param("r", id)
                .param("by", byUserId)
                .param("at", at(filed))
                .update();
        return id;
    }

    /** A status change in the request's history at {@code when} (Paris time). */
    static void history(JdbcClient jdbc, long requestId, long actorId, String from, String to, String when) {
        jdbc.sql("INSERT INTO request_event (request_id, kind, actor_id, from_status, to_status, created_at) "
                        + "VALUES (:r, 'STATUS', :by, :from, :to, :at)")
                .param("r", requestId)
                .param("by", actorId)
                .param("from", from)
                .param("to", to)
                .param("at", at(when))
                .update();
    }

    static Timestamp at(String parisTime) {
        return Timestamp.from(LocalDateTime.parse(parisTime).atZone(PARIS).toInstant());
    }

    static String page(MockMvc mvc, String query, CurrentUser who) throws Exception {
        return mvc.perform(get("/statistiques" + query).with(as(who)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** The text of a key figure (its dd), spaces normalised. */
    static String keyFigure(String html, String name) {
        Matcher m = Pattern.compile("<dt>" + Pattern.quote(name) + "</dt>\\s*<dd>(.*?)</dd>", Pattern.DOTALL)
                .matcher(html);
        assertThat(m.find()).as(name).isTrue();
        return m.group(1).replaceAll("<[^>]+>", "").replaceAll("\\s+", " ").strip();
    }
}
