package fr.id77.shared.devdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar ({@code java -jar target/id77-*.jar}, built before the integration tests) never falls into demo
 * mode: without a database it stops at once, exit code non-zero, with the French message naming both ways out and
 * no stack trace; asked for demo mode with a real database, it stops too. Run with the build's own JDK.
 */
class DemoModeStartupIT {

    record Run(int exitCode, String output) {}

    @Test
    void withoutADatabaseTheJarStopsWithTheFrenchMessage(@TempDir Path workDir) throws Exception {
        Run run = runJar(workDir, Map.of());

        assertThat(run.exitCode()).as(run.output()).isNotZero();
        assertThat(run.output())
                .contains("aucune base de données n'est configurée", "le mode démonstration n'a pas été demandé")
                .contains("SPRING_DATASOURCE_URL=jdbc:postgresql://", "ID77_DEMO=true")
                .doesNotContain("\tat ", "Exception in thread", "Tomcat started", "Base PostgreSQL embarquée :");
        assertThat(workDir.resolve(".id77-data"))
                .as("no embedded database was started")
                .doesNotExist();
    }

    @Test
    void demoModeWithARealDatabaseStops(@TempDir Path workDir) throws Exception {
        Run run = runJar(
                workDir, Map.of("ID77_DEMO", "true", "SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:1/id77"));

        assertThat(run.exitCode()).as(run.output()).isNotZero();
        assertThat(run.output())
                .contains("le mode démonstration", "une base de données est configurée")
                .doesNotContain("\tat ", "Tomcat started");
    }

    private static Run runJar(Path workDir, Map<String, String> env) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-jar", jar().toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("sortie.txt").toFile());
        // nothing from the machine running the build: no database, no demo mode, unless the test says so
        builder.environment().keySet().removeIf(name -> name.startsWith("SPRING_") || name.startsWith("ID77_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("the jar did not stop within 3 minutes:\n" + Files.readString(workDir.resolve("sortie.txt")));
        }
        return new Run(process.exitValue(), Files.readString(workDir.resolve("sortie.txt"), StandardCharsets.UTF_8));
    }

    private static Path jar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(f -> f.getFileName().toString().matches("id77-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "no target/id77-*.jar: the jar is packaged before integration-test"))
                    .toAbsolutePath();
        }
    }
}
