package fr.id77.requests;

import static org.assertj.core.api.Assertions.assertThat;

import fr.id77.account.Accounts;
import fr.id77.account.NewAccount;
import fr.id77.account.Role;
import fr.id77.shared.time.TimeConfiguration;
import fr.id77.support.BrowserTest;
import fr.id77.support.ExportFiles;
import fr.id77.support.Fixtures;
import fr.id77.support.RequestRows;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A member filters the « Demandes » list on « En attente » and clicks « Exporter » CSV then XLSX: the downloaded
 * files, read back, hold the list's rows with that filter, and nothing else.
 */
class RequestExportIT extends BrowserTest {

    static final String PASSWORD = "Export-Test-2026";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Accounts accounts;

    @Autowired
    RequestWorkflow workflow;

    String member;
    int waiting;
    int accepted;

    @BeforeAll
    void aMemberWithAWaitingAndAnAcceptedRequest() {
        Fixtures f = new Fixtures(jdbc);
        Fixtures.Collectivity commune = f.collectivity("Commune d'Exportbourg" + System.nanoTime(), "Nemours");
        member = "export" + System.nanoTime() % 1_000_000;
        accounts.createDemoAccount(
                new NewAccount(
                        member,
                        member + "@export.example",
                        "MME",
                        "Anne",
                        "Export",
                        "01 60 00 00 00",
                        Role.ADHERENT,
                        commune.id()),
                PASSWORD);
        long memberId = jdbc.sql("SELECT id FROM app_user WHERE identifiant = :i")
                .param("i", member)
                .query(Long.class)
                .single();
        Actor anne = Actor.adherent(memberId, commune.id());
        Actor chef = RequestPages.actor(f.chefDeFile("Paul"));
        long o36 = f.lead("O36", f.chefDeFile("Hugo"));
        long o37 = jdbc.sql("UPDATE offer SET chef_de_file_id = :u WHERE code = 'O37' RETURNING id")
                .param("u", chef.userId())
                .query(Long.class)
                .single();
        waiting = workflow.file(anne, o36, null, commune.referentId());
        accepted = workflow.file(anne, o37, chef.userId(), commune.referentId());
        workflow.changeStatus(accepted, RequestStatus.EN_COURS, null, RequestRows.version(jdbc, accepted), chef);
    }

    @Test
    void theExportsOfAFilteredListHoldItsRows() {
        signInAs(member, PASSWORD);
        visit("/demandes");
        new Select(find(By.id("statut"))).selectByValue("EN_ATTENTE");
        clickOn(By.cssSelector("form[role=search] button[type=submit]"));
        assertThat(pathOnceItContains("statut=EN_ATTENTE")).contains("statut=EN_ATTENTE");
        checkAccessibility();
        screenshot("requests-list-export");
        String today = LocalDate.now(TimeConfiguration.PARIS).toString();

        clickOn(By.partialLinkText("CSV"));
        List<List<String>> csv = ExportFiles.csv(downloaded("demandes-" + today + ".csv"));
        clickOn(By.partialLinkText("Excel (XLSX)"));
        List<List<String>> xlsx = ExportFiles.xlsx(downloaded("demandes-" + today + ".xlsx"));

        for (List<List<String>> rows : List.of(csv, xlsx)) {
            assertThat(rows.getFirst()).isEqualTo(RequestExport.HEADERS);
            assertThat(rows).hasSize(2);
            assertThat(rows.get(1).subList(0, 2)).containsExactly(String.valueOf(waiting), "En attente");
            assertThat(rows.get(1).get(7)).isEqualTo("O36");
            assertThat(rows.get(1).get(13)).isEqualTo("Anne Export");
        }
    }
}
