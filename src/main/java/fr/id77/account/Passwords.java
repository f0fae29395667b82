package fr.id77.account;

import fr.id77.shared.mail.MailQuota;
import fr.id77.shared.web.FieldRefusal;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Passwords: chosen through a single-use link (welcome, invitation, reset), reset on request, changed by their
 * owner. The forms checked the confirmation and the policy; the account still refuses a password the policy refuses.
 */
@Service
class Passwords {

    static final Set<TokenPurpose> PASSWORD_LINKS = EnumSet.of(TokenPurpose.SET_PASSWORD, TokenPurpose.RESET_PASSWORD);

    private final UserAccountRepository users;
    private final Tokens tokens;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final SignedInSessions sessions;
    private final LoginThrottle throttle;
    private final LinkMails links;
    private final MailQuota quota;

    Passwords(
            UserAccountRepository users,
            Tokens tokens,
            PasswordPolicy policy,
            PasswordEncoder encoder,
            SignedInSessions sessions,
            LoginThrottle throttle,
            LinkMails links,
            MailQuota quota) {
        this.users = users;
        this.tokens = tokens;
        this.policy = policy;
        this.encoder = encoder;
        this.sessions = sessions;
        this.throttle = throttle;
        this.links = links;
        this.quota = quota;
    }

    @Transactional(readOnly = true)
    LinkState linkState(String token) {
        return tokens.check(token, PASSWORD_LINKS).state();
    }

    /** The identifiant of the account a still valid password link is for (the policy refuses it inside a password). */
    @Transactional(readOnly = true)
    Optional<String> linkHolder(String token) {
        Tokens.TokenCheck check = tokens.check(token, PASSWORD_LINKS);
        return check.state() != LinkState.VALID
                ? Optional.empty()
                : users.findById(check.userId()).map(UserAccount::getIdentifiant);
    }

    /** Sets the password chosen through a single-use link. */
    @Transactional
    void choose(String token, String password) {
        Tokens.TokenCheck check = tokens.check(token, PASSWORD_LINKS);
        if (check.state() != LinkState.VALID) {
            throw new FieldRefusal("token", "Ce lien n'est plus valable.");
        }
        UserAccount user = users.findById(check.userId()).orElseThrow();
        user.choosePassword(password, policy, encoder);
        tokens.consume(token, PASSWORD_LINKS)
                .orElseThrow(() -> new FieldRefusal("token", "Ce lien n'est plus valable."));
        sessions.endAll(user.getIdentifiant()); // a reset may follow a theft: no session of the old password survives
        throttle.clear(user.getIdentifiant()); // the owner of the mailbox proved who they are: no lock left by guesses
    }

    /**
     * Mails a reset link (1 h) when the login names an active account and the mail limits allow it; says nothing
     * either way, so the answer never tells whether an account exists or was asked for too often.
     */
    @Transactional
    void requestReset(String login) {
        users.findByLogin(login)
                .filter(u -> u.getStatus() == AccountStatus.ACTIVE)
                .filter(u -> quota.tryAcquire(u.getEmail()))
                .ifPresent(user -> links.send(
                        user,
                        TokenPurpose.RESET_PASSWORD,
                        user.getEmail(),
                        null,
                        "reinitialisation",
                        "ID77 : réinitialisation de votre mot de passe"));
    }

    /** Changes the password; every other session of the account ends (one may be a thief's), {@code keptSession} stays. */
    @Transactional
    void change(long userId, String current, String password, String keptSession) {
        UserAccount user = users.findById(userId).orElseThrow();
        requireCurrentPassword(user, current, "current", encoder);
        user.choosePassword(password, policy, encoder);
        sessions.endAllBut(user.getIdentifiant(), keptSession);
    }

    /** Only the holder of the current password changes the password or the e-mail address of an account. */
    static void requireCurrentPassword(UserAccount user, String current, String field, PasswordEncoder encoder) {
        if (current == null || current.isEmpty()) {
            throw new FieldRefusal(field, "Saisissez votre mot de passe actuel.");
        }
        if (user.getPasswordHash() == null || !encoder.matches(current, user.getPasswordHash())) {
            throw new FieldRefusal(field, "Le mot de passe actuel n'est pas celui-ci.");
        }
    }
}
