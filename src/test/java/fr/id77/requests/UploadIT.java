package fr.id77.requests;

import static org.assertj.core.api.Assertions.assertThat;

import fr.id77.account.Accounts;
import fr.id77.account.NewAccount;
import fr.id77.account.Role;
import fr.id77.support.BrowserTest;
import fr.id77.support.Fixtures;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Uploads in a real browser (static/js/upload.js): files too large or of a refused type are stopped next to the field
 * before anything is sent; a valid file is sent in the background with a progress bar and the time left, then listed
 * on the request; a connection lost or a server error leaves the form as it was, with a message, and nothing stored.
 * The server stays the authority: a file whose name passes but whose content does not is refused by it.
 */
class UploadIT extends BrowserTest {

    static final String PASSWORD = "Envoi-Test-2026";
    static final String INTERRUPTED =
            "L'envoi a été interrompu : rien n'a été enregistré. Vous pouvez renvoyer le fichier.";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Accounts accounts;

    String member;
    int numero;
    Path dir;

    @BeforeAll
    void data() throws IOException {
        Fixtures fixtures = new Fixtures(jdbc);
        Fixtures.Collectivity commune = fixtures.collectivity("Commune des Envois", "Provins");
        member = "envois" + System.nanoTime() % 1_000_000;
        accounts.createDemoAccount(
                new NewAccount(
                        member,
                        member + "@envois.example",
                        "MME",
                        "Eva",
                        "Envoi",
                        "01 60 00 00 01",
                        Role.ADHERENT,
                        commune.id()),
                PASSWORD);
        fixtures.lead("O50", fixtures.chefDeFile("Ulysse"));
        dir = Files.createTempDirectory("id77-upload");
    }

    @BeforeEach
    void online() {
        network(Map.of("offline", false, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
    }

    @AfterEach
    void noThrottle() {
        online();
    }

    /** Chromium's own network emulation (DevTools protocol): a slow line, or no line at all. */
    private void network(Map<String, Object> conditions) {
        ChromeDriver chromium = (ChromeDriver) driver;
        chromium.executeCdpCommand("Network.enable", Map.of());
        chromium.executeCdpCommand("Network.emulateNetworkConditions", conditions);
    }

    private long attachments() {
        return jdbc.sql("SELECT count(*) FROM request_attachment a JOIN request r ON r.id = a.request_id "
                        + "WHERE r.numero = :n")
                .param("n", numero)
                .query(Long.class)
                .single();
    }

    /** A file of that size that takes no room on disk: the browser reads its size, never its content, when refusing it. */
    private Path sparse(String name, long size) throws IOException {
        Path file = dir.resolve(name);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size);
        }
        return file;
    }

