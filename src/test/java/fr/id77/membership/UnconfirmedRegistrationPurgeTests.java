package fr.id77.membership;

import static org.assertj.core.api.Assertions.assertThat;

import fr.id77.shared.jobs.ClusterLock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Registrations whose e-mail was not confirmed within 7 days are deleted completely (rows backdated here),
 * so that their address, identifiant and SIRET can be registered again; younger or confirmed ones stay; the
 * job runs on one instance at a time.
 */
@SpringBootTest
@AutoConfigureMockMvc
class UnconfirmedRegistrationPurgeTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Adhesions adhesions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UnconfirmedRegistrationPurge purge;

    @Autowired
    ClusterLock lock;

    MembershipFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new MembershipFixtures(mvc, adhesions, jdbc);
    }

    /** Registers {@code identifiant} as if it had happened {@code days} days ago. */
    private long registeredDaysAgo(String identifiant, int days) {
        long id = fixtures.register(identifiant);
        jdbc.sql("UPDATE collectivity SET created_at = now() - make_interval(days => :d) WHERE id = :id")
                .param("d", days)
                .param("id", id)
                .update();
        jdbc.sql("UPDATE app_user SET created_at = now() - make_interval(days => :d) WHERE collectivity_id = :id")
                .param("d", days)
                .param("id", id)
                .update();
        return id;
    }

    private long count(String sql, Object param) {
        return jdbc.sql(sql).param(param).query(Long.class).single();
    }

    private long accounts(String identifiant) {
        return count("SELECT count(*) FROM app_user WHERE identifiant = ?", identifiant);
    }

    @Test
    void unconfirmedRegistrationsOlderThanSevenDaysAreDeletedAndCanBeMadeAgain() throws Exception {
        String old = MembershipFixtures.unique("vieux");
        long oldId = registeredDaysAgo(old, 8);
        long oldUser = count("SELECT id FROM app_user WHERE identifiant = ?", old);
        String recent = MembershipFixtures.unique("recent");
        long recentId = registeredDaysAgo(recent, 6);
        String confirmed = MembershipFixtures.unique("confirme");
        long confirmedId = fixtures.register(confirmed);
        fixtures.confirmEmail(confirmed);
        jdbc.sql("UPDATE collectivity SET created_at = now() - interval '30 days' WHERE id = ?")
                .param(confirmedId)
                .update();

        assertThat(purge.purge()).isGreaterThanOrEqualTo(1);

        assertThat(count("SELECT count(*) FROM collectivity WHERE id = ?", oldId))
                .as("collectivité non confirmée")
                .isZero();
        assertThat(accounts(old)).as("compte non confirmé").isZero();
        assertThat(count("SELECT count(*) FROM account_token WHERE user_id = ?", oldUser))
                .as("liens")
                .isZero();
        assertThat(count("SELECT count(*) FROM collectivity WHERE id = ?", recentId))
                .as("6 jours : reste")
                .isOne();
        assertThat(accounts(recent)).isOne();
        assertThat(count("SELECT count(*) FROM collectivity WHERE id = ?", confirmedId))
                .as("e-mail confirmé : reste")
                .isOne();
        assertThat(accounts(confirmed)).isOne();

        long again = fixtures.register(old);
        assertThat(accounts(old)).as("l'identifiant et l'adresse sont libres").isOne();
        assertThat(count("SELECT count(*) FROM collectivity WHERE id = ? AND siret = '21770288500013'", again))
                .isOne();
    }

    @Test
    void thePurgeRunsOnOneInstanceAtATime() throws Exception {
        String old = MembershipFixtures.unique("verrou");
        long oldId = registeredDaysAgo(old, 9);
        lock.runExclusively(
                UnconfirmedRegistrationPurge.LOCK_KEY,
                () -> assertThat(purge.purge())
                        .as("une autre instance tient le verrou")
                        .isZero());
        assertThat(count("SELECT count(*) FROM collectivity WHERE id = ?", oldId))
                .isOne();

        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(registeredDaysAgo(MembershipFixtures.unique("para" + i), 10));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> runs = List.of(purge::purge, purge::purge, purge::purge, purge::purge);
            int deleted = 0;
            for (Future<Integer> f : pool.invokeAll(runs)) {
                deleted += f.get();
            }
            assertThat(deleted)
                    .as("chaque inscription supprimée une seule fois")
                    .isEqualTo(ids.size() + 1);
        } finally {
            pool.shutdown();
        }
        for (long id : ids) {
            assertThat(count("SELECT count(*) FROM collectivity WHERE id = ?", id))
                    .isZero();
        }
    }
}
