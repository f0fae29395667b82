package fr.id77.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import fr.id77.account.Accounts;
import fr.id77.account.NewAccount;
import fr.id77.account.Role;
import fr.id77.support.BrowserTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An ID77 admin runs the catalogue in a real browser: finds the offers nobody leads and gives one a chef de
 * file, corrects an offer after a refused save, creates an offer, withdraws it and checks that the public
 * catalogue no longer shows it. Every page is checked with axe.
 */
class CatalogueAdminJourneyIT extends BrowserTest {

    static final String PASSWORD = "Catalogue-Test-2026";

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    String admin;
    String code;

    @BeforeAll
    void people() {
        long suffix = System.nanoTime() % 1_000_000;
        admin = "admincat" + suffix;
        accounts.createDemoAccount(
                new NewAccount(
                        admin,
                        admin + "@id77.example",
                        "MME",
                        "Claire",
                        "Catalogue",
                        "01 64 00 00 01",
                        Role.ADMIN,
                        null),
                PASSWORD);
        accounts.createDemoAccount(
                new NewAccount(
                        "chefcat" + suffix,
                        "chefcat" + suffix + "@id77.example",
                        "M",
                        "Bruno",
                        "Voirie",
                        "01 64 00 00 02",
                        Role.CHEF_DE_FILE,
                        null),
                PASSWORD);
        code = "Z" + (1000 + suffix % 9000);
        jdbc.sql("UPDATE offer SET chef_de_file_id = NULL WHERE code = 'O12'").update();
    }

    private long withoutChefCount() {
        return Long.parseLong(find(By.cssSelector(".without-chef-count span")).getText());
    }

    private String flash() {
        return find(By.cssSelector(".flash-messages .alert")).getText();
    }

    private void submit(String css) {
        clickOn(By.cssSelector(css));
        checkAccessibility();
    }

