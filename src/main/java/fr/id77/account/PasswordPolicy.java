package fr.id77.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** At least 12 characters, not containing the identifiant, not one of the commonly used passwords. */
@Component
class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final String RULES =
            "Au moins " + MIN_LENGTH + " caractères, sans votre identifiant, et pas un mot de passe courant. "
                    + "Une phrase de plusieurs mots est facile à retenir et difficile à deviner.";

    private final Set<String> common;

    PasswordPolicy() {
        try (var reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource("security/common-passwords.txt").getInputStream(), StandardCharsets.UTF_8))) {
            common = reader.lines()
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .map(s -> s.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Why this password is refused, or empty when it is acceptable. */
    Optional<String> problem(String password, String identifiant) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("Le mot de passe doit compter au moins " + MIN_LENGTH + " caractères.");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (identifiant != null && !identifiant.isBlank() && lower.contains(identifiant.toLowerCase(Locale.ROOT))) {
            return Optional.of("Le mot de passe ne doit pas contenir votre identifiant.");
        }
        if (common.contains(lower) || password.chars().distinct().count() < 4) {
            return Optional.of("Ce mot de passe est trop courant : choisissez-en un autre.");
        }
        return Optional.empty();
    }

    int commonCount() {
        return common.size();
    }
}
