package fr.id77.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import fr.id77.account.Accounts;
import fr.id77.account.NewAccount;
import fr.id77.account.Role;
import fr.id77.support.BrowserTest;
import fr.id77.support.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * In a real browser, checked with axe: an admin reaches the statistics from the menu, chooses dates, sees a date
 * refused next to its field; a chef de file sees his offers' figures. Screenshots of the page at 1280 px and at a
 * phone's 390 px are kept in target/screenshots to be looked at.
 */
class StatisticsIT extends BrowserTest {

    static final String PASSWORD = "Stat-Parcours-2026";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Accounts accounts;

    String admin;
    String chef;

    @BeforeAll
    void data() {
        long suffix = System.nanoTime() % 1_000_000;
        admin = "statadmin" + suffix;
        chef = "statchef" + suffix;
        accounts.createDemoAccount(
                new NewAccount(
                        admin, admin + "@id77.example", "MME", "Inès", "Stat", "01 64 00 00 03", Role.ADMIN, null),
                PASSWORD);
        accounts.createDemoAccount(
                new NewAccount(
                        chef, chef + "@id77.example", "M", "Hugo", "Stat", "01 64 00 00 04", Role.CHEF_DE_FILE, null),
                PASSWORD);
        long chefId = jdbc.sql("SELECT id FROM app_user WHERE identifiant = ?")
                .param(chef)
                .query(Long.class)
                .single();
        jdbc.sql("UPDATE offer SET chef_de_file_id = ? WHERE code = 'O21'")
                .param(chefId)
                .update();
        Fixtures.Collectivity commune = new Fixtures(jdbc).collectivity("Commune de Graphville", "Nemours");
        long offer = jdbc.sql("SELECT id FROM offer WHERE code = 'O21'")
                .query(Long.class)
                .single();
        Instant now = Instant.now();
        for (int i = 0; i < 6; i++) {
            jdbc.sql("INSERT INTO request (offer_id, collectivity_id, created_by, status, created_at) "
                            + "VALUES (?, ?, ?, 'EN_ATTENTE', ?)")
                    .params(offer, commune.id(), chefId, Timestamp.from(now.minus(i * 20L, ChronoUnit.DAYS)))
                    .update();
        }
    }

    @Test
    void anAdminAndAChefDeFileReadTheirFigures() throws Exception {
        signInAs(admin, PASSWORD);
        clickOn(By.linkText("Statistiques"));
        checkAccessibility();
        assertThat(find(By.tagName("h1")).getText()).isEqualTo("Statistiques");
        assertThat(findAll(By.cssSelector("svg.chart"))).hasSizeGreaterThanOrEqualTo(8);
        assertThat(findAll(By.cssSelector("a.csv-link"))).hasSizeGreaterThanOrEqualTo(10);
        screenshot("statistiques-admin-1280", "mois-titre");
        screenshot("statistiques-admin-1280-cantons", "cantons-titre");
        driver.manage().window().setSize(new Dimension(390, 900));
        screenshot("statistiques-admin-390", "mois-titre");
        screenshot("statistiques-admin-390-offres", "offres-titre");
        driver.manage().window().setSize(new Dimension(1280, 1000));

        clickOn(By.id("periode-dates"));
        // the date fields' typing order follows the browser's language: the values are set as the picker sets them
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript("arguments[0].value = '2020-01-01';", find(By.id("du")));
        js.executeScript("arguments[0].value = '2019-12-31';", find(By.id("au")));
        clickOn(By.cssSelector("main form button[type=submit]"));
        checkAccessibility();
        assertThat(find(By.id("au-erreur")).getText())
                .isEqualTo("La date de fin doit être le même jour que la date de début ou après.");

        signInAs(chef, PASSWORD);
        clickOn(By.linkText("Statistiques"));
        checkAccessibility();
        assertThat(find(By.cssSelector("main")).getText())
                .contains("offres dont vous êtes chef de file")
                .doesNotContain("Adhésions par mois");
        assertThat(findAll(By.cssSelector("#offre option"))).hasSize(2); // « Toutes les offres » and O21
        visit("/statistiques?periode=12mois&offre=O21");
        screenshot("statistiques-chef-1280", "delais");
    }

    private void screenshot(String name, String scrolledTo) throws Exception {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView();", find(By.id(scrolledTo)));
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