    @Test
    void anAdminLeadsCorrectsCreatesAndWithdrawsOffers() {
        signInAs(admin, PASSWORD);
        visit("/admin");
        clickOn(By.partialLinkText("Offres du catalogue"));
        checkAccessibility();
        assertThat(find(By.tagName("h1")).getText()).isEqualTo("Offres du catalogue");
        long withoutChef = withoutChefCount();
        assertThat(withoutChef).isPositive();

        // the offers nobody leads, then O12 among them gets Bruno Voirie
        clickOn(By.linkText("Afficher ces offres"));
        assertThat(pathOnceItContains("chef=aucun")).contains("chef=aucun");
        checkAccessibility();
        assertThat(find(By.id("resultats-titre")).getText()).isEqualTo(withoutChef + " offres");
        find(By.id("q")).sendKeys("O12");
        submit(".search-panel button[type=submit]");
        assertThat(findAll(By.cssSelector(".offers-table tbody tr"))).hasSize(1);
        assertThat(find(By.cssSelector(".offers-table tbody tr")).getText()).contains("Aucun");
        clickOn(By.cssSelector(".offers-table tbody input[name=offres]"));
        new Select(find(By.id("bulk-chef"))).selectByVisibleText("Bruno Voirie — chef de file");
        submit("#attribution button[type=submit]");
        assertThat(flash()).isEqualTo("Bruno Voirie est maintenant chef de file de l'offre cochée.");
        assertThat(path()).contains("chef=aucun").contains("q=O12");
        assertThat(find(By.id("resultats-titre")).getText()).isEqualTo("0 offre");
        assertThat(withoutChefCount()).isEqualTo(withoutChef - 1);

        // corrects O12: a blank title is refused next to the field, everything else kept
        visit("/admin/offres?q=O12");
        clickOn(By.partialLinkText("Modifier"));
        checkAccessibility();
        assertThat(find(By.tagName("h1")).getText()).isEqualTo("Modifier l'offre O12");
        assertThat(new Select(find(By.id("chefDeFile")))
                        .getFirstSelectedOption()
                        .getText())
                .startsWith("Bruno Voirie");
        WebElement title = find(By.id("title"));
        String before = title.getAttribute("value");
        title.clear();
        find(By.id("keywords")).sendKeys(", programmation");
        submit(".offer-admin-form button[type=submit]");
        assertThat(find(By.id("erreurs")).getText())
                .contains("Le formulaire contient une erreur", "Saisissez le titre de l'offre.");
        assertThat(find(By.id("title-erreur")).getText()).isEqualTo("Saisissez le titre de l'offre.");
        assertThat(find(By.id("keywords")).getAttribute("value")).endsWith(", programmation");
        find(By.id("title")).sendKeys(before + " (mise à jour)");
        submit(".offer-admin-form button[type=submit]");
        assertThat(flash()).isEqualTo("L'offre O12 est enregistrée.");
        assertThat(find(By.cssSelector(".offers-table tbody tr")).getText())
                .contains("O12", "(mise à jour)", "Bruno Voirie");

        // creates a new offer; the thematics of a domain appear once it is ticked
        clickOn(By.linkText("Nouvelle offre"));
        checkAccessibility();
        find(By.id("code")).sendKeys(code.toLowerCase());
        new Select(find(By.id("typology"))).selectByVisibleText("Action de sensibilisation / formation");
        find(By.id("title")).sendKeys("Atelier sur les haies champêtres et les mares");
        find(By.id("summary"))
                .sendKeys("Une matinée pour reconnaître et entretenir les haies et les mares communales.");
        find(By.id("description")).sendKeys("Visite de terrain.\n\nÉchanges avec les agents techniques.");
        find(By.id("keywords")).sendKeys("bocage, zones humides");
        assertThat(find(By.id("thematique-15")).isDisplayed()).isFalse();
        clickOn(By.cssSelector("label[for=domaine-4]"));
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("thematique-15")));
        clickOn(By.cssSelector("label[for=thematique-15]"));
        new Select(find(By.id("organisation"))).selectByVisibleText("Seine-et-Marne Environnement");
        new Select(find(By.id("chefDeFile"))).selectByVisibleText("Bruno Voirie — chef de file");
        clickOn(By.cssSelector("label[for=published1]"));
        // its requests' deadlines: ten working days to answer by default, a completion target typed here
        assertThat(find(By.id("answerDays")).getAttribute("value")).isEqualTo("10");
        find(By.id("completionDays")).sendKeys("40");
        ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("document.getElementById('s-delais').scrollIntoView()");
        screenshot("offre-delais");
        submit(".offer-admin-form button[type=submit]");
        assertThat(flash()).isEqualTo("L'offre " + code + " est créée et publiée.");
        assertThat(jdbc.sql("SELECT completion_days FROM offer WHERE code = :c")
                        .param("c", code)
                        .query(Integer.class)
                        .single())
                .isEqualTo(40);
        assertThat(find(By.cssSelector(".offers-table tbody tr")).getText())
                .contains(
                        code,
                        "Atelier sur les haies champêtres",
                        "Seine-et-Marne Environnement",
                        "Bruno Voirie",
                        "Publiée");

        // the public catalogue finds it at once
        visit("/?q=champetres");
        assertThat(find(By.id("resultats")).getText()).contains(code, "Atelier sur les haies champêtres");

        // withdraws it from the list (after confirming), and the catalogue no longer shows it
        visit("/admin/offres?q=" + code);
        clickOn(By.xpath("//button[starts-with(normalize-space(.), 'Retirer')]"));
        waiting().until(ExpectedConditions.alertIsPresent()).accept();
        checkAccessibility();
        assertThat(flash())
                .isEqualTo(
                        "L'offre " + code + " est retirée du catalogue. Ses demandes existantes restent consultables.");
        assertThat(find(By.cssSelector(".offers-table tbody tr")).getText()).contains("Non publiée");

        driver.manage().deleteAllCookies();
        visit("/?q=champetres");
        assertThat(find(By.id("resultats")).getText()).doesNotContain("Atelier sur les haies champêtres");
        visit("/offres/" + code);
        assertThat(find(By.tagName("h1")).getText()).isEqualTo("Page introuvable");
    }
}
