package fr.id77.loans;

import static org.assertj.core.api.Assertions.assertThat;

import fr.id77.account.Accounts;
import fr.id77.account.NewAccount;
import fr.id77.account.Role;
import fr.id77.support.BrowserTest;
import fr.id77.support.Fixtures;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The journey in a real browser, every page checked with axe: a commune books an exhibition for a free period; a
 * second commune sees those weeks taken and books the next free ones; the chef de file accepts the first; the second
 * commune cancels and its weeks are free again. The staff calendar shows the loans.
 */
class LoanJourneyIT extends BrowserTest {

    static final String PASSWORD = "Journee-Expo-2026";
    static final String CODE = "R09";
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRENCH);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Accounts accounts;

    @Autowired
    LoanBookings bookings;

    String first;
    String second;
    String chef;

    @BeforeAll
    void data() {
        Fixtures fixtures = new Fixtures(jdbc);
        long suffix = System.nanoTime() % 1_000_000;
        first = "expoun" + suffix;
        second = "expodeux" + suffix;
        chef = "chefexpo" + suffix;
        account(
                first,
                Role.ADHERENT,
                fixtures.collectivity("Commune de Premier-Prêt", "Nemours").id());
        account(
                second,
                Role.ADHERENT,
                fixtures.collectivity("Commune de Second-Prêt", "Meaux").id());
        account(chef, Role.CHEF_DE_FILE, null);
        long offerId = jdbc.sql("UPDATE offer SET chef_de_file_id = (SELECT id FROM app_user WHERE identifiant = :c) "
                        + "WHERE code = :code RETURNING id")
                .param("c", chef)
                .param("code", CODE)
                .query(Long.class)
                .single();
        jdbc.sql("DELETE FROM loan_booking WHERE offer_id = :o")
                .param("o", offerId)
                .update();
    }

    private void account(String identifiant, Role role, Long collectivityId) {
        accounts.createDemoAccount(
                new NewAccount(
                        identifiant,
                        identifiant + "@expo.example",
                        "MME",
                        "Anne",
                        "Expo",
                        "01 60 00 00 00",
                        role,
                        collectivityId),
                PASSWORD);
    }

    private LocalDate day(int fromToday) {
        return bookings.today().plusDays(fromToday);
    }

    /** A date field set as a date picker would (the typed format depends on the browser's language). */
    private void setDate(String id, LocalDate date) {
        ((JavascriptExecutor) driver)
                .executeScript("arguments[0].value = arguments[1];", find(By.id(id)), date.toString());
    }

    private String dayState(LocalDate date) {
        String title = find(By.xpath("//td[starts-with(@title, '" + DAY.format(date) + " : ')]"))
                .getAttribute("title");
        return title.substring(title.indexOf(" : ") + 3);
    }

    private int currentNumero() {
        Matcher m = Pattern.compile("Demande N°(\\d+)")
                .matcher(find(By.tagName("h1")).getText());
        assertThat(m.find()).as("numéro de demande dans le titre").isTrue();
        return Integer.parseInt(m.group(1));
    }

    private void wish(LocalDate start, LocalDate end) {
        setDate("debut", start);
        setDate("fin", end);
        clickOn(By.xpath("//button[contains(., 'Vérifier la disponibilité')]"));
        waiting().until(d -> !d.findElements(By.id("disponibilite")).isEmpty());
        checkAccessibility();
    }

    @Test
    void twoCommunesBookTheSameExhibitionOneAfterTheOther() {
        LocalDate start = day(30);
        LocalDate end = day(43);

        // the first commune books a free period from the offer page
        signInAs(first, PASSWORD);
        visit("/offres/" + CODE);
        assertThat(dayState(start)).isEqualTo("libre");
        clickOn(By.linkText("Réserver cette exposition"));
        assertThat(pathOnceItContains("/reserver")).isEqualTo("/expositions/" + CODE + "/reserver");
        checkAccessibility();
        // a mark on the page survives only if htmx swaps the form in place instead of reloading the page
        ((JavascriptExecutor) driver).executeScript("window.bookingNotReloaded = true;");
        wish(start, end);
        assertThat(find(By.id("disponibilite")).getText()).contains("Libre");
        assertThat(((JavascriptExecutor) driver).executeScript("return window.bookingNotReloaded === true;"))
                .isEqualTo(true);
        screenshot("loans-book-free");
        new Select(find(By.id("referent"))).selectByIndex(1);
        find(By.id("message")).sendKeys("Dans le hall de la mairie, du lundi au samedi.");
        clickOn(By.xpath("//button[contains(., 'Envoyer la demande')]"));
        assertThat(pathOnceItContains("/demandes/")).startsWith("/demandes/");
        checkAccessibility();
        int firstNumero = currentNumero();
        assertThat(find(By.id("pret")).getText()).contains("Période demandée").contains("14 jours");

        // the second commune sees those weeks asked for, is told the next free ones and books them
        signInAs(second, PASSWORD);
        visit("/offres/" + CODE);
        assertThat(dayState(start)).isEqualTo("demandé");
        assertThat(dayState(start.minusDays(3))).isEqualTo("demandé"); // the transport days before it
        clickOn(By.linkText("Réserver cette exposition"));
        pathOnceItContains("/reserver");
        wish(start, end);
        LoanRules.Period next = new LoanRules.Period(day(50), day(63));
        assertThat(find(By.id("disponibilite")).getText())
                .contains("Déjà prise")
                .contains("Prochaines périodes libres de la même durée : " + next.label());
        screenshot("loans-book-taken");
        wish(next.start(), next.end());
        assertThat(find(By.id("disponibilite")).getText()).contains("Libre");
        new Select(find(By.id("referent"))).selectByIndex(1);
        clickOn(By.xpath("//button[contains(., 'Envoyer la demande')]"));
        pathOnceItContains("/demandes/");
        checkAccessibility();
        int secondNumero = currentNumero();

        // the chef de file accepts the first: its weeks are booked
        signInAs(chef, PASSWORD);
        visit("/demandes/" + firstNumero);
        assertThat(find(By.id("pret")).getText()).contains("Aucune autre réservation ne chevauche cette période.");
        clickOn(By.xpath("//button[contains(., 'Accepter la demande')]"));
        waiting().until(d -> d.findElement(By.id("pret")).getText().contains("Réservation confirmée"));
        checkAccessibility();
        assertThat(find(By.id("pret")).getText()).contains("Exemplaire 1");
        screenshot("loans-request-confirmed");
        visit("/gestion/expositions?offre=" + CODE);
        assertThat(find(By.id("expo-" + CODE)).getText())
                .contains("N°" + firstNumero)
                .contains("N°" + secondNumero)
                .contains("Commune de Premier-Prêt");
        screenshot("loans-staff-calendar");
        clickOn(By.xpath("//button[contains(., 'Créer un lien d’abonnement iCalendar')]"));
        waiting().until(d -> !d.findElements(By.id("lien-" + CODE)).isEmpty());
        checkAccessibility();
        assertThat(find(By.id("lien-" + CODE)).getAttribute("value"))
                .contains("/calendriers/")
                .endsWith(".ics");

        // the second commune cancels: its weeks are free again, the first one's stay booked
        signInAs(second, PASSWORD);
        visit("/offres/" + CODE);
        assertThat(dayState(start)).isEqualTo("réservé");
        assertThat(dayState(next.start())).isEqualTo("demandé");
        ((JavascriptExecutor) driver).executeScript("document.getElementById('disponibilites').scrollIntoView();");
        screenshot("loans-offer-calendar");
        visit("/demandes/" + secondNumero);
        clickOn(By.linkText("Annuler la demande"));
        checkAccessibility();
        clickOn(By.xpath("//button[contains(., 'Oui, annuler la demande')]"));
        waiting().until(d -> d.findElement(By.id("pret")).getText().contains("Période libérée"));
        checkAccessibility();
        visit("/offres/" + CODE);
        assertThat(dayState(next.start())).isEqualTo("libre");
        assertThat(dayState(start)).isEqualTo("réservé");
    }
}
