package fr.id77.requests;

import static org.assertj.core.api.Assertions.assertThat;

import fr.id77.account.Accounts;
import fr.id77.account.NewAccount;
import fr.id77.account.Role;
import fr.id77.support.BrowserTest;
import fr.id77.support.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The heart of ID77 in a real browser: a collectivity favourites an offer, files a request from the
 * favourite with two files, the chef de file accepts and comments, the collectivity answers with a
 * file, the chef de file completes it; a second request is cancelled; the duplicate warning appears. Staff side: the
 * chef de file writes an internal note with a file that the collectivity never sees, an admin hands the request to
 * another chef de file, who finds it on his dashboard.
 */
class RequestJourneyIT extends BrowserTest {

    static final String PASSWORD = "Journee-Test-2026";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Accounts accounts;

    String member;
    String chef;
    String admin;
    String otherChef;
    long chefId;
    Path memo;
    Path plan;
    Path budget;
    Path answer;

    @BeforeAll
    void data() throws IOException {
        Fixtures fixtures = new Fixtures(jdbc);
        Fixtures.Collectivity commune = fixtures.collectivity("Commune de Parcours", "Nemours");
        long suffix = System.nanoTime() % 1_000_000;
        member = "parcours" + suffix;
        chef = "chefparcours" + suffix;
        accounts.createDemoAccount(
                new NewAccount(
                        member,
                        member + "@parcours.example",
                        "MME",
                        "Anne",
                        "Parcours",
                        "01 60 00 00 00",
                        Role.ADHERENT,
                        commune.id()),
                PASSWORD);
        accounts.createDemoAccount(
                new NewAccount(
                        chef, chef + "@id77.example", "M", "Paul", "Chef", "01 64 00 00 00", Role.CHEF_DE_FILE, null),
                PASSWORD);
        admin = "adminparcours" + suffix;
        otherChef = "autrechef" + suffix;
        accounts.createDemoAccount(
                new NewAccount(admin, admin + "@id77.example", "MME", "Claire", "Admin", null, Role.ADMIN, null),
                PASSWORD);
        accounts.createDemoAccount(
                new NewAccount(
                        otherChef,
                        otherChef + "@id77.example",
                        "MME",
                        "Lucie",
                        "Relais",
                        null,
                        Role.CHEF_DE_FILE,
                        null),
                PASSWORD);
        chefId = jdbc.sql("SELECT id FROM app_user WHERE identifiant = :i")
                .param("i", chef)
                .query(Long.class)
                .single();
        jdbc.sql("UPDATE offer SET chef_de_file_id = :u WHERE code IN ('O36', 'O50', 'O40')")
                .param("u", chefId)
                .update();
        Path dir = Files.createTempDirectory("id77-journey");
        plan = Files.writeString(dir.resolve("plan-du-bourg.pdf"), "%PDF-1.4\nplan du bourg");
        budget = Files.writeString(dir.resolve("budget.csv"), "poste;montant\nétudes;12000\n");
        answer = Files.writeString(dir.resolve("reponse.txt"), "Voici les comptages de vitesse demandés.");
        memo = Files.writeString(dir.resolve("memo-interne.txt"), "Appeler la DGS avant jeudi.");
    }

    private void signIn(String identifiant) {
        signInAs(identifiant, PASSWORD);
    }

    private int currentNumero() {
        Matcher m = Pattern.compile("Demande N°(\\d+)")
                .matcher(find(By.tagName("h1")).getText());
        assertThat(m.find()).as("numéro de demande dans le titre").isTrue();
        return Integer.parseInt(m.group(1));
    }

    private String status() {
        return find(By.cssSelector("h1 .status-badge")).getText();
    }