    private Path pdf(String name, int size) throws IOException {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) 'a');
        System.arraycopy("%PDF-1.4\n".getBytes(), 0, bytes, 0, 9);
        return Files.write(dir.resolve(name), bytes);
    }

    /** Every text the progress box showed, recorded as it changes; kept by the window when the page's body is replaced. */
    private void recordProgress() {
        js().executeScript("window.id77Progress = []; new MutationObserver(function () {"
                + " var s = document.querySelector('.upload-progress-status');"
                + " if (s && window.id77Progress[window.id77Progress.length - 1] !== s.textContent) {"
                + "   window.id77Progress.push(s.textContent); }"
                + "}).observe(document.documentElement, {subtree: true, childList: true, characterData: true});"
                + "window.id77SamePage = true;");
    }

    @SuppressWarnings("unchecked")
    private List<String> progressSeen() {
        return (List<String>) js().executeScript("return window.id77Progress;");
    }

    private boolean samePage() {
        return Boolean.TRUE.equals(js().executeScript("return window.id77SamePage === true;"));
    }

    private JavascriptExecutor js() {
        return (JavascriptExecutor) driver;
    }

    private void fileRequest() throws IOException {
        if (numero != 0) {
            return;
        }
        signInAs(member, PASSWORD);
        visit("/demandes/nouvelle?offre=O50");
        new Select(find(By.id("referent"))).selectByIndex(1);
        find(By.id("fichiers")).sendKeys(pdf("plan.pdf", 2000).toString());
        recordProgress();
        submitUpload(By.cssSelector("main form button[type=submit]"));
        assertThat(samePage())
                .as("sent in the background, the page's body replaced")
                .isTrue();
        assertThat(path()).matches("/demandes/\\d+");
        checkAccessibility();
        numero = Integer.parseInt(path().substring("/demandes/".length()));
        assertThat(find(By.cssSelector(".flash-messages")).getText()).contains("Votre demande N°" + numero);
        assertThat(find(By.id("fichiers")).getText()).contains("plan.pdf");
    }

    /** Opens the request page (the request filed first if need be), records progress; returns how many files it has. */
    private long onTheRequestPage() throws IOException {
        fileRequest();
        visit("/demandes/" + numero);
        recordProgress();
        return attachments();
    }

    @Test
    void aFileTooLargeIsStoppedInTheBrowserAndNothingIsSent() throws IOException {
        long before = onTheRequestPage();
        find(By.id("ajout-fichiers"))
                .sendKeys(sparse("enorme.pdf", 151L * 1024 * 1024).toString());
        assertThat(find(By.id("ajout-fichiers-verification")).getText())
                .isEqualTo("« enorme.pdf » (151 Mo) dépasse la taille maximale de 150 Mo. "
                        + "Rien n'a été envoyé : choisissez d'autres fichiers.");
        assertThat(find(By.id("ajout-fichiers")).getDomAttribute("aria-describedby"))
                .isEqualTo("ajout-aide ajout-fichiers-verification");
        checkAccessibility();

        clickOn(By.xpath("//button[normalize-space()='Transférer']"));
        assertThat(samePage()).isTrue();
        assertThat(progressSeen()).as("no upload started").isEmpty();
        assertThat(find(By.id("ajout-fichiers-verification")).getText()).contains("dépasse la taille maximale");
        assertThat(driver.switchTo().activeElement().getDomAttribute("id")).isEqualTo("ajout-fichiers");
        assertThat(attachments()).isEqualTo(before);
    }

    @Test
    void aForbiddenTypeIsStoppedInTheBrowserAndTheServerStillChecksTheContent() throws IOException {
        long before = onTheRequestPage();
        Path program = Files.write(dir.resolve("outil.exe"), new byte[] {'M', 'Z', 0, 0, 1, 2, 3});
        find(By.id("comment-files")).sendKeys(program.toString());
        assertThat(find(By.id("comment-files-verification")).getText())
                .startsWith("« outil.exe » n'est pas d'un type accepté (PDF, Word, Excel");
        find(By.id("message")).sendKeys("Voici l'outil.");
        clickOn(By.xpath("//button[normalize-space()='Envoyer']"));
        assertThat(samePage()).isTrue();
        assertThat(progressSeen()).as("no upload started").isEmpty();
        checkAccessibility();

        // choosing an accepted file instead takes the message away
        find(By.id("comment-files")).clear();
        find(By.id("comment-files")).sendKeys(pdf("note.pdf", 100).toString());
        assertThat(findAll(By.id("comment-files-verification"))).isEmpty();
        assertThat(find(By.id("comment-files")).getDomAttribute("class")).doesNotContain("is-invalid");

        // a name the browser accepts, a content the server refuses: the server's message, next to the field
        visit("/demandes/" + numero);
        Path disguised = Files.write(dir.resolve("deguise.pdf"), new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0});
        find(By.id("ajout-fichiers")).sendKeys(disguised.toString());
        assertThat(findAll(By.id("ajout-fichiers-verification"))).isEmpty();
        submitUpload(By.xpath("//button[normalize-space()='Transférer']"));
        assertThat(find(By.id("ajout-erreur")).getText()).contains("« deguise.pdf » n'est pas d'un type accepté");
        checkAccessibility();
        assertThat(attachments()).isEqualTo(before);
    }

    @Test
    void aValidFileShowsTheProgressAndTheTimeLeftThenIsListed() throws IOException {
        long before = onTheRequestPage();
        find(By.id("ajout-fichiers")).sendKeys(pdf("rapport.pdf", 1_500_000).toString());
        assertThat(findAll(By.id("ajout-fichiers-verification"))).isEmpty();
        // a slow line (about 300 KB/s up), so that the upload lasts a few seconds
        network(Map.of("offline", false, "latency", 20, "downloadThroughput", 10_000_000, "uploadThroughput", 300_000));
        clickOn(By.xpath("//button[normalize-space()='Transférer']"));
        waiting()
                .until(d -> !d.findElements(By.cssSelector(".upload-progress progress"))
                        .isEmpty());
        assertThat(find(By.cssSelector(".upload-progress-status")).getDomAttribute("aria-live"))
                .isEqualTo("polite");
        checkAccessibility();
        awaitUploadEnd();

        assertThat(samePage())
                .as("sent in the background, the page's body replaced")
                .isTrue();
        assertThat(progressSeen())
                .as("percentage and time left while sending")
                .anyMatch(t -> t.matches("\\d{1,2} % — environ \\d+ s restantes?"))
                .last()
                .isEqualTo("100 % — fichiers envoyés, enregistrement en cours…");
        assertThat(path()).isEqualTo("/demandes/" + numero);
        assertThat(find(By.cssSelector(".flash-messages")).getText()).contains("Les fichiers ont été ajoutés.");
        assertThat(find(By.id("fichiers")).getText()).contains("rapport.pdf");
        assertThat(attachments()).isEqualTo(before + 1);
        checkAccessibility();
    }

    @Test
    void aLostConnectionKeepsTheFormWithAMessageAndStoresNothing() throws IOException {
        long before = onTheRequestPage();
        find(By.id("ajout-fichiers")).sendKeys(pdf("coupure.pdf", 50_000).toString());
        network(Map.of("offline", true, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
        submitUpload(By.xpath("//button[normalize-space()='Transférer']"));

        assertThat(find(By.cssSelector("#fichiers .upload-failure")).getText()).isEqualTo(INTERRUPTED);
        assertThat(samePage()).isTrue();
        assertThat(progressSeen()).as("the upload had started").isNotEmpty();
        assertThat(findAll(By.cssSelector(".upload-progress"))).isEmpty();
        assertThat(find(By.id("ajout-fichiers")).getDomProperty("value")).endsWith("coupure.pdf");
        assertThat(find(By.xpath("//button[normalize-space()='Transférer']")).isEnabled())
                .isTrue();
        assertThat(attachments()).isEqualTo(before);

        // back online, the same form sends the same file
        online();
        checkAccessibility();
        submitUpload(By.xpath("//button[normalize-space()='Transférer']"));
        assertThat(find(By.id("fichiers")).getText()).contains("coupure.pdf");
        assertThat(attachments()).isEqualTo(before + 1);
    }

    @Test
    void aServerErrorAnswerKeepsTheFormWithAMessage() throws IOException {
        long before = onTheRequestPage();
        find(By.id("ajout-fichiers")).sendKeys(pdf("panne.pdf", 20_000).toString());
        // the answer a proxy gives when the instance behind it stopped: here the application's own error page (500)
        js().executeScript("document.querySelector('#fichiers form').setAttribute('action', '/error');");
        submitUpload(By.xpath("//button[normalize-space()='Transférer']"));

        assertThat(find(By.cssSelector("#fichiers .upload-failure")).getText()).isEqualTo(INTERRUPTED);
        assertThat(samePage()).isTrue();
        assertThat(progressSeen()).as("the upload had started").isNotEmpty();
        assertThat(find(By.id("ajout-fichiers")).getDomProperty("value")).endsWith("panne.pdf");
        assertThat(attachments()).isEqualTo(before);
        checkAccessibility();
    }

    /** Waits until the upload under way has ended: its progress box is gone. */
    private void awaitUploadEnd() {
        new WebDriverWait(driver, Duration.ofSeconds(60))
                .until(d -> d.findElements(By.cssSelector(".upload-progress")).isEmpty());
    }
}
