package fr.id77.membership;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import fr.id77.account.Accounts;
import fr.id77.account.NewAccount;
import fr.id77.account.Role;
import fr.id77.support.BrowserTest;
import fr.id77.support.Fixtures;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.TestSocketUtils;

/**
 * The whole adhesion journey in a real browser, mails caught by GreenMail: registration (with errors
 * shown next to the fields), e-mail confirmation, validation by an admin, password chosen from the
 * welcome mail, sign-in, two technical referents, a logo. Every page is checked with axe.
 */
class MembershipJourneyIT extends BrowserTest {

    /**
     * A free port chosen up front, so that two builds can run side by side: the Spring context of this per-class test
     * starts before GreenMail's beforeAll, so the port must be known before either.
     */
    static final int SMTP_PORT = TestSocketUtils.findAvailableTcpPort();

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(
                    new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("id77.mail.poll-interval", () -> "PT0.3S");
    }

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    private static final String ADMIN_PASSWORD = "une phrase admin solide";
    private static final String PASSWORD = "le héron au long bec";

    @Test
    void aCollectivityRegistersIsValidatedAndCompletesItsProfile() throws Exception {
        String admin = MembershipFixtures.unique("adm");
        accounts.createDemoAccount(
                new NewAccount(admin, admin + "@id77.test", "MME", "Claire", "Admin", null, Role.ADMIN, null),
                ADMIN_PASSWORD);
        String identifiant = MembershipFixtures.unique("mairie");
        String email = identifiant + "@commune.test";
        String name = "Commune de Bois-le-Roi " + identifiant;

        visit("/connexion");
        click(find(By.linkText("S'inscrire")));
        assertThat(path()).isEqualTo("/inscription");
        checkAccessibility();

        type("collectivity.name", name);
        new Select(find(By.id("collectivity.category"))).selectByVisibleText("Communes");
        type("collectivity.siret", "12345678911123");
        type("collectivity.population", "5900");
        new Select(find(By.id("collectivity.canton"))).selectByVisibleText("Fontainebleau");
        new Select(find(By.id("collectivity.representativeTitle"))).selectByVisibleText("Maire");
        click(find(By.cssSelector("input[name='collectivity.representativeCivility'][value='M']")));
        type("collectivity.representativeFirstName", "Jean");
        type("collectivity.representativeLastName", "Dupont");
        click(find(By.cssSelector("input[name='collectivity.referentCivility'][value='MME']")));
        type("collectivity.referentFirstName", "Anne");
        type("collectivity.referentLastName", "Martin");
        type("identifiant", "Bois Le Roi");
        type("email", email);
        type("phone", "01 64 87 00 00");
        submit("Inscription");

        assertThat(path()).isEqualTo("/inscription");
        checkAccessibility();
        assertInvalid("collectivity.siret", "14 chiffres");
        assertInvalid("identifiant", "lettres minuscules ou chiffres");
        assertThat(find(By.id("collectivity.name")).getDomAttribute("class")).contains("is-valid");
        assertThat(find(By.id("collectivity.name")).getDomProperty("value")).isEqualTo(name);

        type("collectivity.siret", "21770051800012");
        type("identifiant", identifiant);
        submit("Inscription");
        assertThat(path()).isEqualTo("/inscription/envoyee");
        checkAccessibility();

        visit(linkPath(awaitMail(email, "confirmez"), "/inscription/confirmation"));
        submit("Confirmer mon adresse e-mail");
        assertThat(find(By.cssSelector(".alert-success")).getText()).contains("adresse e-mail est confirmée");
        checkAccessibility();

        signInAs(admin, ADMIN_PASSWORD);
        visit("/admin");
        click(find(By.partialLinkText("Demandes d'adhésion")));
        checkAccessibility();
        WebElement request = find(By.xpath("//article[h2[normalize-space()='" + name + "']]"));
        assertThat(request.getText())
                .contains("21770051800012", "Fontainebleau", "Mme Anne Martin", identifiant, email, "01 64 87 00 00");
        WebElement validate = request.findElement(By.xpath(".//button[starts-with(normalize-space(), 'Valider')]"));
        click(validate);
        awaitGone(validate);
        assertThat(find(By.cssSelector(".alert-success")).getText()).contains("Adhésion validée");
        checkAccessibility();
        signOut();

        MimeMessage welcome = awaitMail(email, "validée");
        assertThat(text(welcome)).contains(identifiant);
        visit(linkPath(welcome, "/mot-de-passe/nouveau"));
        find(By.id("password")).sendKeys(PASSWORD);
        find(By.id("confirmation")).sendKeys(PASSWORD);
        submit("Enregistrer le mot de passe");
        assertThat(path()).isEqualTo("/connexion");
        checkAccessibility();

        signInAs(email, PASSWORD);
        visit("/compte");
        assertThat(find(By.id("profil-titre")).getText()).isEqualTo(name);
        addReferent("Responsable urbanisme", "Anne Test", "Service Urbanisme", "anne.test@commune.test", "0164434546");
        addReferent(
                "Chargé de projets", "Jean Test", "Direction générale", "jean.test@commune.test", "+33 1 64 43 46 47");
        assertThat(find(By.id("referents")).getText()).contains("Anne Test", "Jean Test", "01 64 43 46 47");

        click(find(By.linkText("Éditer le profil")));
        assertThat(path()).isEqualTo("/compte/profil");
        assertThat(find(By.id("identite")).getText()).as("validated: read only").contains(name, "21770051800012");
        assertThat(findAll(By.id("collectivity.name"))).isEmpty();
        checkAccessibility();
        find(By.id("logo")).sendKeys(smallPng().toString());
        submit("Enregistrer");
        assertThat(path()).isEqualTo("/compte");
        assertThat(find(By.cssSelector(".alert-success")).getText())
                .contains("profil de votre collectivité est enregistré");
        assertThat(find(By.cssSelector("img.collectivity-logo")).getDomAttribute("src"))
                .endsWith("/logo");
        assertThat(findAll(By.cssSelector("summary img.user-menu-logo"))).hasSize(1);
        assertThat(find(By.cssSelector(".user-menu summary")).getText()).contains("Bonjour Anne");
        checkAccessibility();
        signOut();

        // only an admin renames a validated collectivity
        signInAs(admin, ADMIN_PASSWORD);
        visit("/admin/collectivites");
        WebElement row = findAll(By.cssSelector("tbody tr")).stream()
                .filter(r -> r.getText().startsWith(name))
                .findFirst()
                .orElseThrow();
        click(row.findElement(By.partialLinkText("Modifier")));
        checkAccessibility();
        type("collectivity.name", name + " renommée");
        submit("Enregistrer");
        assertThat(path()).isEqualTo("/admin/collectivites");
        assertThat(find(By.cssSelector(".alert-success")).getText()).contains(name + " renommée");
        checkAccessibility();
    }