    @Test
    void aRequestFromFavouriteToCompletion() {
        signIn(member);
        // favourites an offer from the catalogue
        visit("/?code=O36");
        // a mark on the page survives only if htmx (data-hx-* attributes) swaps the star instead of reloading the page
        ((JavascriptExecutor) driver).executeScript("window.starNotReloaded = true;");
        clickOn(By.cssSelector(".favourite-form button"));
        // htmx swaps the star: the element found may be replaced before its attribute is read
        waiting()
                .ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.cssSelector(".favourite-form button"))
                        .getAttribute("aria-pressed")
                        .equals("true"));
        assertThat(((JavascriptExecutor) driver).executeScript("return window.starNotReloaded === true;"))
                .isEqualTo(true);
        checkAccessibility();
        visit("/favoris");
        assertThat(find(By.tagName("h1")).getText()).isEqualTo("1 Favori");

        // files a request from the favourite, with two files
        clickOn(By.partialLinkText("Faire une demande"));
        checkAccessibility();
        new Select(find(By.id("referent"))).selectByIndex(1);
        find(By.id("fichiers")).sendKeys(plan.toString() + "\n" + budget.toString());
        find(By.id("message")).sendKeys("Bonjour, la traversée du bourg est dangereuse à la sortie de l'école.");
        submitUpload(By.cssSelector("main form button[type=submit]"));
        checkAccessibility();
        int numero = currentNumero();
        assertThat(status()).isEqualTo("En attente");
        assertThat(find(By.id("fichiers")).getText()).contains("plan-du-bourg.pdf", "budget.csv");

        // the chef de file accepts and comments
        signIn(chef);
        visit("/demandes");
        clickOn(By.linkText(String.valueOf(numero)));
        checkAccessibility();
        clickOn(By.xpath("//button[contains(., 'Accepter la demande')]"));
        checkAccessibility();
        assertThat(status()).isEqualTo("En cours");
        find(By.id("message")).sendKeys("Nous viendrons mardi. Pouvez-vous nous envoyer les comptages de vitesse ?");
        clickOn(By.xpath("//button[normalize-space()='Envoyer']"));
        assertThat(find(By.id("commentaires")).getText()).contains("Nous viendrons mardi");

        // the collectivity answers that comment with a file
        signIn(member);
        visit("/demandes/" + numero);
        clickOn(By.xpath("(//a[starts-with(normalize-space(.), 'Répondre')])[last()]"));
        checkAccessibility();
        assertThat(find(By.cssSelector(".reply-note")).getText()).contains("En réponse à");
        find(By.id("message")).sendKeys("Voici les comptages.");
        find(By.id("comment-files")).sendKeys(answer.toString());
        submitUpload(By.xpath("//button[normalize-space()='Envoyer']"));
        checkAccessibility();
        assertThat(find(By.id("commentaires")).getText())
                .contains("Voici les comptages.", "reponse.txt", "En réponse à");

        // the chef de file completes it
        signIn(chef);
        visit("/demandes/" + numero);
        find(By.id("motif-terminee")).sendKeys("Rapport de préconisations remis.");
        clickOn(By.xpath("//button[contains(., 'Terminer la demande')]"));
        checkAccessibility();
        assertThat(status()).isEqualTo("Terminée");

        // the timeline shows every step
        signIn(member);
        visit("/demandes/" + numero);
        String timeline = find(By.id("historique")).getText();
        assertThat(timeline)
                .contains(
                        "Demande déposée",
                        "En attente → En cours",
                        "Nouveau commentaire",
                        "Fichiers ajoutés",
                        "En cours → Terminée",
                        "Rapport de préconisations remis.");

        // the collectivity gives its opinion: a note is required (said next to its field, the comment kept), then once
        assertThat(find(By.id("avis")).getText()).contains("Votre avis sur cette demande");
        ((JavascriptExecutor) driver).executeScript("document.querySelector('#avis form').noValidate = true;");
        find(By.id("avis-commentaire")).sendKeys("Très utile, merci.");
        clickOn(By.xpath("//button[normalize-space()='Envoyer mon avis']"));
        assertThat(find(By.id("note-erreur")).getText()).contains("Choisissez une note de 1");
        assertThat(find(By.id("avis-commentaire")).getAttribute("value")).isEqualTo("Très utile, merci.");
        checkAccessibility();
        screenshot("request-rating-refused");
        clickOn(By.cssSelector("label[for='note-5']"));
        clickOn(By.xpath("//button[normalize-space()='Envoyer mon avis']"));
        waiting()
                .ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("avis")).getText().contains("5 sur 5 — Très satisfait"));
        assertThat(find(By.id("avis")).getText())
                .contains("« Très utile, merci. »")
                .doesNotContain("Envoyer mon avis");
        checkAccessibility();
        screenshot("request-rating");

        visit("/demandes/" + numero + "/impression");
        assertThat(find(By.tagName("h1")).getText()).contains("Demande N°" + numero);

        // a second request, cancelled while pending; then the duplicate warning
        visit("/demandes/nouvelle?offre=O50");
        new Select(find(By.id("referent"))).selectByIndex(1);
        clickOn(By.cssSelector("main form button[type=submit]"));
        int second = currentNumero();
        visit("/demandes");
        clickOn(By.cssSelector("a[href='/demandes/" + second + "/annulation']"));
        checkAccessibility();
        clickOn(By.xpath("//button[contains(., 'Oui, annuler la demande')]"));
        checkAccessibility();
        assertThat(status()).isEqualTo("Annulée");

        visit("/demandes/nouvelle?offre=O36&nouvelle=1");
        new Select(find(By.id("referent"))).selectByIndex(1);
        clickOn(By.cssSelector("main form button[type=submit]"));
        visit("/offres/O36");
        clickOn(By.linkText("Faire une demande"));
        checkAccessibility();
        assertThat(find(By.tagName("h1")).getText()).isEqualTo("Une demande est déjà en cours pour cette offre");
        clickOn(By.linkText("Faire une nouvelle demande"));
        assertThat(find(By.tagName("h1")).getText()).startsWith("Nouvelle demande");
    }

    /**
     * « Compléments demandés »: the chef de file asks for information with a message, the collectivity reads it,
     * answers with a message and a file and transmits them; the request is back « En attente », both steps are in its
     * history. Then a request past its answer deadline is found with the list's « En retard » filter and sort.
     */
    @Test
    void complementsAskedTransmittedAndBackWhereItWas() {
        signIn(member);
        visit("/demandes/nouvelle?offre=O40");
        new Select(find(By.id("referent"))).selectByIndex(1);
        find(By.id("message")).sendKeys("Nous voulons sécuriser la traversée de la RD 607.");
        clickOn(By.cssSelector("main form button[type=submit]"));
        int numero = currentNumero();
        assertThat(find(By.id("delai")).getText()).startsWith("Réponse attendue avant le ");

        // the chef de file asks for compléments: the message is required
        signIn(chef);
        visit("/demandes/" + numero);
        find(By.id("motif-complements")).sendKeys("Merci de nous transmettre le plan des abords de l'école.");
        clickOn(By.xpath("//button[contains(., 'Demander des compléments')]"));
        checkAccessibility();
        assertThat(status()).isEqualTo("Compléments demandés");
        assertThat(find(By.id("delai")).getText()).contains("Suspendu");
        assertThat(find(By.id("complements")).getText())
                .contains("Merci de nous transmettre le plan des abords de l'école.", "« En attente »");
        assertThat(findAll(By.id("reponse")))
                .as("only the collectivity answers")
                .isEmpty();

        // the collectivity sees the status and the message, answers with a message and a file
        signIn(member);
        visit("/demandes?statut=COMPLEMENTS");
        assertThat(find(By.cssSelector(".request-table")).getText())
                .contains(String.valueOf(numero), "Compléments demandés");
        visit("/demandes/" + numero);
        checkAccessibility();
        assertThat(status()).isEqualTo("Compléments demandés");
        assertThat(find(By.id("complements")).getText())
                .contains("Merci de nous transmettre le plan des abords de l'école.");
        // nothing to transmit: refused next to the answer, the request still waits for it
        clickOn(By.xpath("//button[contains(., 'Transmettre les compléments')]"));
        assertThat(find(By.id("reponse-erreur")).getText()).contains("Écrivez votre réponse");
        assertThat(status()).isEqualTo("Compléments demandés");
        checkAccessibility();
        screenshot("complements-demandes-collectivite");
        find(By.id("reponse")).sendKeys("Voici le plan des abords.");
        find(By.id("complements-files")).sendKeys(plan.toString());
        submitUpload(By.xpath("//button[contains(., 'Transmettre les compléments')]"));
        checkAccessibility();
        assertThat(status()).isEqualTo("En attente");
        assertThat(find(By.cssSelector(".alert-success")).getText()).contains("Vos compléments ont été transmis");
        assertThat(find(By.id("commentaires")).getText()).contains("Voici le plan des abords.", "plan-du-bourg.pdf");
        String timeline = find(By.id("historique")).getText();
        assertThat(timeline)
                .contains(
                        "En attente → Compléments demandés",
                        "Compléments demandés : Merci de nous transmettre le plan des abords de l'école.",
                        "Compléments demandés → En attente",
                        "Réponse : Voici le plan des abords. (1 fichier joint)");
        screenshot("complements-transmis");

        // past its answer deadline: « En retard de N j » in words, found by the list's filter and sort
        jdbc.sql("UPDATE request SET answer_due = current_date - 20, due_on = current_date - 20 WHERE numero = :n")
                .param("n", numero)
                .update();
        signIn(chef);
        visit("/demandes");
        find(By.id("retard")).click();
        new Select(find(By.id("tri"))).selectByValue("retard");
        clickOn(By.xpath("//button[normalize-space()='Rechercher']"));
        assertThat(pathOnceItContains("retard=oui")).contains("tri=retard");
        checkAccessibility();
        String first = find(By.cssSelector(".request-table tbody tr")).getText();
        assertThat(first).contains(String.valueOf(numero)).containsPattern("En retard de \\d+ j");
        screenshot("demandes-en-retard");
        visit("/demandes/" + numero);
        assertThat(find(By.id("delai")).getText()).containsPattern("En retard de \\d+ j");
        screenshot("demande-en-retard");
    }

    @Test
    void anInternalNoteStaysWithStaffAndAnAdminHandsTheRequestToAnotherChef() {
        signIn(member);
        visit("/demandes/nouvelle?offre=O36&nouvelle=1");
        new Select(find(By.id("referent"))).selectByIndex(1);
        clickOn(By.cssSelector("main form button[type=submit]"));
        int numero = currentNumero();
        assertThat(findAll(By.id("notes")))
                .as("no notes section for the collectivity")
                .isEmpty();

        // the chef de file writes an internal note with a file
        signIn(chef);
        visit("/demandes/" + numero);
        find(By.id("note")).sendKeys("Budget serré : voir avec la DGS avant d'accepter.");
        find(By.id("note-files")).sendKeys(memo.toString());
        submitUpload(By.xpath("//button[contains(., 'Enregistrer la note interne')]"));
        checkAccessibility();
        String notes = find(By.id("notes")).getText();
        assertThat(notes)
                .contains("Notes internes (1)", "NOTE INTERNE", "Budget serré", "memo-interne.txt")
                .contains("la collectivité ne voit ni ces notes");
        assertThat(find(By.id("historique")).getText()).contains("Note interne ajoutée (1 fichier)");
        screenshot("demande-note-interne");

        // the collectivity sees neither the note, nor its file, nor its line in the history
        signIn(member);
        visit("/demandes/" + numero);
        String page = find(By.tagName("main")).getText();
        assertThat(page).doesNotContain("Budget serré", "memo-interne.txt", "Note interne", "Notes internes");
        screenshot("demande-vue-par-la-collectivite");

        // an admin hands it over: a reason of blanks is refused beside its field, then it is handed
        signIn(admin);
        visit("/demandes/" + numero);
        new Select(find(By.id("agent"))).selectByVisibleText("Lucie Relais");
        find(By.id("motifTransfert")).sendKeys("   ");
        clickOn(By.xpath("//button[contains(., 'Confier la demande')]"));
        assertThat(find(By.id("motifTransfert-erreur")).getText())
                .isEqualTo("Indiquez le motif : il restera dans l'historique de la demande.");
        assertThat(find(By.id("motifTransfert")).getAttribute("aria-describedby"))
                .isEqualTo("motifTransfert-erreur");
        checkAccessibility();
        screenshot("demande-confier-refus");
        new Select(find(By.id("agent"))).selectByVisibleText("Lucie Relais");
        find(By.id("motifTransfert")).sendKeys("Paul Chef part en congé trois semaines.");
        clickOn(By.xpath("//button[contains(., 'Confier la demande')]"));
        checkAccessibility();
        assertThat(find(By.cssSelector(".flash-messages")).getText())
                .contains("La demande a été confiée à Lucie Relais.");
        assertThat(find(By.id("historique")).getText())
                .contains("Demande confiée à Lucie Relais", "par Claire Admin", "Paul Chef part en congé");
        screenshot("demande-confiee");
        visit("/admin/comptes/" + chefId + "/demandes");
        assertThat(find(By.tagName("h1")).getText()).isEqualTo("Demandes ouvertes de Paul Chef");
        screenshot("admin-demandes-ouvertes-agent");

        // the new handler finds it on his dashboard and processes it
        signIn(otherChef);
        visit("/tableau-de-bord");
        assertThat(findAll(By.cssSelector("a[href='/demandes/" + numero + "']")))
                .isNotEmpty();
        screenshot("tableau-de-bord-agent-confie");
        visit("/demandes/" + numero);
        assertThat(find(By.id("notes")).getText()).contains("Budget serré");
        clickOn(By.xpath("//button[contains(., 'Accepter la demande')]"));
        checkAccessibility();
        assertThat(status()).isEqualTo("En cours");

        // the collectivity reads who follows its request, never why
        signIn(member);
        visit("/demandes/" + numero);
        assertThat(find(By.id("historique")).getText())
                .contains("Demande confiée à Lucie Relais")
                .doesNotContain("congé");
        assertThat(find(By.cssSelector(".request-facts")).getText()).contains("Lucie Relais");
    }
}
