package fr.id77.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The password rules on their own, without Spring: length in characters, the identifiant, common passwords. */
class PasswordPolicyTests {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void shipsAListOfCommonPasswords() {
        assertThat(policy.commonCount()).isGreaterThan(1000);
    }

    @Test
    void acceptsALongPassphrase() {
        assertThat(policy.problem("cheval agrafe pile correct", "macommune")).isEmpty();
    }

    @Test
    void refusesShortPasswords() {
        assertThat(policy.problem("Court-1234", "macommune"))
                .hasValueSatisfying(m -> assertThat(m).contains("12 caractères"));
        assertThat(policy.problem("onze-carac!", "macommune"))
                .as("11 characters")
                .hasValueSatisfying(m -> assertThat(m).contains("12 caractères"));
        assertThat(policy.problem("douze-carac!", "macommune"))
                .as("12 characters")
                .isEmpty();
        assertThat(policy.problem("onze-carac\uD83D\uDE00", "macommune"))
                .as("11 characters, one outside the BMP")
                .isPresent();
    }

    @Test
    void refusesPasswordsContainingTheIdentifiant() {
        assertThat(policy.problem("MaCommune-2024-secret", "macommune"))
                .hasValueSatisfying(m -> assertThat(m).contains("identifiant"));
    }

    @Test
    void refusesCommonPasswords() {
        assertThat(policy.problem("azertyuiop123", "macommune"))
                .hasValueSatisfying(m -> assertThat(m).contains("courant"));
        assertThat(policy.problem("Motdepasse123!", "macommune")).isPresent();
        assertThat(policy.problem("aaaaaaaaaaaaaaa", "macommune")).isPresent();
    }

    @Test
    void refusesFewerThanFourDifferentCharacters() {
        assertThat(policy.problem("xqzxqzxqzxqz", "macommune"))
                .as("3 different characters")
                .hasValueSatisfying(m -> assertThat(m).contains("courant"));
        assertThat(policy.problem("xqzwxqzwxqzw", "macommune"))
                .as("4 different characters")
                .isEmpty();
    }

    @Test
    void theIdentifiantRuleIgnoresCaseAndAMissingIdentifiant() {
        assertThat(policy.problem("cheval agrafe pile correct", "AGRAFE"))
                .hasValueSatisfying(m -> assertThat(m).contains("identifiant"));
        assertThat(policy.problem("cheval agrafe pile correct", null)).isEmpty();
        assertThat(policy.problem("cheval agrafe pile correct", " "))
                .as("a blank identifiant is in every password")
                .isEmpty();
        assertThat(policy.problem(null, "macommune"))
                .hasValueSatisfying(m -> assertThat(m).contains("12 caractères"));
    }
}
