package fr.id77.account;

import fr.id77.account.AccountForms.LoginInfoForm;
import fr.id77.shared.mail.MailOutbox;
import fr.id77.shared.validation.FrenchPhone;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Passwords (choose, reset, change), login information and staff accounts. */
@Service
class AccountSettings {

    static final Set<TokenPurpose> PASSWORD_LINKS = EnumSet.of(TokenPurpose.SET_PASSWORD, TokenPurpose.RESET_PASSWORD);

    /** A rule was not met; {@code field} is the form field to show the message next to. */
    static class Refused extends RuntimeException {
        final String field;

        Refused(String field, String message) {
            super(message);
            this.field = field;
        }
    }

    private final UserAccountRepository users;
    private final Tokens tokens;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final MailOutbox mail;
    private final SignedInSessions sessions;

    AccountSettings(UserAccountRepository users, Tokens tokens, PasswordPolicy policy, PasswordEncoder encoder, MailOutbox mail,
                    SignedInSessions sessions) {
        this.users = users;
        this.tokens = tokens;
        this.policy = policy;
        this.encoder = encoder;
        this.mail = mail;
        this.sessions = sessions;
    }

    @Transactional(readOnly = true)
    LinkState passwordLinkState(String token) {
        return tokens.check(token, PASSWORD_LINKS).state();
    }

    /** Sets the password chosen through a single-use link. */
    @Transactional
    void choosePassword(String token, String password, String confirmation) {
        Tokens.TokenCheck check = tokens.check(token, PASSWORD_LINKS);
        if (check.state() != LinkState.VALID) {
            throw new Refused("token", "Ce lien n'est plus valable.");
        }
        UserAccount user = users.findById(check.userId()).orElseThrow();
        checkPassword(user, password, confirmation);
        tokens.consume(token, PASSWORD_LINKS).orElseThrow(() -> new Refused("token", "Ce lien n'est plus valable."));
        user.setPasswordHash(encoder.encode(password));
        sessions.endAll(user.getIdentifiant()); // a reset may follow a theft: no session of the old password survives
    }

    /** Mails a reset link (1 h) when the login names an active account; says nothing either way. */
    @Transactional
    void requestReset(String login) {
        users.findByLogin(login.strip()).filter(u -> u.getStatus() == AccountStatus.ACTIVE).ifPresent(user -> {
            String token = tokens.issue(user.getId(), TokenPurpose.RESET_PASSWORD, null);
            mail.enqueue(user.getEmail(), "ID77 : réinitialisation de votre mot de passe", "reinitialisation",
                    Map.of("name", user.displayName(), "identifiant", user.getIdentifiant(),
                            "link", mail.link("/mot-de-passe/nouveau?jeton=" + token)));
        });
    }

    @Transactional
    void changePassword(long userId, String current, String password, String confirmation) {
        UserAccount user = users.findById(userId).orElseThrow();
        if (user.getPasswordHash() == null || !encoder.matches(current, user.getPasswordHash())) {
            throw new Refused("current", "Le mot de passe actuel n'est pas celui-ci.");
        }
        checkPassword(user, password, confirmation);
        user.setPasswordHash(encoder.encode(password));
    }

    private void checkPassword(UserAccount user, String password, String confirmation) {
        policy.problem(password, user.getIdentifiant()).ifPresent(problem -> {
            throw new Refused("password", problem);
        });
        if (!password.equals(confirmation)) {
            throw new Refused("confirmation", "Les deux saisies ne sont pas identiques.");
        }
    }

    @Transactional(readOnly = true)
    LoginInfoForm loginInfo(long userId) {
        UserAccount u = users.findById(userId).orElseThrow();
        return new LoginInfoForm(u.getCivility(), u.getFirstName(), u.getLastName(), u.getEmail(), u.getPhone(), u.getVersion());
    }

    /** Saves the name and phone; a new e-mail takes effect once confirmed. Returns true if a confirmation was sent. */
    @Transactional
    boolean updateLoginInfo(long userId, LoginInfoForm form) {
        UserAccount user = users.findById(userId).orElseThrow();
        if (form.version() != null && form.version() != user.getVersion()) {
            throw new ObjectOptimisticLockingFailureException(UserAccount.class, userId);
        }
        user.rename(form.civility() == null || form.civility().isBlank() ? null : form.civility(), form.firstName().strip(), form.lastName().strip(), FrenchPhone.Validator.format(form.phone()));
        String email = form.email().strip();
        if (email.equalsIgnoreCase(user.getEmail())) {
            return false;
        }
        if (users.existsByEmail(email)) {
            throw new Refused("email", "Un compte utilise déjà cette adresse e-mail.");
        }
        String token = tokens.issue(userId, TokenPurpose.CHANGE_EMAIL, email);
        mail.enqueue(email, "ID77 : confirmez votre nouvelle adresse e-mail", "changement-courriel",
                Map.of("name", user.displayName(), "link", mail.link("/compte/courriel/confirmation?jeton=" + token)));
        return true;
    }

    @Transactional(readOnly = true)
    LinkState emailChangeLinkState(long userId, String token) {
        Tokens.TokenCheck check = tokens.check(token, EnumSet.of(TokenPurpose.CHANGE_EMAIL));
        return check.userId() != null && check.userId() != userId ? LinkState.UNKNOWN : check.state();
    }

    @Transactional
    void confirmEmailChange(long userId, String token) {
        if (emailChangeLinkState(userId, token) != LinkState.VALID) {
            throw new Refused("token", "Ce lien n'est plus valable.");
        }
        Tokens.TokenCheck used = tokens.consume(token, EnumSet.of(TokenPurpose.CHANGE_EMAIL))
                .orElseThrow(() -> new Refused("token", "Ce lien n'est plus valable."));
        try {
            users.findById(userId).orElseThrow().changeEmail(used.payload());
            users.flush();
        } catch (DataIntegrityViolationException e) {
            throw new Refused("token", "Un compte utilise déjà cette adresse e-mail.");
        }
    }

    @Transactional(readOnly = true)
    List<AccountSummary> allAccounts() {
        return users.findAllByOrderByRoleAscIdentifiantAsc().stream().map(AccountSummary::of).toList();
    }

    /** Disables (or enables again) an account; an admin cannot disable their own. */
    @Transactional
    void setDisabled(long userId, boolean disabled, long adminId) {
        if (userId == adminId) {
            throw new Refused("account", "Vous ne pouvez pas désactiver votre propre compte.");
        }
        Optional<UserAccount> user = users.findById(userId);
        user.ifPresent(u -> {
            if (disabled && u.getStatus() == AccountStatus.ACTIVE) {
                u.setStatus(AccountStatus.DISABLED);
                sessions.endAll(u.getIdentifiant());
            } else if (!disabled && u.getStatus() == AccountStatus.DISABLED) {
                u.setStatus(AccountStatus.ACTIVE);
            }
        });
    }
}
