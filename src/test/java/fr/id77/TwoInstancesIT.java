package fr.id77;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import fr.id77.account.CurrentUser;
import fr.id77.support.Fixtures;
import fr.id77.support.PlainBrowser;
import fr.id77.support.PlainBrowser.Page;
import fr.id77.support.TestDatabase;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.util.FileSystemUtils;

/**
 * Two instances of the packaged jar on one PostgreSQL behind nginx, started by {@code src/ops/two-instances.sh} as the
 * README tells (a database of its own on the test PostgreSQL server, a GreenMail SMTP server, free ports). Sign in on
 * one instance and continue on the other; upload through one, download through the other; then a mail outage during
 * which one instance is killed (SIGKILL) in the middle of a large upload through nginx: the uploader reads nginx's
 * French page, no file row and no whole file exist, his session goes on through the other instance, and once the mail
 * server is back every mail of the outbox arrives exactly once. Skips loudly without nginx, but never under CI.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesIT {

    private static final Path SCRIPT = Path.of("src/ops/two-instances.sh").toAbsolutePath();
    private static final Path CLUSTER = Path.of("target/two-instances-it").toAbsolutePath();
    private static final String PASSWORD = "Deux-Instances-77";
    private static final long LARGE_UPLOAD = 120L * 1024 * 1024;

    private final int proxy = freePort();
    private final int[] instances = {freePort(), freePort()};
    private final String managementPorts = freePort() + " " + freePort();
    private final int smtpPort = freePort();
    private final String database = "id77_instances_" + ProcessHandle.current().pid();

    private TestDatabase.Connection server;
    private SingleConnectionDataSource dataSource;
    private JdbcClient db;
    private GreenMail smtp;
    private final List<MimeMessage> delivered = Collections.synchronizedList(new ArrayList<>());
    private boolean started;

    private CurrentUser member;
    private Fixtures.Collectivity commune;
    private final PlainBrowser browser = new PlainBrowser();
    private int numero;
    private String firstFileLink;
    private final byte[] firstFile = "Compte rendu de la réunion de lancement\n".getBytes(StandardCharsets.UTF_8);

    @BeforeAll
    void startTwoInstancesBehindNginx() throws Exception {
        requireNginx();
        server = TestDatabase.get();
        admin(db -> db.sql("CREATE DATABASE " + database).update());
        dataSource = new SingleConnectionDataSource(url(database), server.username(), server.password(), true);
        db = JdbcClient.create(dataSource);
        smtpUp();
        FileSystemUtils.deleteRecursively(CLUSTER);
        started = true;
        script("start");

        // the schema is Flyway's, run by the instances; the people are written directly
        Fixtures fixtures = new Fixtures(db);
        commune = fixtures.collectivity("Commune de Deux-Instances", "Melun");
        member = fixtures.adherent(commune, "Anne");
        CurrentUser chef = fixtures.chefDeFile("Paul");
        fixtures.lead("O01", chef);
        db.sql("UPDATE app_user SET password_hash = :hash, email_confirmed_at = now()")
                .param(
                        "hash",
                        PasswordEncoderFactories.createDelegatingPasswordEncoder()
                                .encode(PASSWORD))
                .update();
    }

    @AfterAll
    void stopEverything() throws Exception {
        try {
            if (started) {
                script("stop");
            }
        } finally {
            if (smtp != null) {
                smtp.stop();
            }
            if (dataSource != null) {
                dataSource.destroy();
                admin(db -> db.sql("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)")
                        .update());
            }
        }
    }

    @Test
    @Order(0)
    void bothStartedAtOnceOnAnEmptyDatabaseAndWroteItsFirstRowsOnce() {
        // (both ran the start-up steps that check then write at the same time: neither stopped on a duplicate)
        assertThat(db.sql("SELECT count(*) FROM offer").query(Integer.class).single())
                .isEqualTo(135);
        assertThat(db.sql("SELECT count(*) FROM app_user WHERE role = 'ADMIN'")
                        .query(Integer.class)
                        .single())
                .isOne();
    }

    @Test
    @Order(1)
    void signedInOnOneInstanceAndGoingOnWithTheOther() {
        browser.get(instances[0], "/connexion");
        Page signedIn =
                browser.post(instances[0], "/connexion", "identifiant", member.identifiant(), "motDePasse", PASSWORD);
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(302);
        assertThat(signedIn.location()).doesNotContain("erreur");

        for (int port : List.of(instances[1], proxy, instances[0])) {
            Page mine = browser.get(port, "/demandes");
            assertThat(mine.status()).as("port " + port).isEqualTo(200);
            assertThat(mine.body()).as("port " + port).contains("Bonjour", "Anne");
        }
        // a form read on one instance is accepted by the other (its CSRF token lives in the shared session)
        Page form = browser.get(instances[1], "/demandes/nouvelle?offre=O01");
        Page filed = browser.post(
                instances[0],
                "/demandes",
                "offre",
                "O01",
                "referent",
                String.valueOf(commune.referentId()),
                "message",
                "Nous souhaitons être accompagnés pour notre projet d'école.",
                "envoi",
                form.hidden("envoi"));
        assertThat(filed.status()).as(filed.body()).isEqualTo(302);
        Matcher number = Pattern.compile("/demandes/(\\d+)").matcher(filed.location());
        assertThat(number.find()).as(filed.location()).isTrue();
        numero = Integer.parseInt(number.group(1));
    }

    @Test
    @Order(2)
    void uploadedThroughOneInstanceDownloadedThroughTheOther() {
        browser.get(instances[0], "/demandes/" + numero);
        Page uploaded = browser.postFile(
                instances[0],
                "/demandes/" + numero + "/fichiers",
                "fichiers",
                "compte-rendu.txt",
                "text/plain",
                firstFile);
        assertThat(uploaded.status()).isEqualTo(302);

        Page request = browser.get(instances[1], "/demandes/" + numero);
        assertThat(request.body()).contains("Les fichiers ont été ajoutés.", "compte-rendu.txt");
        firstFileLink = fileLinks(request).getFirst();
        HttpResponse<byte[]> download = browser.download(instances[1], firstFileLink);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(firstFile);
    }

    @Test
    @Order(3)
    void anInstanceKilledDuringAMailOutageAndALargeUploadLosesNothing() throws Exception {
        // 1. The mail server goes down (nothing on its way to it) while the member writes: the mails wait in the outbox
        waitUntil("the mails of the first steps sent", Duration.ofSeconds(30), () -> unsentMails() == 0);
        smtpDown();
        for (int i = 1; i <= 3; i++) {
            Page request = browser.get(proxy, "/demandes/" + numero);
            Page posted = browser.post(
                    proxy,
                    "/demandes/" + numero + "/commentaires",
                    "message",
                    "Message n°" + i + " écrit pendant la panne de messagerie",
                    "envoi",
                    request.hidden("envoi"));
            assertThat(posted.status()).as(posted.body()).isEqualTo(302);
        }
        waitUntil(
                "an instance tried to send during the outage",
                Duration.ofSeconds(30),
                () -> db.sql("SELECT count(*) FROM mail_outbox WHERE status = 'PENDING' AND last_error IS NOT NULL")
                                .query(Integer.class)
                                .single()
                        > 0);
        Set<String> keysBefore = storedKeys();

        // 2. A large upload through nginx, stopped half-way by the instance that receives it being killed
        browser.get(proxy, "/demandes/" + numero);
        CountDownLatch killed = new CountDownLatch(1);
        PlainBrowser.Multipart form = browser.multipart("fichiers", "plan-de-masse.pdf", "application/pdf");
        long length = form.head().length + LARGE_UPLOAD + form.tail().length;
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(Collections.enumeration(List.of(
                        new ByteArrayInputStream(form.head()),
                        new LargeFile(LARGE_UPLOAD, LARGE_UPLOAD / 4, killed),
                        new ByteArrayInputStream(form.tail()))))),
                length);
        CompletableFuture<HttpResponse<String>> upload = browser.client()
                .sendAsync(
                        browser.request(proxy, "/demandes/" + numero + "/fichiers")
                                .header("Content-Type", form.contentType())
                                .POST(body)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        int receiving = instanceReceivingAnUpload();
        script("kill", String.valueOf(receiving + 1));
        killed.countDown();
        Page interrupted = browser.read(upload.get(60, TimeUnit.SECONDS));

        assertThat(interrupted.status()).isEqualTo(502);
        assertThat(interrupted.body())
                .contains("Le service est momentanément indisponible", "il n'a pas été enregistré")
                .contains("Aucun fichier incomplet n'est conservé", "envoyez-le de nouveau");

        // 3. Nothing of it is stored: no row, no whole file; his session goes on through the other instance
        assertThat(db.sql("SELECT count(*) FROM request_attachment WHERE file_name = 'plan-de-masse.pdf'")
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(storedKeys())
                .as("only whole files with their row are in storage")
                .isEqualTo(keysBefore);
        assertThat(uploadsInProgress(receiving))
                .as("the partial upload stays in the killed instance's own temporary directory (emptied at its start)")
                .isNotEmpty();
        for (int i = 0; i < 3; i++) {
            Page request = browser.get(proxy, "/demandes/" + numero);
            assertThat(request.status()).isEqualTo(200);
            assertThat(request.body()).contains("Bonjour", "compte-rendu.txt").doesNotContain("plan-de-masse.pdf");
            assertThat(fileLinks(request)).containsExactly(firstFileLink);
        }
        assertThat(browser.download(proxy, firstFileLink).body()).isEqualTo(firstFile);

        // 4. The mail server is back: every mail of the outbox arrives, exactly once
        smtpUp();
        // (the sender waits a minute before trying a failed mail again: that minute is skipped)
        db.sql("UPDATE mail_outbox SET next_attempt_at = now() WHERE status = 'PENDING'")
                .update();
        waitUntil("every mail sent", Duration.ofSeconds(60), () -> unsentMails() == 0);
        List<String> outbox = db.sql("SELECT id FROM mail_outbox ORDER BY id").query(Long.class).list().stream()
                .map(id -> "<outbox-" + id + "@id77.fr>")
                .toList();
        assertThat(outbox).as("the member's messages were notified by mail").hasSizeGreaterThanOrEqualTo(4);
        assertThat(receivedMessageIds()).containsExactlyInAnyOrderElementsOf(outbox);
    }

    @Test
    @Order(4)
    void nginxRefusesAPostAboveTheApplicationsBoundWithAFrenchPage() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", proxy)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write(("POST /demandes/" + numero + "/fichiers HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                    + "Content-Type: multipart/form-data; boundary=x\r\n"
                                    + "Content-Length: " + (601L << 20) + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 413").contains("Envoi trop volumineux", "rien n'a été enregistré");
        }
    }

    // --- the cluster ---

    private void script(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(arguments));
        Files.createDirectories(CLUSTER);
        Path output = CLUSTER.resolve("script-" + arguments[0] + ".log");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("SPRING_") || name.startsWith("ID77_"));
        env.putAll(Map.of(
                "JAVA_HOME",
                System.getProperty("java.home"),
                "ID77_CLUSTER_DIR",
                CLUSTER.toString(),
                "ID77_PROXY_PORT",
                String.valueOf(proxy),
                "ID77_INSTANCE_PORTS",
                instances[0] + " " + instances[1],
                "ID77_MANAGEMENT_PORTS",
                managementPorts,
                "ID77_JAVA_OPTS",
                "-Xmx320m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC"));
        env.putAll(Map.of(
                "SPRING_DATASOURCE_URL",
                url(database),
                "SPRING_DATASOURCE_USERNAME",
                server.username(),
                "SPRING_DATASOURCE_PASSWORD",
                server.password(),
                "SPRING_MAIL_HOST",
                "127.0.0.1",
                "SPRING_MAIL_PORT",
                String.valueOf(smtpPort),
                "ID77_MAIL_POLL_INTERVAL",
                "PT1S",
                "ID77_BOOTSTRAP_ADMIN_EMAIL",
                "premier-admin@id77.example",
                "ID77_BOOTSTRAP_ADMIN_IDENTIFIANT",
                "premieradmin"));
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("two-instances.sh " + arguments[0] + " still running after 5 minutes:\n" + Files.readString(output));
        }
        String said = Files.readString(output);
        System.out.print(said);
        assertThat(process.exitValue()).as(said).isZero();
    }

    private static void requireNginx() {
        boolean present = Stream.of(System.getenv("PATH").split(":"), new String[] {"/usr/sbin"})
                .flatMap(Stream::of)
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "nginx")));
        if (!present) {
            String message = "nginx absent (paquet Debian nginx-light : .ci/run l'installe)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message + " : obligatoire sous CI");
            }
            System.err.println("\n!!!!!!!! TEST DEUX INSTANCES IGNORÉ : " + message + " !!!!!!!!\n");
            assumeTrue(false, message);
        }
    }

    /** Which instance writes an upload to its temporary directory (Tomcat's upload_*.tmp) beyond 4 MB. */
    private int instanceReceivingAnUpload() throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            for (int i = 0; i < instances.length; i++) {
                if (uploadsInProgress(i).stream().anyMatch(f -> size(f) > 4 << 20)) {
                    return i;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no instance received the upload");
    }

    /** The uploads Tomcat writes to the temporary directory of instance {@code i} (0 or 1). */
    private static List<Path> uploadsInProgress(int i) {
        try (Stream<Path> files =
                Files.walk(CLUSTER.resolve("instance-" + (i + 1)).resolve("tmp"))) {
            return files.filter(f -> f.getFileName().toString().startsWith("upload_"))
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of(); // a temporary file went away while walking: look again
        }
    }

    /** The keys of the whole files in the shared storage (what a partial upload leaves, *.part, is not one). */
    private Set<String> storedKeys() throws IOException {
        try (Stream<Path> files = Files.walk(CLUSTER.resolve("data").resolve("files"))) {
            return files.filter(Files::isRegularFile)
                    .map(f -> f.getFileName().toString())
                    .filter(name -> !name.endsWith(".part"))
                    .collect(Collectors.toSet());
        }
    }

    private static List<String> fileLinks(Page request) {
        Matcher links =
                Pattern.compile("href=\"(/demandes/\\d+/fichiers/\\d+)\"").matcher(request.body());
        List<String> found = new ArrayList<>();
        while (links.find()) {
            if (!found.contains(links.group(1))) {
                found.add(links.group(1));
            }
        }
        return found;
    }

    // --- mail ---

    private void smtpUp() {
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        smtp.start();
    }

    private void smtpDown() {
        delivered.addAll(List.of(smtp.getReceivedMessages()));
        smtp.stop();
        smtp = null;
    }

    private int unsentMails() {
        return db.sql("SELECT count(*) FROM mail_outbox WHERE status <> 'SENT'")
                .query(Integer.class)
                .single();
    }

    private List<String> receivedMessageIds() {
        List<MimeMessage> all = new ArrayList<>(delivered);
        all.addAll(List.of(smtp.getReceivedMessages()));
        List<String> list = new ArrayList<>();
        for (MimeMessage message : all) {
            try {
                list.add(message.getMessageID());
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return list;
    }

    // --- database ---

    private interface Admin {
        void run(JdbcClient db);
    }

    /** Runs on the test server's own database (creating and dropping ours). */
    private void admin(Admin work) {
        SingleConnectionDataSource admin =
                new SingleConnectionDataSource(server.url(), server.username(), server.password(), true);
        try {
            work.run(JdbcClient.create(admin));
        } finally {
            admin.destroy();
        }
    }

    private String url(String name) {
        return server.url().replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name);
    }

    // --- helpers ---

    private static void waitUntil(String what, Duration timeout, BooleanSupplier condition)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            Thread.sleep(200);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The content of a large PDF, produced as it is read: after {@code pauseAfter} bytes it waits for {@code resume}
     * (the instance receiving it is killed meanwhile), as a slow line would still be sending.
     */
    private static final class LargeFile extends InputStream {
        private static final byte[] HEADER = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        private final long size;
        private final long pauseAfter;
        private final CountDownLatch resume;
        private long position;

        LargeFile(long size, long pauseAfter, CountDownLatch resume) {
            this.size = size;
            this.pauseAfter = pauseAfter;
            this.resume = resume;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (position >= size) {
                return -1;
            }
            if (position >= pauseAfter && resume.getCount() > 0) {
                try {
                    if (!resume.await(60, TimeUnit.SECONDS)) {
                        throw new IOException("never resumed");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
            long limit = position < pauseAfter ? pauseAfter : size;
            int n = (int) Math.min(length, limit - position);
            for (int i = 0; i < n; i++) {
                long at = position + i;
                buffer[offset + i] = at < HEADER.length ? HEADER[(int) at] : (byte) ('0' + at % 10);
            }
            position += n;
            return n;
        }
    }
}
