package fr.id77.catalogue;

import static fr.id77.account.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.id77.account.CurrentUser;
import fr.id77.support.ExportFiles;
import fr.id77.support.Fixtures;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The administrators' export of the catalogue: every offer, every field, its domains and thematics joined. */
@SpringBootTest
@AutoConfigureMockMvc
class CatalogueExportTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    CurrentUser chef;
    CurrentUser admin;

    @BeforeEach
    void o36IsLed() {
        Fixtures f = new Fixtures(jdbc);
        chef = f.chefDeFile("Hugo");
        admin = f.admin("Alain");
        f.lead("O36", chef);
    }

    @Test
    void everyOfferWithEveryFieldInCsvAndXlsx() throws Exception {
        long offers = jdbc.sql("SELECT count(*) FROM offer").query(Long.class).single();
        record Expected(String title, String typology, String organisation, String domains, String thematics) {}
        Expected o36 = jdbc.sql("SELECT o.title, t.label, org.name, "
                        + "(SELECT string_agg(d.label, ', ' ORDER BY d.position) FROM offer_domain od "
                        + "JOIN domain d ON d.id = od.domain_id WHERE od.offer_id = o.id), "
                        + "(SELECT string_agg(th.label, ', ') FROM offer_thematic ot "
                        + "JOIN thematic th ON th.id = ot.thematic_id WHERE ot.offer_id = o.id) "
                        + "FROM offer o JOIN typology t ON t.id = o.typology_id "
                        + "JOIN organisation org ON org.id = o.organisation_id WHERE o.code = 'O36'")
                .query((rs, n) -> new Expected(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .single();
        for (String format : List.of("csv", "xlsx")) {
            byte[] body = mvc.perform(get("/admin/offres/export." + format).with(as(admin)))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsByteArray();
            List<List<String>> rows = format.equals("csv") ? ExportFiles.csv(body) : ExportFiles.xlsx(body);
            assertThat(rows.getFirst()).as(format).isEqualTo(CatalogueExport.HEADERS);
            assertThat(rows).as(format).hasSize((int) offers + 1);
            List<String> row = rows.stream()
                    .filter(r -> r.getFirst().equals("O36"))
                    .findFirst()
                    .orElseThrow();
            assertThat(row.get(1)).isEqualTo(o36.title());
            assertThat(row.subList(4, 7)).as(format).containsExactly(o36.typology(), o36.organisation(), o36.domains());
            assertThat(row.get(7).split(", "))
                    .as(format)
                    .containsExactlyInAnyOrder(o36.thematics().split(", "));
            assertThat(row.get(11)).as(format).isEqualTo("oui");
            assertThat(row.get(13)).as(format).isEqualTo("Hugo Test");
            assertThat(row.get(14)).as(format).matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");
        }
    }

    @Test
    void onlyAdministratorsExport() throws Exception {
        mvc.perform(get("/admin/offres/export.xlsx").with(as(chef))).andExpect(status().isForbidden());
        String page = mvc.perform(get("/admin/offres").with(as(admin)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("href=\"/admin/offres/export.csv\"", "href=\"/admin/offres/export.xlsx\"");
    }
}
