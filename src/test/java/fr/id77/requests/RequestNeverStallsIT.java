package fr.id77.requests;

import static org.assertj.core.api.Assertions.assertThat;

import fr.id77.account.Accounts;
import fr.id77.account.NewAccount;
import fr.id77.account.Role;
import fr.id77.shared.time.DemoClock;
import fr.id77.support.BrowserTest;
import fr.id77.support.Fixtures;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 11 end to end, in a real browser, on a clock the test moves (never the wall time): a commune files, the chef de
 * file asks for compléments, the commune answers, the chef accepts; six weeks later the daily job reminds him that it
 * is late; he hands it to a colleague, who writes an internal note the commune never sees and completes it; the commune
 * rates it.
 */
@Import(RequestNeverStallsIT.MovableClock.class)
class RequestNeverStallsIT extends BrowserTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class MovableClock {
        @Bean
        @Primary
        DemoClock movableClock() {
            return new DemoClock();
        }
    }

    static final String PASSWORD = "Jamais-Bloquee-2026";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Accounts accounts;

    @Autowired
    DemoClock clock;

    @Autowired
    RequestReminders reminders;

    String member;
    String chef;
    String colleague;

    @BeforeAll
    void data() {
        Fixtures fixtures = new Fixtures(jdbc);
        Fixtures.Collectivity commune = fixtures.collectivity("Commune de Sans-Retard", "Meaux");
        long suffix = System.nanoTime() % 1_000_000;
        member = "sansretard" + suffix;
        chef = "chefsansretard" + suffix;
        colleague = "collegue" + suffix;
        accounts.createDemoAccount(
                new NewAccount(
                        member,
                        member + "@sans-retard.example",
                        "MME",
                        "Inès",
                        "Maire",
                        null,
                        Role.ADHERENT,
                        commune.id()),
                PASSWORD);
        accounts.createDemoAccount(
                new NewAccount(chef, chef + "@id77.example", "M", "Hugo", "Délai", null, Role.CHEF_DE_FILE, null),
                PASSWORD);
        accounts.createDemoAccount(
                new NewAccount(
                        colleague, colleague + "@id77.example", "MME", "Zoé", "Relève", null, Role.CHEF_DE_FILE, null),
                PASSWORD);
        // O38: answered within 10 working days, completed within 15
        jdbc.sql("UPDATE offer SET chef_de_file_id = (SELECT id FROM app_user WHERE identifiant = :c), "
                        + "answer_days = 10, completion_days = 15 WHERE code = 'O38'")
                .param("c", chef)
                .update();
    }

    @AfterAll
    void realTime() {
        clock.reset();
    }

    private void signIn(String who) {
        signInAs(who, PASSWORD);
    }

    private String status() {
        return find(By.cssSelector("h1 .status-badge")).getText();
    }

    private void awaitStatus(String expected) {
        waiting().ignoring(StaleElementReferenceException.class).until(d -> status().equals(expected));
    }

    @Test
    void filedAskedAnsweredAcceptedRemindedHandedOverNotedCompletedAndRated() {
        clock.moveTo(Instant.parse("2026-03-02T09:00:00Z")); // a Monday

        // the commune files
        signIn(member);
        visit("/demandes/nouvelle?offre=O38");
        new Select(find(By.id("referent"))).selectByIndex(1);
        find(By.id("message")).sendKeys("Nous voulons refaire le schéma des liaisons douces du bourg.");
        clickOn(By.cssSelector("main form button[type=submit]"));
        Matcher m = Pattern.compile("Demande N°(\\d+)")
                .matcher(find(By.tagName("h1")).getText());
        assertThat(m.find()).isTrue();
        int numero = Integer.parseInt(m.group(1));
        assertThat(find(By.id("delai")).getText()).startsWith("Réponse attendue avant le ");

        // the chef de file asks for compléments
        signIn(chef);
        visit("/demandes/" + numero);
        find(By.id("motif-complements")).sendKeys("Merci de joindre le plan du bourg.");
        clickOn(By.xpath("//button[contains(., 'Demander des compléments')]"));
        awaitStatus("Compléments demandés");
        checkAccessibility();

        // the commune answers two days later
        clock.moveTo(Instant.parse("2026-03-04T10:00:00Z"));
        signIn(member);
        visit("/demandes/" + numero);
        find(By.id("reponse")).sendKeys("Le plan est en mairie, nous vous l'apportons jeudi.");
        clickOn(By.xpath("//button[contains(., 'Transmettre les compléments')]"));
        awaitStatus("En attente");

        // the chef de file accepts
        signIn(chef);
        visit("/demandes/" + numero);
        clickOn(By.xpath("//button[contains(., 'Accepter la demande')]"));
        awaitStatus("En cours");
        checkAccessibility();

        // six weeks later, not completed: the morning job reminds him
        clock.moveTo(Instant.parse("2026-04-15T06:30:00Z"));
        assertThat(reminders.remindAll()).isPositive();
        signIn(chef);
        visit("/notifications");
        assertThat(find(By.tagName("main")).getText())
                .containsPattern("Relance : demande N°" + numero + " en retard de \\d+ jours ouvrés")
                .contains("devait être terminée au plus tard le");
        checkAccessibility();
        screenshot("relance-demande-en-retard");
        visit("/demandes/" + numero);
        assertThat(find(By.id("delai")).getText()).containsPattern("En retard de \\d+ j");

        // he hands it to a colleague
        new Select(find(By.id("agent"))).selectByVisibleText("Zoé Relève");
        find(By.id("motifTransfert")).sendKeys("Je pars en formation deux semaines.");
        clickOn(By.xpath("//button[contains(., 'Confier la demande')]"));
        waiting().until(d -> d.findElement(By.id("historique")).getText().contains("Demande confiée à Zoé Relève"));

        // she writes an internal note, which the commune never sees, then completes the request
        signIn(colleague);
        visit("/demandes/" + numero);
        find(By.id("note")).sendKeys("Devis du bureau d'études attendu : ne pas relancer la mairie.");
        clickOn(By.xpath("//button[contains(., 'Enregistrer la note interne')]"));
        waiting().until(d -> d.findElement(By.id("notes")).getText().contains("Devis du bureau d'études"));
        find(By.id("motif-terminee")).sendKeys("Schéma remis au conseil municipal.");
        clickOn(By.xpath("//button[contains(., 'Terminer la demande')]"));
        awaitStatus("Terminée");

        // the commune: no note, the invitation to rate, then its rating
        signIn(member);
        visit("/notifications");
        assertThat(find(By.tagName("main")).getText()).contains("Demande N°" + numero + " terminée");
        visit("/demandes/" + numero);
        String page = find(By.tagName("main")).getText();
        assertThat(page).doesNotContain("Devis du bureau d'études", "Note interne", "formation deux semaines");
        clickOn(By.cssSelector("label[for='note-4']"));
        find(By.id("avis-commentaire")).sendKeys("Suivi sérieux malgré le retard.");
        clickOn(By.xpath("//button[normalize-space()='Envoyer mon avis']"));
        waiting()
                .ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("avis")).getText().contains("4 sur 5 — Satisfait"));
        checkAccessibility();
        String history = find(By.id("historique")).getText();
        assertThat(history)
                .contains(
                        "En attente → Compléments demandés",
                        "Compléments demandés → En attente",
                        "En attente → En cours",
                        "Demande confiée à Zoé Relève",
                        "En cours → Terminée")
                .doesNotContain("Note interne");
        screenshot("demande-jamais-bloquee");
    }
}