    @Test
    void anAdminSuspendsACollectivityAndFindsTheDecisionInTheJournal() {
        String admin = MembershipFixtures.unique("jrn");
        accounts.createDemoAccount(
                new NewAccount(admin, admin + "@id77.test", "M", "Julien", "Journal", null, Role.ADMIN, null),
                ADMIN_PASSWORD);
        String name = "Commune de Journal-sur-Marne " + admin;
        new Fixtures(jdbc).collectivity(name, "Meaux");

        signInAs(admin, ADMIN_PASSWORD);
        visit("/admin");
        click(find(By.partialLinkText("Collectivités adhérentes")));
        checkAccessibility();
        WebElement row = find(By.xpath("//tr[td[normalize-space()='" + name + "']]"));
        row.findElement(By.name("motif")).sendKeys("Convention non renouvelée");
        WebElement suspend = row.findElement(By.xpath(".//button[starts-with(normalize-space(), 'Suspendre')]"));
        click(suspend);
        waiting().until(ExpectedConditions.alertIsPresent()).accept();
        awaitGone(suspend);
        assertThat(find(By.cssSelector(".alert-success")).getText()).contains("Adhésion suspendue");
        checkAccessibility();

        visit("/admin");
        click(find(By.partialLinkText("Journal des décisions")));
        assertThat(path()).isEqualTo("/admin/journal");
        checkAccessibility();
        assertThat(find(By.cssSelector(".audit-table tbody tr")).getText())
                .as("la plus récente en tête")
                .contains("Julien Journal", "Collectivité suspendue", name, "Convention non renouvelée");

        type("objet", "journal-sur-marne " + admin);
        new Select(find(By.id("action"))).selectByVisibleText("Collectivité : Collectivité suspendue");
        submit("Filtrer");
        assertThat(path()).contains("objet=").contains("action=COLLECTIVITY_SUSPENDED");
        checkAccessibility();
        assertThat(findAll(By.cssSelector(".audit-table tbody tr"))).hasSize(1);
        assertThat(find(By.cssSelector(".audit-table tbody tr")).getText()).contains(name, "Convention non renouvelée");
    }

