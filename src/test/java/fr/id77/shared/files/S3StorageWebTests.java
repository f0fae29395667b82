package fr.id77.shared.files;

import static fr.id77.account.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doCallRealMethod;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.id77.account.CurrentUser;
import fr.id77.support.Fixtures;
import fr.id77.support.S3TestServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The application with {@code ID77_STORAGE=s3} against a real S3 protocol server ({@link S3TestServer}): a request's
 * file goes through the web layer into the bucket and comes back, a refused upload or a storage failure takes the files
 * already stored with its rolled-back transaction (and says so in French), and the nightly orphan purge cleans the
 * bucket. Nothing touches the filesystem.
 */
@SpringBootTest(
        properties = {
            "id77.storage.type=s3",
            "id77.attachments.max-size=8MB",
            // the purge's cut-off in the future: every unclaimed object counts as old
            "id77.purge.orphan-files.after=-1m"
        })
@AutoConfigureMockMvc
class S3StorageWebTests {

    private static final int MB = 1024 * 1024;

    static S3Client bucket;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @MockitoSpyBean
    FileStorage storage;

    @Autowired
    OrphanFilePurge purge;

    @Autowired
    StorageHealthIndicator health;

    @Value("${id77.data-dir}")
    Path dataDir;

    Fixtures.Collectivity commune;
    CurrentUser member;
    CurrentUser chef;

    @DynamicPropertySource
    static void s3(DynamicPropertyRegistry registry) {
        registry.add("id77.storage.s3.endpoint", () -> S3TestServer.get().endpoint());
        registry.add("id77.storage.s3.bucket", () -> S3TestServer.BUCKET);
        registry.add("id77.storage.s3.access-key", () -> S3TestServer.ACCESS_KEY);
        registry.add("id77.storage.s3.secret-key", () -> S3TestServer.SECRET_KEY);
    }

    @BeforeAll
    static void connect() {
        bucket = S3TestServer.get().client();
    }

    @AfterAll
    static void disconnect() {
        bucket.close();
    }

    @BeforeEach
    void people() {
        Fixtures f = new Fixtures(jdbc);
        commune = f.collectivity("Commune de Testville", "Melun");
        member = f.adherent(commune, "Anne");
        chef = f.chefDeFile("Paul");
        f.lead("O36", chef);
    }

    @Test
    void aRequestFileGoesIntoTheBucketAndComesBackThroughTheWeb() throws Exception {
        assertThat(storage).isInstanceOf(S3Storage.class);
        assertThat(health.health(false).getStatus())
                .as("readiness: the bucket answers")
                .isEqualTo(Status.UP);
        byte[] plan = pdf(6 * MB); // more than one part: a multipart upload

        int numero = fileRequest(new MockMultipartFile("fichiers", "plan.pdf", "application/pdf", plan));

        Attachment attachment = attachment(numero);
        String key = attachment.storageKey();
        assertThat(objects()).contains(key);
        assertThat(dataDir.resolve("files").resolve(key.substring(0, 2)).resolve(key))
                .as("rien sur le disque de l'instance")
                .doesNotExist();
        byte[] downloaded = mvc.perform(get("/demandes/" + numero + "/fichiers/" + attachment.id())
                        .with(as(chef)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(downloaded).isEqualTo(plan);
    }

    @Test
    void aFileRefusedHalfWayTakesTheFilesAlreadyStoredWithItsTransaction() throws Exception {
        Set<String> before = objects();
        long requests = requests();
        // announced small, but 9 MB arrive: refused while streaming, after the first file and a first part were stored
        MockMultipartFile growing = new MockMultipartFile("fichiers", "annexe.pdf", "application/pdf", pdf(9 * MB)) {
            @Override
            public long getSize() {
                return 100;
            }
        };

        postRequest(new MockMultipartFile("fichiers", "plan.pdf", "application/pdf", pdf(1000)), growing)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("« annexe.pdf » dépasse la taille maximale de 8 Mo")));

        assertThat(requests()).isEqualTo(requests);
        assertThat(objects())
                .as("plan.pdf, stored, then removed with the rollback")
                .isEqualTo(before);
        assertThat(bucket.listMultipartUploads(b -> b.bucket(S3TestServer.BUCKET))
                        .uploads())
                .as("the multipart upload of annexe.pdf is aborted")
                .isEmpty();
    }

