package fr.id77.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The test database, one per JVM: {@code TEST_DATABASE_URL} when set, else a Testcontainers PostgreSQL
 * when a Docker engine answers, else an embedded real PostgreSQL (zonky). Never an in-memory imitation.
 */
public final class TestDatabase {

    public record Connection(String url, String username, String password, String kind) {}

    private static Connection connection;

    private TestDatabase() {}

    public static synchronized Connection get() {
        if (connection == null) {
            connection = start();
            System.out.println("[tests] PostgreSQL de test : " + connection.kind() + " " + connection.url());
        }
        return connection;
    }

    private static Connection start() {
        String url = System.getenv("TEST_DATABASE_URL");
        if (url != null && !url.isBlank()) {
            return new Connection(
                    url,
                    env("TEST_DATABASE_USERNAME", "postgres"),
                    env("TEST_DATABASE_PASSWORD", ""),
                    "TEST_DATABASE_URL");
        }
        if (dockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:18-alpine");
            container.start();
            return new Connection(
                    container.getJdbcUrl(), container.getUsername(), container.getPassword(), "Testcontainers");
        }
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is stopping
                }
            }));
            return new Connection(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "", "embarquée (zonky)");
        } catch (IOException e) {
            throw new UncheckedIOException("Impossible de démarrer PostgreSQL embarqué pour les tests", e);
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
