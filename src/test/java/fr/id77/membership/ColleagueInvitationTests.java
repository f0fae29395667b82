package fr.id77.membership;

import static fr.id77.account.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.id77.account.CurrentUser;
import fr.id77.support.Fixtures;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Colleague invitations: at most {@code id77.membership.max-accounts-per-collectivity} (20) accounts per
 * collectivity, refused with a French message on the form; the mail's subject carries nothing the inviter typed.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ColleagueInvitationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private ResultActions invite(CurrentUser member, String identifiant) throws Exception {
        return mvc.perform(post("/compte/collegues")
                .with(csrf())
                .with(as(member))
                .param("identifiant", identifiant)
                .param("email", identifiant + "@test.example")
                .param("firstName", "Claude")
                .param("lastName", "Collègue"));
    }

    private long accounts(long collectivityId) {
        return jdbc.sql("SELECT count(*) FROM app_user WHERE collectivity_id = ?")
                .param(collectivityId)
                .query(Long.class)
                .single();
    }

    private CurrentUser collectivityWith(int accounts, String name) {
        Fixtures fixtures = new Fixtures(jdbc);
        Fixtures.Collectivity c = fixtures.collectivity(name, "Melun");
        CurrentUser member = fixtures.adherent(c, "Inès");
        for (int i = 1; i < accounts; i++) {
            fixtures.adherent(c, "Agent" + i);
        }
        return member;
    }

    @Test
    void aCollectivityHasAtMostTwentyAccountsNotCountingDisabledOnes() throws Exception {
        CurrentUser member = collectivityWith(20, "Commune de Plafondville");
        String refused = MembershipFixtures.unique("trop");
        invite(member, refused)
                .andExpect(status().isOk())
                .andExpect(
                        content().string(containsString("Votre collectivité a déjà 20 comptes, le maximum est de 20")));
        assertThat(accounts(member.collectivityId())).isEqualTo(20);
        assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient = ?")
                        .param(refused + "@test.example")
                        .query(Long.class)
                        .single())
                .as("aucun courriel")
                .isZero();

        jdbc.sql(
                        "UPDATE app_user SET status = 'DISABLED' WHERE id = (SELECT max(id) FROM app_user WHERE collectivity_id = ?)")
                .param(member.collectivityId())
                .update();
        invite(member, MembershipFixtures.unique("place")).andExpect(redirectedUrl("/compte"));
        assertThat(accounts(member.collectivityId())).isEqualTo(21);
    }

    @Test
    void twoInvitationsAtOnceCannotBothTakeTheLastPlace() throws Exception {
        CurrentUser member = collectivityWith(19, "Commune de Dernièreplace");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Object>> both = List.of(
                    () -> invite(member, MembershipFixtures.unique("un")),
                    () -> invite(member, MembershipFixtures.unique("deux")));
            for (var f : pool.invokeAll(both)) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(accounts(member.collectivityId())).isEqualTo(20);
    }

    @Test
    void theInvitationSubjectCarriesNothingTheInviterTyped() throws Exception {
        Fixtures fixtures = new Fixtures(jdbc);
        Fixtures.Collectivity c = fixtures.collectivity("Commune de Sujetville", "Melun");
        CurrentUser spammer = fixtures.adherent(c, "Gagnez-un-iPhone-sur-arnaque.example");
        String invited = MembershipFixtures.unique("sujet");
        invite(spammer, invited).andExpect(redirectedUrl("/compte"));
        String subject = jdbc.sql("SELECT subject FROM mail_outbox WHERE recipient = ?")
                .param(invited + "@test.example")
                .query(String.class)
                .single();
        assertThat(subject)
                .isEqualTo("ID77 : votre invitation sur la plateforme")
                .doesNotContain("Gagnez")
                .doesNotContain("Claude");
    }
}
