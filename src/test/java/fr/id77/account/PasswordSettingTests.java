package fr.id77.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.id77.shared.web.FieldRefusal;
import fr.id77.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The password policy is applied where a password is really set (not only tested on its own): a refused
 * password leaves the account's password as it was and the link still usable; 12 characters is the floor.
 */
@SpringBootTest
class PasswordSettingTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Tokens tokens;

    @Autowired
    Passwords passwords;

    private String hash(long userId) {
        return jdbc.sql("SELECT coalesce(password_hash, '') FROM app_user WHERE id = ?")
                .param(userId)
                .query(String.class)
                .single();
    }

    @Test
    void aPasswordChosenThroughALinkFollowsThePolicy() {
        CurrentUser user = new Fixtures(jdbc).admin("Politique");
        String before = hash(user.id());
        String token = tokens.issue(user.id(), TokenPurpose.RESET_PASSWORD, null);

        assertThatThrownBy(() -> passwords.choose(token, "onze-carac!"))
                .isInstanceOf(FieldRefusal.class)
                .hasMessageContaining("12 caractères");
        assertThatThrownBy(() -> passwords.choose(token, "azertyuiop123"))
                .isInstanceOf(FieldRefusal.class)
                .hasMessageContaining("courant");
        assertThatThrownBy(() -> passwords.choose(token, "x-" + user.identifiant() + "-2026"))
                .isInstanceOf(FieldRefusal.class)
                .hasMessageContaining("identifiant");
        assertThat(hash(user.id())).as("nothing written").isEqualTo(before);

        passwords.choose(token, "douze-carac!");
        assertThat(hash(user.id())).isNotEqualTo(before);
    }

    @Test
    void aPasswordChangedInTheSettingsFollowsThePolicy() {
        CurrentUser user = new Fixtures(jdbc).admin("Réglages");
        passwords.choose(tokens.issue(user.id(), TokenPurpose.RESET_PASSWORD, null), "la phrase de départ");
        String before = hash(user.id());

        assertThatThrownBy(() -> passwords.change(user.id(), "la phrase de départ", "onze-carac!", null))
                .isInstanceOf(FieldRefusal.class)
                .hasMessageContaining("12 caractères");
        assertThatThrownBy(() -> passwords.change(user.id(), "la phrase de départ", "azertyuiop123", null))
                .isInstanceOf(FieldRefusal.class)
                .hasMessageContaining("courant");
        assertThat(hash(user.id())).as("nothing written").isEqualTo(before);
    }
}
