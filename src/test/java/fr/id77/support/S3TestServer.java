package fr.id77.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3 protocol server for the tests, without Docker: Adobe S3Mock, run once per test JVM as a separate process
 * from the jar that Maven copies to {@code target/s3mock/} (maven-dependency-plugin; in the tests' classpath its own
 * Spring Boot, Kotlin and Jetty would clash with ours). Listens on 127.0.0.1 only, keeps its objects under
 * {@code target/}, and stops with the JVM.
 */
public final class S3TestServer {

    /** The bucket created at start, for the application's own tests (contract tests make their own). */
    public static final String BUCKET = "id77";

    /** Credentials the tests send; S3Mock checks none. */
    public static final String ACCESS_KEY = "test";

    public static final String SECRET_KEY = "test";

    /** Ports tried, in the range this project's storage tests may use on a shared machine. */
    private static final int FIRST_PORT = 18410;

    private static final int LAST_PORT = 18449;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private static S3TestServer server;

    private final String endpoint;

    private S3TestServer(String endpoint) {
        this.endpoint = endpoint;
    }

    /** The server, started on first use. */
    public static synchronized S3TestServer get() {
        if (server == null) {
            try {
                server = start();
            } catch (IOException e) {
                throw new IllegalStateException("Le serveur S3 des tests (S3Mock) n'a pas démarré : " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return server;
    }

    public String endpoint() {
        return endpoint;
    }

    /** A client of this server, as the application configures one (path-style addresses). */
    public S3Client client() {
        return S3Client.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .build();
    }

    private static S3TestServer start() throws IOException, InterruptedException {
        Path jar = Path.of("target", "s3mock", "s3mock.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IOException(jar + " manque : lancez les tests par Maven (./mvnw test), qui l'y copie");
        }
        int http = freePort(FIRST_PORT);
        int https = freePort(http + 1);
        Path root = Files.createTempDirectory(jar.getParent(), "data-");
        Path logFile = jar.resolveSibling("s3mock-" + http + ".log");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(
                        java.toString(),
                        "-Xmx256m",
                        "-XX:+UseSerialGC",
                        "-XX:TieredStopAtLevel=1",
                        "-jar",
                        jar.toString(),
                        "--http.port=" + http,
                        "--server.port=" + https,
                        "--server.address=127.0.0.1",
                        "--com.adobe.testing.s3mock.store.root=" + root.toAbsolutePath(),
                        "--com.adobe.testing.s3mock.store.initial-buckets=" + BUCKET,
                        "--com.adobe.testing.s3mock.max-payload-size=64MB",
                        "--spring.main.banner-mode=off"))
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile())
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process)));
        String endpoint = "http://127.0.0.1:" + http;
        waitUntilServing(process, endpoint, logFile);
        return new S3TestServer(endpoint);
    }

    private static void waitUntilServing(Process process, String endpoint, Path logFile)
            throws IOException, InterruptedException {
        HttpRequest probe = HttpRequest.newBuilder(URI.create(endpoint + "/" + BUCKET))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(5))
                .build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        try (HttpClient http = HttpClient.newHttpClient()) {
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new IOException("S3Mock s'est arrêté (code " + process.exitValue() + "), voir " + logFile);
                }
                try {
                    if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(250);
            }
        }
        stop(process);
        throw new IOException("S3Mock ne répond pas après " + START_TIMEOUT.toSeconds() + " s, voir " + logFile);
    }

    private static int freePort(int from) throws IOException {
        for (int port = from; port <= LAST_PORT; port++) {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return port;
            } catch (IOException taken) {
                // try the next one
            }
        }
        throw new IOException("aucun port libre entre " + from + " et " + LAST_PORT);
    }

    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
