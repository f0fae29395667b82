package fr.id77.membership;

import static fr.id77.account.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.id77.account.CurrentUser;
import fr.id77.support.ExportFiles;
import fr.id77.support.Fixtures;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The administrators' export of the collectivities: one row each, its members and referents in place listed inside. */
@SpringBootTest
@AutoConfigureMockMvc
class CollectivityExportTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    Fixtures.Collectivity commune;
    CurrentUser member;
    CurrentUser admin;

    @BeforeEach
    void aCollectivityWithTwoMembersAndAReferentRemoved() {
        Fixtures f = new Fixtures(jdbc);
        commune = f.collectivity("Commune d'Exportville" + System.nanoTime(), "Nemours");
        member = f.adherent(commune, "Pia");
        f.adherent(commune, "Zoé");
        jdbc.sql("UPDATE app_user SET status = 'SUSPENDED' WHERE first_name = 'Zoé' AND collectivity_id = :c")
                .param("c", commune.id())
                .update();
        jdbc.sql("UPDATE technical_referent SET removed_at = now() WHERE id = :r")
                .param("r", commune.secondReferentId())
                .update();
        admin = f.admin("Alain");
    }

    @Test
    void csvAndXlsxHoldTheSameRowForTheCollectivity() throws Exception {
        for (String format : List.of("csv", "xlsx")) {
            Function<byte[], List<List<String>>> parse = format.equals("csv") ? ExportFiles::csv : ExportFiles::xlsx;
            List<List<String>> rows = parse.apply(
                    mvc.perform(get("/admin/collectivites/export." + format).with(as(admin)))
                            .andExpect(status().isOk())
                            .andExpect(header().string(
                                            "Content-Disposition",
                                            org.hamcrest.Matchers.matchesPattern(
                                                    "attachment; filename=\"collectivites-\\d{4}-\\d{2}-\\d{2}\\."
                                                            + format + "\"")))
                            .andReturn()
                            .getResponse()
                            .getContentAsByteArray());
            assertThat(rows.getFirst()).as(format).isEqualTo(CollectivityExport.HEADERS);
            List<String> row = rows.stream()
                    .filter(r -> r.getFirst().equals(commune.name()))
                    .findFirst()
                    .orElseThrow();
            assertThat(row.subList(1, 6))
                    .as(format)
                    .containsExactly("Communes", "21770288500019", "3400", "Nemours", "Adhérente");
            assertThat(row.subList(8, 10)).as(format).containsExactly("Maire, M. Jean Maire", "Mme Anne Referente");
            assertThat(row.subList(11, 15))
                    .as(format)
                    .containsExactly(
                            "2",
                            "Pia Test <" + email("app_user", member.id()) + ">\nZoé Test <" + zoeEmail()
                                    + "> – compte « suspendu »",
                            "1",
                            "Anne Test (Chargé de projet, Urbanisme) <"
                                    + email("technical_referent", commune.referentId()) + "> 01 60 90 89 90");
        }
    }

    private String email(String table, long id) {
        return jdbc.sql("SELECT email FROM " + table + " WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    private String zoeEmail() {
        return jdbc.sql("SELECT email FROM app_user WHERE first_name = 'Zoé' AND collectivity_id = :c")
                .param("c", commune.id())
                .query(String.class)
                .single();
    }

    @Test
    void onlyAdministratorsExport() throws Exception {
        mvc.perform(get("/admin/collectivites/export.csv").with(as(member))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/collectivites/export.xlsx")).andExpect(status().is3xxRedirection());
        String page = mvc.perform(get("/admin/collectivites").with(as(admin)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("href=\"/admin/collectivites/export.csv\"", "href=\"/admin/collectivites/export.xlsx\"");
    }
}
