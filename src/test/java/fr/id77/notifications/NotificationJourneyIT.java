package fr.id77.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import fr.id77.account.Accounts;
import fr.id77.account.NewAccount;
import fr.id77.account.Role;
import fr.id77.requests.Actor;
import fr.id77.requests.RequestWorkflow;
import fr.id77.support.BrowserTest;
import fr.id77.support.Fixtures;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * In a real browser: the chef de file comments on a request, the collectivity sees the envelope's count
 * go up, opens the notification, lands on the request and the count goes down; then chooses what to be
 * told of. An admin finds the mails not sent yet. Every page is checked with axe.
 */
class NotificationJourneyIT extends BrowserTest {

    static final String PASSWORD = "Notif-Parcours-2026";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Accounts accounts;

    @Autowired
    RequestWorkflow workflow;

    String member;
    String chef;
    String admin;
    int numero;

    @BeforeAll
    void data() {
        Fixtures fixtures = new Fixtures(jdbc);
        Fixtures.Collectivity commune = fixtures.collectivity("Commune de Notif-sur-Marne", "Coulommiers");
        long suffix = System.nanoTime() % 1_000_000;
        member = "notifmairie" + suffix;
        chef = "notifchef" + suffix;
        admin = "notifadmin" + suffix;
        accounts.createDemoAccount(
                new NewAccount(
                        member,
                        member + "@mairie.example",
                        "MME",
                        "Anne",
                        "Notif",
                        "01 60 00 00 01",
                        Role.ADHERENT,
                        commune.id()),
                PASSWORD);
        accounts.createDemoAccount(
                new NewAccount(
                        chef, chef + "@id77.example", "M", "Paul", "Chef", "01 64 00 00 01", Role.CHEF_DE_FILE, null),
                PASSWORD);
        accounts.createDemoAccount(
                new NewAccount(
                        admin, admin + "@id77.example", "MME", "Claire", "Admin", "01 64 00 00 02", Role.ADMIN, null),
                PASSWORD);
        long memberId = userId(member);
        long chefId = userId(chef);
        jdbc.sql("UPDATE offer SET chef_de_file_id = ? WHERE code = 'O36'")
                .param(chefId)
                .update();
        long offerId = jdbc.sql("SELECT id FROM offer WHERE code = 'O36'")
                .query(Long.class)
                .single();
        numero = workflow.file(
                Actor.adherent(memberId, commune.id()),
                offerId,
                chefId,
                commune.referentId(),
                "La traversée du bourg est dangereuse.",
                List.of());
    }

    private long userId(String identifiant) {
        return jdbc.sql("SELECT id FROM app_user WHERE identifiant = ?")
                .param(identifiant)
                .query(Long.class)
                .single();
    }

    private void signIn(String identifiant) {
        signInAs(identifiant, PASSWORD);
    }

    /** The envelope's accessible name, e.g. « Notifications : 1 non lue ». */
    private String envelope() {
        return find(By.cssSelector("a.header-envelope .visually-hidden"))
                .getDomProperty("textContent")
                .strip();
    }

    private void submit(By button) {
        WebElement element = find(button);
        clickOn(button);
        waiting().until(ExpectedConditions.stalenessOf(element));
    }

