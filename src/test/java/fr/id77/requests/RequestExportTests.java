package fr.id77.requests;

import static fr.id77.account.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.id77.account.CurrentUser;
import fr.id77.shared.time.TimeConfiguration;
import fr.id77.support.ExportFiles;
import fr.id77.support.Fixtures;
import fr.id77.support.QueryCounting;
import fr.id77.support.RequestRows;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * « Exporter » on the « Demandes » list: the rows of the list with its filters, for the person's scope only, read
 * back from CSV and XLSX; the steps' dates from the history and the working days between them (across the 1st and the
 * 8th of May and Ascension); a fixed number of statements whatever the number of rows.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(QueryCounting.class)
class RequestExportTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RequestWorkflow workflow;

    @Autowired
    RequestConversation conversation;

    String town;
    Fixtures.Collectivity commune;
    CurrentUser member;
    CurrentUser otherMember;
    CurrentUser chef;
    CurrentUser otherChef;
    CurrentUser admin;
    long o36;
    long o37;
    /** Commune's request on O36, accepted then completed, with two comments and a file. */
    int completed;
    /** Commune's request on O37 (another chef de file), waiting. */
    int waiting;
    /** Another collectivity's request on O36. */
    int elsewhere;

    @BeforeEach
    void requestsOfTwoCollectivitiesOnTwoOffers() {
        Fixtures f = new Fixtures(jdbc);
        town = "Exportville" + System.nanoTime();
        commune = f.collectivity("Commune d'" + town, "Nemours");
        Fixtures.Collectivity away = f.collectivity("Commune de Loin" + System.nanoTime(), "Provins");
        member = f.adherent(commune, "Pia");
        otherMember = f.adherent(away, "Bruno");
        chef = f.chefDeFile("Hugo");
        otherChef = f.chefDeFile("Lucie");
        admin = f.admin("Alain");
        o36 = f.lead("O36", chef);
        o37 = f.lead("O37", otherChef);
        Actor pia = RequestPages.actor(member);
        Actor hugo = RequestPages.actor(chef);
        completed = workflow.file(pia, o36, chef.id(), commune.referentId());
        conversation.comment(completed, "Bonjour, où en est-on ?", null, pia);
        conversation.comment(completed, "Nous passons mardi.", null, hugo);
        jdbc.sql("INSERT INTO request_attachment (request_id, file_name, content_type, size_bytes, storage_key, "
                        + "uploaded_by) SELECT id, 'plan.pdf', 'application/pdf', 10, :key, :by FROM request "
                        + "WHERE numero = :n")
                .param("key", UUID.randomUUID().toString())
                .param("by", member.id())
                .param("n", completed)
                .update();
        workflow.changeStatus(completed, RequestStatus.EN_COURS, null, version(completed), hugo);
        workflow.changeStatus(completed, RequestStatus.TERMINEE, null, version(completed), hugo);
        // Filed on Thursday 30 April 2026, accepted on Tuesday 5 May (1 May is a holiday: 2 working days), completed
        // on Friday 15 May (8 May and Ascension, 14 May, are holidays: 8 working days).
        at(completed, "created", Instant.parse("2026-04-30T10:00:00Z"));
        at(completed, "EN_COURS", Instant.parse("2026-05-05T08:30:00Z"));
        at(completed, "TERMINEE", Instant.parse("2026-05-15T14:00:00Z"));
        waiting = workflow.file(pia, o37, otherChef.id(), commune.secondReferentId());
        at(waiting, "created", Instant.parse("2026-06-01T07:00:00Z"));
        elsewhere = workflow.file(RequestPages.actor(otherMember), o36, chef.id(), away.referentId());
    }

    @Test
    void aMemberExportsHisCollectivitysRequestsAsCsvWithTheirStepsAndNames() throws Exception {
        byte[] csv = mvc.perform(get("/demandes/export.csv").with(as(member)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
                .andExpect(header().string(
                                "Content-Disposition",
                                "attachment; filename=\"demandes-" + LocalDate.now(TimeConfiguration.PARIS) + ".csv\""))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        List<List<String>> rows = ExportFiles.csv(csv);

        assertThat(rows.getFirst()).isEqualTo(RequestExport.HEADERS);
        assertThat(numbers(rows)).containsExactly(waiting, completed); // the list's order: newest first
        assertThat(rows.get(2)).isEqualTo(expectedCompletedRow());
        assertThat(rows.get(1).get(1)).isEqualTo("En attente");
        assertThat(rows.get(1).subList(3, 7)).containsOnly("");
        assertThat(rows.get(1).subList(19, 21)).containsOnly("");
    }

    @Test
    void theXlsxHoldsTheSameRows() throws Exception {
        byte[] xlsx = mvc.perform(get("/demandes/export.xlsx").with(as(member)))
                .andExpect(status().isOk())
                .andExpect(header().string(
                                "Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .andExpect(header().string(
                                "Content-Disposition",
                                "attachment; filename=\"demandes-" + LocalDate.now(TimeConfiguration.PARIS)
                                        + ".xlsx\""))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        List<List<String>> rows = ExportFiles.xlsx(xlsx);

        assertThat(rows.getFirst()).isEqualTo(RequestExport.HEADERS);
        assertThat(numbers(rows)).containsExactly(waiting, completed);
        assertThat(rows.get(2)).isEqualTo(expectedCompletedRow());
    }

    private List<String> expectedCompletedRow() {
        return List.of(
                String.valueOf(completed),
                "Terminée",
                "30/04/2026 12:00",
                "05/05/2026 10:30",
                "",
                "15/05/2026 16:00",
                "",
                "O36",
                offerTitle("O36"),
                jdbc.sql("SELECT string_agg(d.label, ', ' ORDER BY d.label) FROM offer_domain od "
                                + "JOIN domain d ON d.id = od.domain_id WHERE od.offer_id = :o")
                        .param("o", o36)
                        .query(String.class)
                        .single(),
                jdbc.sql("SELECT coalesce(string_agg(t.label, ', ' ORDER BY t.label), '') FROM offer_thematic ot "
                                + "JOIN thematic t ON t.id = ot.thematic_id WHERE ot.offer_id = :o")
                        .param("o", o36)
                        .query(String.class)
                        .single(),
                commune.name(),
                "Nemours",
                "Pia Test",
                "Anne Test",
                "Hugo Test",
                "",
                "2",
                "1",
                "2",
                "8",
                "", // nothing due once completed
                "");
    }

    @Test
    void theLateFilterAndSortApplyAndEachRowSaysItsDeadlineAndLateness() throws Exception {
        jdbc.sql("UPDATE request SET due_on = DATE '2026-06-15' WHERE numero = :n")
                .param("n", waiting)
                .update();
        List<List<String>> rows = ExportFiles.csv(mvc.perform(get("/demandes/export.csv")
                        .param("retard", "oui")
                        .param("tri", "retard")
                        .param("collectivite", town)
                        .with(as(admin)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray());
        assertThat(numbers(rows)).containsExactly(waiting);
        assertThat(rows.get(1).get(21)).isEqualTo("15/06/2026");
        assertThat(Long.parseLong(rows.get(1).get(22)))
                .isEqualTo(
                        RequestDeadlines.lateBy(LocalDate.parse("2026-06-15"), LocalDate.now(TimeConfiguration.PARIS)))
                .isPositive();
    }

    @Test
    void anotherCollectivitysMemberExportsOnlyHisOwn() throws Exception {
        assertThat(numbers(csv(get("/demandes/export.csv").with(as(otherMember)))))
                .contains(elsewhere)
                .doesNotContain(completed, waiting);
    }

    @Test
    void aChefDeFileExportsOnlyWhatHisListShowsNeverAnotherChefsOffers() throws Exception {
        assertThat(numbers(csv(get("/demandes/export.csv").with(as(chef)))))
                .contains(completed, elsewhere)
                .doesNotContain(waiting);
        assertThat(numbers(csv(
                        get("/demandes/export.xlsx").param("collectivite", town).with(as(otherChef)),
                        ExportFiles::xlsx)))
                .containsExactly(waiting);
    }

    @Test
    void theListsFiltersApplyAndEveryPageIsExported() throws Exception {
        assertThat(numbers(csv(get("/demandes/export.csv")
                        .param("collectivite", town)
                        .param("statut", "EN_ATTENTE")
                        .param("page", "7")
                        .with(as(admin)))))
                .containsExactly(waiting);
        assertThat(numbers(csv(get("/demandes/export.csv")
                        .param("collectivite", town)
                        .param("prestation", "O36")
                        .with(as(admin)))))
                .containsExactly(completed);
        assertThat(numbers(csv(get("/demandes/export.csv")
                        .param("canton", "NEMOURS")
                        .param("collectivite", town)
                        .param("tri", "anciennes")
                        .with(as(admin)))))
                .containsExactly(completed, waiting);
    }

    @Test
    void aFilterTheListRefusesIsLeftOutAsTheListDoes() throws Exception {
        assertThat(numbers(csv(get("/demandes/export.csv")
                        .param("collectivite", town)
                        .param("canton", "Atlantide")
                        .param("statut", "PERDUE")
                        .with(as(admin)))))
                .containsExactly(waiting, completed);
    }

    @Test
    void theListLinksToItsExportsWithItsFilters() throws Exception {
        String page = mvc.perform(get("/demandes")
                        .param("collectivite", town)
                        .param("statut", "EN_ATTENTE")
                        .with(as(admin)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("href=\"/demandes/export.csv?statut=EN_ATTENTE&amp;collectivite=" + town + "\"")
                .contains("href=\"/demandes/export.xlsx?statut=EN_ATTENTE&amp;collectivite=" + town + "\"");
    }

    @Test
    void anonymousPeopleAreSentToSignInAndAnUnknownFormatIsNotFound() throws Exception {
        mvc.perform(get("/demandes/export.csv")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/demandes/export.pdf").with(as(member))).andExpect(status().isNotFound());
    }

    @Test
    void theStatementsAreAFixedNumberWhateverTheNumberOfRows() throws Exception {
        MockHttpServletRequestBuilder export =
                get("/demandes/export.csv").param("collectivite", town).with(as(admin));
        QueryCounting.reset();
        assertThat(numbers(csv(export))).hasSize(2);
        long few = QueryCounting.count();
        List<String> statements = QueryCounting.statements();

        Actor pia = RequestPages.actor(member);
        for (String code : List.of("O01", "O02", "O03", "O04", "O55")) {
            long offer = new Fixtures(jdbc).lead(code, chef);
            int numero = workflow.file(pia, offer, chef.id(), commune.secondReferentId());
            conversation.comment(numero, "Une question.", null, pia);
        }
        QueryCounting.reset();
        assertThat(numbers(csv(export))).hasSize(7);

        // the offers, the collectivities of the filter, the ids the rows name, their names (membership, account),
        // SET LOCAL jit, the rows
        assertThat(QueryCounting.count())
                .as(QueryCounting.statements().toString())
                .isEqualTo(few);
        assertThat(few).as(statements.toString()).isLessThanOrEqualTo(7);
    }

    private List<List<String>> csv(MockHttpServletRequestBuilder request) throws Exception {
        return csv(request, ExportFiles::csv);
    }

    private List<List<String>> csv(MockHttpServletRequestBuilder request, Function<byte[], List<List<String>>> parse)
            throws Exception {
        return parse.apply(mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray());
    }

    private static List<Integer> numbers(List<List<String>> rows) {
        return rows.stream().skip(1).map(r -> Integer.parseInt(r.getFirst())).toList();
    }

    private String offerTitle(String code) {
        return jdbc.sql("SELECT title FROM offer WHERE code = :c")
                .param("c", code)
                .query(String.class)
                .single();
    }

    private long version(int numero) {
        return RequestRows.version(jdbc, numero);
    }

    /** Moves a request's filing ({@code created}) or its move to a status back to {@code instant}. */
    private void at(int numero, String step, Instant instant) {
        if (step.equals("created")) {
            jdbc.sql("UPDATE request SET created_at = :at WHERE numero = :n")
                    .param("at", Timestamp.from(instant))
                    .param("n", numero)
                    .update();
        } else {
            jdbc.sql("UPDATE request_event SET created_at = :at WHERE to_status = :s "
                            + "AND request_id = (SELECT id FROM request WHERE numero = :n)")
                    .param("at", Timestamp.from(instant))
                    .param("s", step)
                    .param("n", numero)
                    .update();
        }
    }
}
