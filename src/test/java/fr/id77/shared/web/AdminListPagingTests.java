package fr.id77.shared.web;

import static fr.id77.account.TestUsers.admin;
import static fr.id77.account.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The accounts and collectivities of the whole département are searched and read 50 at a time: a page never
 * renders every row, its links keep the search, and a page past the end shows the last one.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AdminListPagingTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private String page(String url) throws Exception {
        return mvc.perform(get(url).with(as(admin(1))))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** The rows whose first cell starts with {@code first} (an identifiant, a name). */
    private static long rows(String html, String first) {
        return Pattern.compile("<tr>\\s*<td>" + Pattern.quote(first))
                .matcher(html)
                .results()
                .count();
    }

    @Test
    void accountsAreSearchedAndPaged() throws Exception {
        String prefix = "pg" + UUID.randomUUID().toString().substring(0, 6);
        jdbc.sql("INSERT INTO app_user (identifiant, email, first_name, last_name, role, status) "
                        + "SELECT :p || g, :p || g || '@example.test', 'Jeanne', 'Page' || g, 'CHEF_DE_FILE', 'ACTIVE' "
                        + "FROM generate_series(1, 60) g")
                .param("p", prefix)
                .update();

        String first = page("/admin/comptes?q=" + prefix.toUpperCase());
        assertThat(first)
                .contains("60 comptes trouvés, page 1 sur 2")
                .contains("href=\"/admin/comptes?q=" + prefix.toUpperCase() + "&amp;page=2\"");
        assertThat(rows(first, prefix)).isEqualTo(50);

        String second = page("/admin/comptes?q=" + prefix + "&page=2");
        assertThat(rows(second, prefix)).isEqualTo(10);
        assertThat(page("/admin/comptes?q=" + prefix + "&page=99")).contains("page 2 sur 2");
        assertThat(page("/admin/comptes?q=" + prefix + "&page=abc")).contains("page 1 sur 2");

        // by name too, and the LIKE characters typed are searched as themselves
        assertThat(page("/admin/comptes?q=page60")).contains("<td>" + prefix + "60</td>");
        assertThat(page("/admin/comptes?q=" + prefix + "%25")).contains("Aucun compte ne correspond");
        assertThat(rows(page("/admin/comptes"), "<tr>"))
                .as("never every account at once")
                .isLessThanOrEqualTo(51);
    }

    @Test
    void collectivitiesAreSearchedAndPaged() throws Exception {
        String prefix = "Commune-Pg" + UUID.randomUUID().toString().substring(0, 6);
        jdbc.sql("INSERT INTO collectivity (name, category, siret, population, canton, representative_title, "
                        + "representative_civility, representative_first_name, representative_last_name, referent_civility, "
                        + "referent_first_name, referent_last_name, status) SELECT :p || ' ' || lpad(g::text, 2, '0'), 'COMMUNE', "
                        + "'21770288500019', 100, 'MELUN', 'MAIRE', 'M', 'Jean', 'Maire', 'MME', 'Anne', 'Referente', 'ACTIVE' "
                        + "FROM generate_series(1, 55) g")
                .param("p", prefix)
                .update();

        String first = page("/admin/collectivites?q=" + prefix.toLowerCase());
        assertThat(first).contains("55 collectivités et l&#39;état de leur adhésion, page 1 sur 2");
        assertThat(rows(first, prefix)).isEqualTo(50);
        assertThat(first).contains(prefix + " 01").doesNotContain(prefix + " 51");
        String second = page("/admin/collectivites?q=" + prefix + "&page=2");
        assertThat(rows(second, prefix)).isEqualTo(5);
        assertThat(second).contains(prefix + " 55");
    }
}
