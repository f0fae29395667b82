package fr.id77.account;

import static fr.id77.account.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import fr.id77.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/** A member whose collectivity is suspended is not given back an account by re-enabling it. */
@SpringBootTest
@AutoConfigureMockMvc
class ReactivationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private String status(long userId) {
        return jdbc.sql("SELECT status FROM app_user WHERE id = ?")
                .param(userId)
                .query(String.class)
                .single();
    }

    @Test
    void anAdminCannotDisableHisOwnAccount() throws Exception {
        CurrentUser admin = new Fixtures(jdbc).admin("Soi-même");
        mvc.perform(post("/admin/comptes/" + admin.id() + "/desactiver")
                        .param("confirme", "oui")
                        .with(csrf())
                        .with(as(admin)))
                .andExpect(redirectedUrl("/admin/comptes"))
                .andExpect(flash().attribute("failure", "Vous ne pouvez pas désactiver votre propre compte."));
        assertThat(status(admin.id())).isEqualTo("ACTIVE");
    }

    @Test
    void anAccountOfASuspendedCollectivityIsNotReEnabled() throws Exception {
        Fixtures f = new Fixtures(jdbc);
        Fixtures.Collectivity commune = f.collectivity("Commune Suspendue", "Nemours");
        CurrentUser member = f.adherent(commune, "Anne");
        CurrentUser admin = f.admin("Claire");
        mvc.perform(post("/admin/comptes/" + member.id() + "/desactiver")
                .param("confirme", "oui")
                .with(csrf())
                .with(as(admin)));
        assertThat(status(member.id())).isEqualTo("DISABLED");
        jdbc.sql("UPDATE collectivity SET status = 'SUSPENDED' WHERE id = ?")
                .param(commune.id())
                .update();

        mvc.perform(post("/admin/comptes/" + member.id() + "/reactiver")
                        .with(csrf())
                        .with(as(admin)))
                .andExpect(redirectedUrl("/admin/comptes"))
                .andExpect(flash().attribute("failure", containsString("l'adhésion de sa collectivité est suspendue")));
        assertThat(status(member.id())).isEqualTo("DISABLED");

        // once the collectivity is active again, the account can be
        jdbc.sql("UPDATE collectivity SET status = 'ACTIVE' WHERE id = ?")
                .param(commune.id())
                .update();
        mvc.perform(post("/admin/comptes/" + member.id() + "/reactiver")
                        .with(csrf())
                        .with(as(admin)))
                .andExpect(flash().attribute("success", "Compte réactivé."));
        assertThat(status(member.id())).isEqualTo("ACTIVE");
        // staff accounts belong to no collectivity and are re-enabled as before
        CurrentUser chef = f.chefDeFile("Paul");
        mvc.perform(post("/admin/comptes/" + chef.id() + "/desactiver")
                .param("confirme", "oui")
                .with(csrf())
                .with(as(admin)));
        mvc.perform(
                post("/admin/comptes/" + chef.id() + "/reactiver").with(csrf()).with(as(admin)));
        assertThat(status(chef.id())).isEqualTo("ACTIVE");
    }

    @Autowired
    PasswordEncoder encoder;

    private String signIn(CurrentUser user, String ip) throws Exception {
        return mvc.perform(post("/connexion")
                        .param("identifiant", user.identifiant())
                        .param("motDePasse", "une phrase de passe solide")
                        .with(csrf())
                        .with(r -> {
                            r.setRemoteAddr(ip);
                            return r;
                        }))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
    }

    @Test
    void aMemberOfACollectivityThatIsNotActiveCannotSignInWhateverTheAccountSays() throws Exception {
        Fixtures f = new Fixtures(jdbc);
        Fixtures.Collectivity commune = f.collectivity("Commune Écartée", "Provins");
        CurrentUser member = f.adherent(commune, "Bruno");
        jdbc.sql("UPDATE app_user SET password_hash = ? WHERE id = ?")
                .param(encoder.encode("une phrase de passe solide"))
                .param(member.id())
                .update();
        assertThat(signIn(member, "10.77.1.1")).doesNotContain("erreur");

        // an account left ACTIVE (from before the rule, or set by hand) in a suspended collectivity is not let in
        jdbc.sql("UPDATE collectivity SET status = 'SUSPENDED' WHERE id = ?")
                .param(commune.id())
                .update();
        assertThat(status(member.id())).isEqualTo("ACTIVE");
        assertThat(signIn(member, "10.77.1.2")).contains("/connexion?erreur");
    }
}
