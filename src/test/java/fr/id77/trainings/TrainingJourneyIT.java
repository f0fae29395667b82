package fr.id77.trainings;

import static org.assertj.core.api.Assertions.assertThat;

import fr.id77.account.Accounts;
import fr.id77.account.NewAccount;
import fr.id77.account.Role;
import fr.id77.support.BrowserTest;
import fr.id77.support.Fixtures;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 12's sessions end to end, in a real browser with axe on every page: the chef de file programmes a 3-seat
 * session; a commune registers participants until it is full, then one more goes to the waiting list; the commune
 * cancels a participant and the first waiting one gets the seat; the chef sees it on the session's page.
 */
class TrainingJourneyIT extends BrowserTest {

    static final String PASSWORD = "Formation-Complete-2026";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Accounts accounts;

    String member;
    String chef;

    @BeforeAll
    void data() {
        Fixtures.Collectivity commune = new Fixtures(jdbc).collectivity("Commune de Sessionville", "Meaux");
        long suffix = System.nanoTime() % 1_000_000;
        member = "sessionville" + suffix;
        chef = "chefsession" + suffix;
        accounts.createDemoAccount(
                new NewAccount(
                        member,
                        member + "@sessionville.example",
                        "MME",
                        "Inès",
                        "Maire",
                        null,
                        Role.ADHERENT,
                        commune.id()),
                PASSWORD);
        accounts.createDemoAccount(
                new NewAccount(chef, chef + "@id77.example", "M", "Hugo", "Formateur", null, Role.CHEF_DE_FILE, null),
                PASSWORD);
        jdbc.sql(
                        "UPDATE offer SET chef_de_file_id = (SELECT id FROM app_user WHERE identifiant = :c) WHERE code = 'F103'")
                .param("c", chef)
                .update();
    }

    private void setValue(String id, String value) {
        ((JavascriptExecutor) driver)
                .executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, value);
    }

    private void participant(int row, String name, String function, String email) {
        find(By.id("participant-" + row + "-nom")).sendKeys(name);
        find(By.id("participant-" + row + "-fonction")).sendKeys(function);
        find(By.id("participant-" + row + "-email")).sendKeys(email);
    }

    /** The flash message of the page a form led to, once it is there (a submit can return before the page). */
    private String flash() {
        By message = By.cssSelector(".flash-messages .alert");
        waiting().until(d -> !d.findElements(message).isEmpty());
        return find(message).getText();
    }

    @Test
    void registeredUntilFullThenWaitingThenACancellationPromotesTheFirstWaiting() {
        LocalDate day = LocalDate.now().plusDays(30);

        // the chef de file programmes a session of 3 seats
        signInAs(chef, PASSWORD);
        visit("/gestion/sessions");
        new Select(find(By.id("nouvelle-offre"))).selectByValue("F103");
        clickOn(By.xpath("//button[contains(., 'Nouvelle session')]"));
        assertThat(pathOnceItContains("/gestion/sessions/nouvelle")).contains("offre=F103");
        checkAccessibility();
        setValue("date", day.toString());
        setValue("debut", "09:30");
        setValue("fin", "12:00");
        find(By.id("lieu")).sendKeys("Salle des fêtes, Meaux");
        find(By.id("places")).clear();
        find(By.id("places")).sendKeys("3");
        setValue("dateLimite", day.minusDays(5).toString());
        clickOn(By.xpath("//button[contains(., 'Créer la session')]"));
        // the form's own address already holds « /gestion/sessions/ »: wait for the new session's page (its number)
        waiting().until(d -> path().matches("/gestion/sessions/\\d+.*"));
        String sessionPage = path();
        assertThat(sessionPage).matches("/gestion/sessions/\\d+");
        assertThat(flash()).contains("La session est créée");
        checkAccessibility();
        screenshot("trainings-1-session-creee");

        // the commune registers two participants: seats left
        signInAs(member, PASSWORD);
        visit("/offres/F103");
        assertThat(find(By.id("sessions-titre")).getText()).contains("Sessions à venir");
        assertThat(find(By.cssSelector(".training-sessions tbody")).getText())
                .contains("Salle des fêtes, Meaux")
                .contains("3 places restantes");
        ((JavascriptExecutor) driver).executeScript("document.getElementById('sessions-titre').scrollIntoView();");
        screenshot("trainings-2-offre");
        clickOn(By.linkText("Inscrire des participants"));
        pathOnceItContains("/inscription");
        checkAccessibility();
        participant(0, "Claire Martin", "Adjointe à l'urbanisme", "claire@sessionville.example");
        participant(1, "Hugo Bernard", "Conseiller municipal", "hugo@sessionville.example");
        screenshot("trainings-3-formulaire");
        clickOn(By.xpath("//button[contains(., 'Inscrire')]"));
        assertThat(pathOnceItContains("/mes-inscriptions")).isEqualTo("/mes-inscriptions");
        assertThat(flash()).contains("2 participants ont une place");
        checkAccessibility();

        // two more for the last seat: the first gets it, the second waits, said plainly
        visit("/offres/F103");
        assertThat(find(By.cssSelector(".training-sessions tbody")).getText()).contains("1 place restante");
        clickOn(By.linkText("Inscrire des participants"));
        pathOnceItContains("/inscription");
        participant(0, "Julie Moreau", "Secrétaire de mairie", "julie@sessionville.example");
        participant(1, "Thomas Fournier", "Maire", "thomas@sessionville.example");
        clickOn(By.xpath("//button[contains(., 'Inscrire')]"));
        pathOnceItContains("/mes-inscriptions");
        assertThat(flash())
                .contains("1 participant a une place")
                .contains("La session est désormais complète")
                .contains("liste d'attente (Thomas Fournier)");
        checkAccessibility();
        screenshot("trainings-4-mes-inscriptions");
        visit("/offres/F103");
        assertThat(find(By.cssSelector(".training-sessions tbody")).getText()).contains("Complet – liste d'attente");

        // a participant cancelled: his seat goes to the first waiting
        visit("/mes-inscriptions");
        clickOn(By.xpath("//button[contains(., 'Annuler l') and .//span[contains(., 'Hugo Bernard')]]"));
        driver.switchTo().alert().accept();
        pathOnceItContains("/mes-inscriptions");
        assertThat(flash()).contains("L'inscription de Hugo Bernard est annulée");
        String thomas =
                find(By.xpath("//tr[td[contains(., 'Thomas Fournier')]]")).getText();
        assertThat(thomas).contains("Inscrit").doesNotContain("Liste d'attente");
        checkAccessibility();
        screenshot("trainings-5-promu");

        // the chef de file sees three participants and an empty waiting list
        signInAs(chef, PASSWORD);
        visit(sessionPage);
        assertThat(find(By.id("inscrits-titre")).findElement(By.xpath("..")).getText())
                .contains("Claire Martin")
                .contains("Julie Moreau")
                .contains("Thomas Fournier")
                .doesNotContain("Hugo Bernard");
        assertThat(findAll(By.id("attente-titre"))).isEmpty();
        screenshot("trainings-6-session-chef");
    }
}