    @Test
    void theCollectivitySeesTheChefDeFilesCommentArriveOpensItAndTheBadgeGoesDown() {
        signIn(member);
        visit("/demandes");
        assertThat(envelope()).isEqualTo("Notifications : aucune non lue");
        assertThat(find(By.cssSelector("a.header-envelope")).getDomAttribute("class"))
                .doesNotContain("has-unread");
        assertThat(findAll(By.cssSelector(".envelope-badge"))).isEmpty();

        signIn(chef);
        visit("/demandes/" + numero);
        find(By.id("message")).sendKeys("Bonjour, nous proposons une visite sur place mardi à 10 h.");
        submit(By.xpath("//form[@id='commenter']//button[normalize-space()='Envoyer']"));
        assertThat(find(By.cssSelector(".alert-success")).getText()).contains("Votre message a été envoyé");
        checkAccessibility();

        signIn(member);
        visit("/");
        assertThat(envelope()).isEqualTo("Notifications : 1 non lue");
        assertThat(find(By.cssSelector("a.header-envelope")).getDomAttribute("class"))
                .contains("has-unread");
        assertThat(find(By.cssSelector(".envelope-badge")).getText()).isEqualTo("1");

        clickOn(By.cssSelector("a.header-envelope"));
        assertThat(pathOnceItContains("/notifications")).isEqualTo("/notifications");
        checkAccessibility();
        WebElement item = find(By.cssSelector(".notification.is-unread"));
        assertThat(item.getText())
                .contains(
                        "Non lue",
                        "Nouveau commentaire sur la demande N°" + numero,
                        "Paul Chef a écrit",
                        "« Bonjour, nous proposons une visite sur place mardi à 10 h. »");

        submit(By.partialLinkText("Nouveau commentaire sur la demande N°" + numero));
        assertThat(path()).isEqualTo("/demandes/" + numero + "#commentaires");
        checkAccessibility();
        assertThat(find(By.id("commentaires")).getText()).contains("nous proposons une visite sur place");
        assertThat(envelope()).isEqualTo("Notifications : aucune non lue");
        assertThat(findAll(By.cssSelector(".envelope-badge"))).isEmpty();

        visit("/notifications");
        assertThat(findAll(By.cssSelector(".notification.is-unread"))).isEmpty();
        assertThat(find(By.cssSelector(".notification")).getText()).doesNotContain("Non lue");
    }

    @Test
    void aMemberChoosesWhatToBeToldOfWithoutJavaScript() {
        signIn(member);
        find(By.cssSelector(".user-menu summary")).click();
        submit(By.partialLinkText("Paramètres de notifications"));
        assertThat(path()).isEqualTo("/notifications/parametres");
        checkAccessibility();
        assertThat(findAll(By.cssSelector("input[type=checkbox]:checked")))
                .hasSize(34); // 17 events a member is told of (loan and session ones included), 2 channels each
        assertThat(findAll(By.cssSelector("input[name=resume]")))
                .as("the digest is for staff")
                .isEmpty();

        clickOn(By.xpath("//label[normalize-space()='Nouveau document ajouté, par e-mail']"));
        submit(By.xpath("//button[normalize-space()='Enregistrer']"));
        assertThat(find(By.cssSelector(".alert-success")).getText()).isEqualTo("Paramètres enregistrés.");
        checkAccessibility();
        assertThat(find(By.id("DOCUMENT-EMAIL")).isSelected()).isFalse();
        assertThat(find(By.id("DOCUMENT-APP")).isSelected()).isTrue();
    }

    @Test
    void anAdminFindsTheMailsNotSentYet() {
        signIn(admin);
        visit("/admin");
        submit(By.partialLinkText("Courriels non envoyés"));
        assertThat(path()).isEqualTo("/admin/courriels");
        checkAccessibility();
        assertThat(find(By.tagName("h1")).getText()).isEqualTo("Courriels non envoyés");

        // staff may gather the mails of an event in the daily digest
        visit("/notifications/parametres");
        clickOn(By.xpath("//label[normalize-space()='Nouveau commentaire, e-mail dans le résumé quotidien']"));
        submit(By.xpath("//button[normalize-space()='Enregistrer']"));
        assertThat(find(By.cssSelector(".alert-success")).getText()).isEqualTo("Paramètres enregistrés.");
        assertThat(find(By.id("COMMENTAIRE-RESUME")).isSelected()).isTrue();
        assertThat(find(By.id("DOCUMENT-RESUME")).isSelected()).isFalse();
        assertThat(find(By.id("COMMENTAIRE-EMAIL")).isSelected()).isTrue();
        checkAccessibility();
        screenshot("notification-settings-staff");
    }
}
