package fr.id77.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import fr.id77.account.Accounts;
import fr.id77.account.NewAccount;
import fr.id77.account.Role;
import fr.id77.requests.Actor;
import fr.id77.requests.RequestConversation;
import fr.id77.requests.RequestWorkflow;
import fr.id77.support.BrowserTest;
import fr.id77.support.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The staff's dashboards in a real browser, each page checked with axe: an admin lands on his figures and follows one
 * to the filtered list; a chef de file lands on his desk, sees « 1 nouveauté » appear once the collectivity wrote, on
 * the dashboard and in the requests list, and sees it go once he opened the request.
 */
class DashboardJourneyIT extends BrowserTest {

    static final String PASSWORD = "Tableau-Parcours-2026";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Accounts accounts;

    @Autowired
    RequestWorkflow workflow;

    @Autowired
    RequestConversation conversation;

    String admin;
    String chef;
    Actor member;
    int numero;

    @BeforeAll
    void data() {
        Fixtures fixtures = new Fixtures(jdbc);
        Fixtures.Collectivity commune = fixtures.collectivity("Commune de Tableau-sur-Seine", "Nemours");
        long suffix = System.nanoTime() % 1_000_000;
        admin = "tbadmin" + suffix;
        chef = "tbchef" + suffix;
        String memberLogin = "tbmembre" + suffix;
        create(admin, Role.ADMIN, null);
        create(chef, Role.CHEF_DE_FILE, null);
        create(memberLogin, Role.ADHERENT, commune.id());
        long chefId = id(chef);
        long offerId = jdbc.sql("UPDATE offer SET chef_de_file_id = :u WHERE code = 'O45' RETURNING id")
                .param("u", chefId)
                .query(Long.class)
                .single();
        member = Actor.adherent(id(memberLogin), commune.id());
        numero = workflow.file(member, offerId, chefId, commune.referentId());
    }

    private void create(String login, Role role, Long collectivityId) {
        accounts.createDemoAccount(
                new NewAccount(
                        login,
                        login + "@tableau.example",
                        "M",
                        "Paul",
                        "Tableau",
                        "01 64 00 00 00",
                        role,
                        collectivityId),
                PASSWORD);
    }

    private long id(String login) {
        return jdbc.sql("SELECT id FROM app_user WHERE identifiant = :i")
                .param("i", login)
                .query(Long.class)
                .single();
    }

    /** With {@code -Dscreenshots.dir=…}, keeps a picture of the page (to look at the dashboards). */
    private void picture(String name) throws IOException {
        String dir = System.getProperty("screenshots.dir");
        if (dir != null) {
            Files.createDirectories(Path.of(dir));
            Files.write(Path.of(dir, name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        }
    }

    private WebElement rowOf(String section) {
        return find(By.xpath(
                "//section[@aria-labelledby='" + section + "-title']//tr[td/a[normalize-space()='" + numero + "']]"));
    }

    private boolean listed(String section) {
        return !findAll(By.xpath("//section[@aria-labelledby='" + section + "-title']//tr[td/a[normalize-space()='"
                        + numero + "']]"))
                .isEmpty();
    }

    @Test
    void anAdminLandsOnHisFiguresAndFollowsOneToTheFilteredList() throws IOException {
        signInAs(admin, PASSWORD);
        assertThat(path()).isEqualTo("/admin");
        checkAccessibility();
        picture("admin");
        assertThat(find(By.cssSelector("h1")).getText()).isEqualTo("Administration");
        assertThat(findAll(By.xpath("//section[@aria-labelledby='evenements-title']//tbody/tr")))
                .as("the latest events, the filing of the journey's request among them")
                .isNotEmpty()
                .hasSizeLessThanOrEqualTo(20);

        clickOn(By.partialLinkText("En attente depuis plus de 5 jours ouvrés"));
        assertThat(pathOnceItContains("attente=5")).isEqualTo("/demandes?statut=EN_ATTENTE&attente=5");
        checkAccessibility();
        assertThat(find(By.id("attente")).getAttribute("value")).isEqualTo("5");

        visit("/tableau-de-bord");
        assertThat(find(By.cssSelector("h1")).getText()).isEqualTo("Tableau de bord");
    }

    @Test
    void aChefDeFileSeesANewCommentMarkedUntilHeOpensTheRequest() throws IOException {
        signInAs(chef, PASSWORD);
        assertThat(path()).isEqualTo("/tableau-de-bord");
        checkAccessibility();
        assertThat(rowOf("a-traiter").getText()).contains("0 jour ouvré").doesNotContain("nouveauté", "En attente");
        assertThat(listed("nouveautes")).isFalse();

        conversation.comment(numero, "Bonjour, le plan du bourg est joint à la demande.", null, member);

        visit("/tableau-de-bord");
        picture("chef");
        assertThat(rowOf("a-traiter").getText()).contains("1 nouveauté");
        assertThat(rowOf("nouveautes").getText()).contains("1 nouveauté", "En attente");
        visit("/demandes");
        WebElement marker = find(By.xpath("//tr[td/a[normalize-space()='" + numero + "']]//*[@class='news-marker']"));
        assertThat(marker.getText()).isEqualTo("1 nouveauté");
        assertThat(marker.findElements(By.tagName("svg")))
                .as("an icon with the text")
                .hasSize(1);

        clickOn(By.linkText(String.valueOf(numero)));
        assertThat(pathOnceItContains("/demandes/" + numero)).isEqualTo("/demandes/" + numero);

        visit("/tableau-de-bord");
        assertThat(rowOf("a-traiter").getText()).doesNotContain("nouveauté");
        assertThat(listed("nouveautes")).as("opening the request cleared it").isFalse();
        visit("/demandes");
        assertThat(findAll(By.xpath("//tr[td/a[normalize-space()='" + numero + "']]//*[@class='news-marker']")))
                .isEmpty();
    }
}
