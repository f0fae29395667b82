package fr.id77.shared.devdb;

import java.util.Locale;
import org.springframework.core.env.Environment;

/**
 * Demo mode is asked for explicitly ({@code id77.demo=true}, env {@code ID77_DEMO}, set by {@code ./mvnw spring-boot:run}):
 * the packaged application never falls into it, with its known passwords, because a database was forgotten.
 */
final class DemoMode {

    static final String PROPERTY = "id77.demo";

    private DemoMode() {}

    /** {@code id77.demo} as written, trimmed; null when absent or blank. */
    static String value(Environment env) {
        String value = env.getProperty(PROPERTY);
        return value == null || value.isBlank() ? null : value.strip();
    }

    static boolean requested(Environment env) {
        return "true".equals(lower(value(env)));
    }

    /** Neither true nor false (« oui », « 1 »…): refused rather than guessed. */
    static boolean unreadable(Environment env) {
        String value = lower(value(env));
        return value != null && !value.equals("true") && !value.equals("false");
    }

    static boolean databaseConfigured(Environment env) {
        String url = env.getProperty("spring.datasource.url");
        return url != null && !url.isBlank();
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }
}