    private void addReferent(String title, String fullName, String service, String email, String phone) {
        type("title", title);
        type("fullName", fullName);
        type("service", service);
        type("email", email);
        type("phone", phone);
        submit("Ajouter le référent");
        assertThat(find(By.cssSelector(".alert-success")).getText()).contains(fullName);
        checkAccessibility();
    }

    private void signOut() {
        click(find(By.cssSelector(".user-menu summary")));
        submit("Déconnexion");
        assertThat(path()).startsWith("/connexion");
    }

    private void click(WebElement element) {
        ((JavascriptExecutor) driver)
                .executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
        element.click();
    }

    private void type(String id, String value) {
        WebElement field = find(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    private void submit(String label) {
        WebElement button = find(By.xpath("//button[normalize-space()=\"" + label + "\"]"));
        click(button);
        awaitGone(button);
    }

    /**
     * Waits until the page holding {@code element} is replaced. While it unloads, Chromium may answer
     * « Node with given id does not belong to the document » instead of « stale element »: asked again.
     */
    private void awaitGone(WebElement element) {
        waiting().ignoring(WebDriverException.class).until(ExpectedConditions.stalenessOf(element));
    }

    private void assertInvalid(String id, String reason) {
        WebElement field = find(By.id(id));
        assertThat(field.getDomAttribute("class")).contains("is-invalid");
        assertThat(field.getDomAttribute("aria-describedby")).contains(id + "-erreur");
        assertThat(find(By.id(id + "-erreur")).getText()).contains(reason);
    }

    private MimeMessage awaitMail(String to, String subjectPart) throws Exception {
        for (int i = 0; i < 100; i++) {
            MimeMessage found = Arrays.stream(greenMail.getReceivedMessages())
                    .filter(m -> {
                        try {
                            return m.getAllRecipients()[0].toString().equals(to)
                                    && m.getSubject().contains(subjectPart);
                        } catch (Exception e) {
                            return false;
                        }
                    })
                    .reduce((a, b) -> b)
                    .orElse(null);
            if (found != null) {
                return found;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Pas de courriel « " + subjectPart + " » pour " + to);
    }

    private static String linkPath(MimeMessage message, String path) throws Exception {
        Matcher m =
                Pattern.compile(Pattern.quote(path) + "\\?jeton=[A-Za-z0-9_-]+").matcher(text(message));
        assertThat(m.find()).as("lien " + path).isTrue();
        return m.group();
    }

    private static String text(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                all.append(text(body));
            }
            return all.toString();
        }
        return "";
    }

    private static Path smallPng() throws Exception {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(0x1d4f91));
        g.fillRect(0, 0, 16, 16);
        g.dispose();
        Path file = Files.createTempFile("blason", ".png");
        ImageIO.write(image, "png", file.toFile());
        file.toFile().deleteOnExit();
        return file;
    }
}
