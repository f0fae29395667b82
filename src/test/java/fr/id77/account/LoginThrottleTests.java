package fr.id77.account;

import static org.assertj.core.api.Assertions.assertThat;

import fr.id77.support.Fixtures;
import fr.id77.support.MailServerTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Sign-in throttling against the real database: atomic counting under parallel guesses, no count (and no longer
 * lock) while locked, a lock that ends after its window, a count cleared by a success or a reset link, and a
 * per-address limit that stops an attacker without locking out the colleagues behind the same address.
 */
class LoginThrottleTests extends MailServerTest {

    static final String GOOD = "la bonne phrase de passe";
    private static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired
    LoginThrottle throttle;

    @Autowired
    UserAccountRepository users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Tokens tokens;

    @Autowired
    Passwords passwordSettings;

    /** Stands for the password check: counts the passwords it is asked to verify. */
    final AtomicInteger checked = new AtomicInteger();

    final AuthenticationProvider passwords = new AuthenticationProvider() {
        @Override
        public Authentication authenticate(Authentication authentication) {
            checked.incrementAndGet();
            if (!GOOD.equals(authentication.getCredentials())) {
                throw new BadCredentialsException("mauvais mot de passe");
            }
            return UsernamePasswordAuthenticationToken.authenticated(authentication.getName(), null, List.of());
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return true;
        }
    };

    ThrottledAuthenticationProvider provider() {
        return new ThrottledAuthenticationProvider(passwords, throttle, users);
    }

    static String unique(String prefix) {
        return prefix + SEQ.incrementAndGet() + "x" + Long.toString(System.nanoTime(), 36);
    }

    static String newClient() {
        int n = SEQ.incrementAndGet();
        return "10.77." + (n / 250) + "." + (n % 250 + 1);
    }

    /** Tries to sign in; true if signed in, false if the password was wrong, null if refused unchecked (locked). */
    Boolean attempt(String login, String password, String client) {
        UsernamePasswordAuthenticationToken request =
                UsernamePasswordAuthenticationToken.unauthenticated(login, password);
        request.setDetails(new WebAuthenticationDetails(client, null));
        try {
            provider().authenticate(request);
            return true;
        } catch (LockedException e) {
            return null;
        } catch (BadCredentialsException e) {
            return false;
        }
    }

    /** Moves the account's count and lock into the past, as if that many minutes had gone by. */
    void minutesGoBy(String key, int minutes) {
        jdbc.sql("UPDATE login_throttle SET window_start = window_start - ? * interval '1 minute', "
                        + "locked_until = locked_until - ? * interval '1 minute' WHERE throttle_key = ?")
                .params(minutes, minutes, key)
                .update();
    }

    @Test
    void fiftyParallelWrongPasswordsOnOneAccountCheckAtMostTheLimit() throws Exception {
        String login = unique("cible");
        List<String> clients = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            clients.add(newClient());
        }
        parallel(50, i -> attempt(login, "essai " + i, clients.get(i)));
        assertThat(checked.get())
                .as("mots de passe vérifiés sur 50 essais simultanés")
                .isBetween(1, 5);
        assertThat(attempt(login, GOOD, newClient()))
                .as("verrouillé, même avec le bon mot de passe")
                .isNull();
    }

    @Test
    void fiftyParallelGuessesFromOneAddressCheckAtMostItsLimit() throws Exception {
        String client = newClient();
        parallel(50, i -> attempt(unique("compte"), "essai " + i, client));
        assertThat(checked.get())
                .as("mots de passe vérifiés depuis une même adresse")
                .isBetween(1, 20);
    }

    @Test
    void attemptsDuringALockAreNotCountedAndTheLockEndsAfterItsWindow() {
        String login = unique("verrou");
        for (int i = 0; i < 5; i++) {
            assertThat(attempt(login, "faux " + i, newClient())).isFalse();
        }
        assertThat(attempt(login, GOOD, newClient())).as("verrouillé").isNull();
        minutesGoBy("account:" + login, 10);
        for (int i = 0; i < 10; i++) {
            assertThat(attempt(login, "pendant le verrou " + i, newClient()))
                    .as("toujours verrouillé")
                    .isNull();
        }
        assertThat(checked.get())
                .as("aucun mot de passe vérifié pendant le verrou")
                .isEqualTo(5);
        minutesGoBy("account:" + login, 6);
        assertThat(attempt(login, GOOD, newClient()))
                .as("le verrou a pris fin après 15 min, malgré les essais")
                .isTrue();
    }

    @Test
    void aSuccessfulSignInStartsTheCountAgain() {
        String login = unique("reussi");
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 4; i++) {
                assertThat(attempt(login, "faux " + i, newClient())).isFalse();
            }
            assertThat(attempt(login, GOOD, newClient())).as("tour " + round).isTrue();
        }
    }

    @Test
    void aPasswordChosenThroughAResetLinkEndsTheLock() {
        CurrentUser user = new Fixtures(jdbc).admin("Verrouillée");
        for (int i = 0; i < 5; i++) {
            attempt(user.identifiant(), "faux " + i, newClient());
        }
        assertThat(attempt(user.identifiant(), GOOD, newClient())).isNull();
        String token = tokens.issue(user.id(), TokenPurpose.RESET_PASSWORD, null);
        passwordSettings.choose(token, "une phrase neuve et longue");
        assertThat(attempt(user.identifiant(), GOOD, newClient()))
                .as("déverrouillé par le lien")
                .isTrue();
    }

    @Test
    void anAttackerBehindASharedAddressDoesNotLockOutTheColleaguesWhoSignInFromIt() {
        String townHall = newClient();
        String colleague = unique("agent");
        assertThat(attempt(colleague, GOOD, townHall)).isTrue();
        for (int i = 0; i < 30; i++) {
            attempt(unique("inconnu"), "au hasard " + i, townHall);
        }
        int checkedBefore = checked.get();
        assertThat(attempt(colleague, GOOD, townHall))
                .as("collègue habituel de cette adresse")
                .isTrue();
        String stranger = unique("nouveau");
        assertThat(attempt(stranger, GOOD, townHall))
                .as("compte jamais connecté depuis cette adresse")
                .isNull();
        assertThat(attempt(stranger, GOOD, newClient()))
                .as("le même depuis une autre adresse")
                .isTrue();
        assertThat(checked.get() - checkedBefore).isEqualTo(2);
        assertThat(checkedBefore)
                .as("l'adresse n'a fait vérifier que sa limite")
                .isEqualTo(1 + 20);
    }

    interface Attempt {
        Object run(int i) throws Exception;
    }

    static void parallel(int n, Attempt attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> results = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                results.add(pool.submit(() -> {
                    start.await();
                    return attempt.run(index);
                }));
            }
            start.countDown();
            for (Future<Object> f : results) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