    @Test
    void whenTheStorageFailsThePersonIsToldAndNothingIsKept() throws Exception {
        Set<String> before = objects();
        long requests = requests();
        // the first file goes into the bucket, then S3 stops answering
        doCallRealMethod()
                .doThrow(new IOException("S3 injoignable"))
                .when(storage)
                .store(any(), anyLong());

        postRequest(
                        new MockMultipartFile("fichiers", "plan.pdf", "application/pdf", pdf(1000)),
                        new MockMultipartFile("fichiers", "annexe.pdf", "application/pdf", pdf(1000)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("« annexe.pdf » n&#39;a pas pu être enregistré")))
                .andExpect(content().string(containsString("réessayez dans quelques minutes")));

        assertThat(requests()).isEqualTo(requests);
        assertThat(objects()).as("plan.pdf removed with the rollback").isEqualTo(before);
    }

    @Test
    void theOrphanPurgeDeletesWhatNoRowClaimsAndAbandonedUploads() throws Exception {
        int numero = fileRequest(new MockMultipartFile("fichiers", "plan.pdf", "application/pdf", pdf(1000)));
        Attachment claimed = attachment(numero);
        String orphan = storage.store(new ByteArrayInputStream("orphelin".getBytes(StandardCharsets.UTF_8)), 100)
                .key();
        String abandoned = StorageKeys.newKey();
        String uploadId = bucket.createMultipartUpload(
                        b -> b.bucket(S3TestServer.BUCKET).key(abandoned))
                .uploadId();
        bucket.uploadPart(
                b -> b.bucket(S3TestServer.BUCKET)
                        .key(abandoned)
                        .uploadId(uploadId)
                        .partNumber(1),
                RequestBody.fromString("début d'un envoi"));

        assertThat(purge.purge()).isGreaterThanOrEqualTo(2);

        assertThat(objects()).contains(claimed.storageKey()).doesNotContain(orphan);
        assertThat(bucket.listMultipartUploads(b -> b.bucket(S3TestServer.BUCKET))
                        .uploads())
                .isEmpty();
        mvc.perform(get("/demandes/" + numero + "/fichiers/" + claimed.id()).with(as(chef)))
                .andExpect(status().isOk());
    }

    private int fileRequest(MockMultipartFile file) throws Exception {
        MvcResult result =
                postRequest(file).andExpect(status().is3xxRedirection()).andReturn();
        return Integer.parseInt(result.getResponse().getRedirectedUrl().replace("/demandes/", ""));
    }

    /** The new request form of O36, sent by the member with {@code files}. */
    private ResultActions postRequest(MockMultipartFile... files) throws Exception {
        MockMultipartHttpServletRequestBuilder form = multipart("/demandes");
        for (MockMultipartFile file : files) {
            form.file(file);
        }
        return mvc.perform(form.param("offre", "O36")
                .param("referent", String.valueOf(commune.referentId()))
                .param("message", "Bonjour, voici nos plans.")
                .with(csrf())
                .with(as(member)));
    }

    /** A PDF as far as the type check sees, of {@code size} bytes. */
    private static byte[] pdf(int size) {
        byte[] content = new byte[size];
        Arrays.fill(content, (byte) 'x');
        byte[] header = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, content, 0, header.length);
        content[size - 1] = '\n';
        return content;
    }

    private Set<String> objects() {
        return bucket.listObjectsV2Paginator(b -> b.bucket(S3TestServer.BUCKET)).contents().stream()
                .map(S3Object::key)
                .collect(Collectors.toSet());
    }

    private long requests() {
        return jdbc.sql("SELECT count(*) FROM request").query(Long.class).single();
    }

    /** The one file of request {@code numero}: its id and its key in the bucket. */
    private Attachment attachment(int numero) {
        return jdbc.sql("SELECT a.id, a.storage_key FROM request_attachment a JOIN request r ON r.id = a.request_id "
                        + "WHERE r.numero = :n")
                .param("n", numero)
                .query(Attachment.class)
                .single();
    }

    record Attachment(long id, String storageKey) {}
}
