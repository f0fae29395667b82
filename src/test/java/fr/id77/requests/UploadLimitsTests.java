package fr.id77.requests;

import static fr.id77.account.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.id77.account.CurrentUser;
import fr.id77.support.Fixtures;
import jakarta.servlet.MultipartConfigElement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/** Upload bounds follow the application's own limit, anonymous uploads are never read, each collectivity has a quota. */
@SpringBootTest(properties = {"id77.attachments.max-size=1KB", "id77.attachments.quota-per-collectivity=3KB"})
@AutoConfigureMockMvc
class UploadLimitsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MultipartConfigElement multipart;

    @Value("${id77.data-dir}")
    Path dataDir;

    static MockMultipartFile pdf(String name, int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) 'a');
        System.arraycopy("%PDF-1.4\n".getBytes(), 0, bytes, 0, 9);
        return new MockMultipartFile("fichiers", name, "application/pdf", bytes);
    }

    long count(String sql, long collectivityId) {
        return jdbc.sql(sql).param("c", collectivityId).query(Long.class).single();
    }

    long storedFiles() throws IOException {
        Path root = dataDir.resolve("files"); // the one storage of every module
        if (!Files.exists(root)) {
            return 0;
        }
        try (var walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void theServletRefusesWhatTheApplicationWouldRefuse() {
        assertThat(multipart.getMaxFileSize()).isEqualTo(1024);
        assertThat(multipart.getMaxRequestSize()).isEqualTo(4 * 1024);
    }

    /** The file fields carry, for the check the browser makes before sending (upload.js), the limits the server applies. */
    @Test
    void theLimitsWrittenOnTheFileFieldsAreTheConfiguredOnes() throws Exception {
        Fixtures f = new Fixtures(jdbc);
        Fixtures.Collectivity commune = f.collectivity("Commune des Limites", "Melun");
        CurrentUser member = f.adherent(commune, "Lina");
        f.lead("O36", f.chefDeFile("Léon"));
        String limits = "accept=\"" + AttachmentPolicy.ACCEPT + "\" data-max-bytes=\"1024\" data-max-files=\""
                + RequestFiles.MAX_FILES + "\" data-per-post-bytes=\"4096\"";
        String form = mvc.perform(
                        get("/demandes/nouvelle").param("offre", "O36").with(as(member)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(fileField(form, "fichiers"))
                .contains(
                        limits, "data-remaining-bytes=\"3072\"", "data-types=\"" + AttachmentPolicy.HUMAN_LIST + "\"");
        assertThat(form).containsPattern("<script src=\"/js/upload-[0-9a-f]{32}\\.js\" defer>");

        String numero = file(commune, member, pdf("un.pdf", 1000));
        String page = mvc.perform(get(numero).with(as(member)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(fileField(page, "ajout-fichiers")).contains(limits, "data-remaining-bytes=\"2072\"");
        assertThat(fileField(page, "comment-files")).contains(limits, "data-remaining-bytes=\"2072\"");
        assertThat(page).containsPattern("/js/upload-[0-9a-f]{32}\\.js");

        String profile = mvc.perform(get("/compte/profil").with(as(member)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(fileField(profile, "logo"))
                .contains("accept=\"image/png,image/jpeg,image/webp\"", "data-max-bytes=\"1048576\"");
        assertThat(profile).containsPattern("/js/upload-[0-9a-f]{32}\\.js");
    }

    /** Files a request for the offer O36 with these files; returns its address. */
    private String file(Fixtures.Collectivity commune, CurrentUser member, MockMultipartFile... files)
            throws Exception {
        MockMultipartHttpServletRequestBuilder post = multipart("/demandes");
        for (MockMultipartFile file : files) {
            post.file(file);
        }
        return mvc.perform(post.param("offre", "O36")
                        .param("referent", String.valueOf(commune.referentId()))
                        .with(csrf())
                        .with(as(member)))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
    }

    /** The {@code <input>} tag of the given id, as rendered. */
    private static String fileField(String html, String id) {
        Matcher tag = Pattern.compile("<input[^>]*\\bid=\"" + id + "\"[^>]*>").matcher(html);
        assertThat(tag.find()).as("champ " + id).isTrue();
        return tag.group();
    }

    @Test
    void anUploadFromSomeoneNotSignedInIsSentToSignInBeforeItsBodyIsRead() throws Exception {
        // no CSRF token either: the CSRF check (which reads the body) is never reached
        mvc.perform(multipart("/demandes").file(pdf("plan.pdf", 100)).param("offre", "O36"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/connexion"));
    }

    @Test
    void theSpaceACollectivityTakesIsKeptByTheDatabaseAsFilesComeAndGo() throws Exception {
        Fixtures f = new Fixtures(jdbc);
        Fixtures.Collectivity commune = f.collectivity("Commune de l'Espace", "Melun");
        Fixtures.Collectivity other = f.collectivity("Commune Voisine de l'Espace", "Melun");
        CurrentUser member = f.adherent(commune, "Sidonie");
        CurrentUser neighbour = f.adherent(other, "Sixtine");
        f.lead("O36", f.chefDeFile("Séverin"));
        file(commune, member, pdf("un.pdf", 700), pdf("deux.pdf", 300));
        file(other, neighbour, pdf("trois.pdf", 500));
        String kept = "SELECT coalesce(max(bytes), 0) FROM collectivity_storage_use WHERE collectivity_id = :c";
        String summed = "SELECT coalesce(sum(a.size_bytes), 0) FROM request_attachment a"
                + " JOIN request r ON r.id = a.request_id WHERE r.collectivity_id = :c";
        assertThat(count(kept, commune.id()))
                .isEqualTo(count(summed, commune.id()))
                .isEqualTo(1000);
        assertThat(count(kept, other.id())).isEqualTo(500);

        jdbc.sql("DELETE FROM request_attachment WHERE file_name = 'un.pdf' AND request_id IN"
                        + " (SELECT id FROM request WHERE collectivity_id = :c)")
                .param("c", commune.id())
                .update();

        assertThat(count(kept, commune.id()))
                .isEqualTo(count(summed, commune.id()))
                .isEqualTo(300);
        assertThat(count(kept, other.id())).isEqualTo(500);
    }

    @Test
    void filesBeyondTheCollectivitysQuotaAreRefusedNextToTheFieldAndNothingIsWritten() throws Exception {
        Fixtures f = new Fixtures(jdbc);
        Fixtures.Collectivity commune = f.collectivity("Commune du Quota", "Melun");
        CurrentUser member = f.adherent(commune, "Quentin");
        f.lead("O36", f.chefDeFile("Quitterie"));
        String numero = file(commune, member, pdf("un.pdf", 1000), pdf("deux.pdf", 1000));

        mvc.perform(get("/demandes/nouvelle")
                        .param("offre", "O36")
                        .param("nouvelle", "1")
                        .with(as(member)))
                .andExpect(content()
                        .string(containsString("Espace de stockage restant pour votre collectivité : 1 Ko sur 3 Ko")));

        long requests = count("SELECT count(*) FROM request WHERE collectivity_id = :c", commune.id());
        long files = storedFiles();
        mvc.perform(multipart("/demandes")
                        .file(pdf("trois.pdf", 1000))
                        .file(pdf("quatre.pdf", 1000))
                        .param("offre", "O36")
                        .param("referent", String.valueOf(commune.referentId()))
                        .with(csrf())
                        .with(as(member)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"fichiers-erreur\"")))
                .andExpect(content()
                        .string(containsString(
                                "dépassent l&#39;espace de stockage restant de la collectivité : 1 Ko sur 3 Ko")));
        assertThat(count("SELECT count(*) FROM request WHERE collectivity_id = :c", commune.id()))
                .isEqualTo(requests);
        assertThat(storedFiles()).isEqualTo(files);

        mvc.perform(multipart(numero + "/commentaires")
                        .file(pdf("cinq.pdf", 1000))
                        .file(pdf("six.pdf", 1000))
                        .param("message", "Voici la suite.")
                        .with(csrf())
                        .with(as(member)))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("commentFileError", containsString("espace de stockage restant")));
        assertThat(count(
                        "SELECT count(*) FROM request_comment c JOIN request r ON r.id = c.request_id WHERE r.collectivity_id = :c "
                                + "AND c.body = 'Voici la suite.'",
                        commune.id()))
                .isZero();
        assertThat(count(
                        "SELECT count(*) FROM request_attachment a JOIN request r ON r.id = a.request_id WHERE r.collectivity_id = :c",
                        commune.id()))
                .isEqualTo(2);
        assertThat(storedFiles()).isEqualTo(files);

        mvc.perform(multipart(numero + "/fichiers")
                        .file(pdf("sept.pdf", 1000))
                        .with(csrf())
                        .with(as(member)))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("success", "Les fichiers ont été ajoutés."));
        mvc.perform(get(numero).with(as(member)))
                .andExpect(content()
                        .string(containsString("Espace de stockage restant pour la collectivité : 0 Ko sur 3 Ko")))
                // both upload fields of the request page state the configured limit, as the filing form does
                .andExpect(content()
                        .string(containsString("id=\"ajout-aide\" class=\"form-text\">1 Ko au plus par fichier")))
                .andExpect(content()
                        .string(containsString(
                                "id=\"comment-files-aide\" class=\"form-text\">1 Ko au plus par fichier")))
                .andExpect(content().string(not(containsString("150 Mo"))));
    }
}
