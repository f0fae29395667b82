package fr.id77.account;

import fr.id77.account.AccountForms.LoginInfoForm;
import fr.id77.shared.mail.MailOutbox;
import fr.id77.shared.mail.MailQuota;
import fr.id77.shared.validation.FrenchPhone;
import fr.id77.shared.web.FieldRefusal;
import fr.id77.shared.web.Versions;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Passwords (choose, reset, change), login information and staff accounts. */
@Service
class AccountSettings {

    static final Set<TokenPurpose> PASSWORD_LINKS = EnumSet.of(TokenPurpose.SET_PASSWORD, TokenPurpose.RESET_PASSWORD);


    private final UserAccountRepository users;
    private final Tokens tokens;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final MailOutbox mail;
    private final SignedInSessions sessions;
    private final CollectivityStanding collectivities;
    private final LoginThrottle throttle;
    private final LinkMails links;
    private final MailQuota quota;
    private final ApplicationEventPublisher events;

    AccountSettings(UserAccountRepository users, Tokens tokens, PasswordPolicy policy, PasswordEncoder encoder, MailOutbox mail,
                    SignedInSessions sessions, CollectivityStanding collectivities, LoginThrottle throttle, LinkMails links,
                    MailQuota quota, ApplicationEventPublisher events) {
        this.collectivities = collectivities;
        this.users = users;
        this.tokens = tokens;
        this.policy = policy;
        this.encoder = encoder;
        this.mail = mail;
        this.sessions = sessions;
        this.throttle = throttle;
        this.links = links;
        this.quota = quota;
        this.events = events;
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
            throw new FieldRefusal("token", "Ce lien n'est plus valable.");
        }
        UserAccount user = users.findById(check.userId()).orElseThrow();
        checkPassword(user, password, confirmation);
        tokens.consume(token, PASSWORD_LINKS).orElseThrow(() -> new FieldRefusal("token", "Ce lien n'est plus valable."));
        user.setPasswordHash(encoder.encode(password));
        sessions.endAll(user.getIdentifiant()); // a reset may follow a theft: no session of the old password survives
        throttle.clear(user.getIdentifiant()); // the owner of the mailbox proved who they are: no lock left by guesses
    }

    /**
     * Mails a reset link (1 h) when the login names an active account and the mail limits allow it; says nothing
     * either way, so the answer never tells whether an account exists or was asked for too often.
     */
    @Transactional
    void requestReset(String login) {
        users.findByLogin(login.strip())
                .filter(u -> u.getStatus() == AccountStatus.ACTIVE)
                .filter(u -> quota.tryAcquire(u.getEmail()))
                .ifPresent(user -> links.send(user, TokenPurpose.RESET_PASSWORD, user.getEmail(), null, "reinitialisation",
                        "ID77 : réinitialisation de votre mot de passe"));
    }

    /** Changes the password; every other session of the account ends (one may be a thief's), {@code keptSession} stays. */
    @Transactional
    void changePassword(long userId, String current, String password, String confirmation, String keptSession) {
        UserAccount user = users.findById(userId).orElseThrow();
        checkCurrentPassword(user, current, "current");
        checkPassword(user, password, confirmation);
        user.setPasswordHash(encoder.encode(password));
        sessions.endAllBut(user.getIdentifiant(), keptSession);
    }

    private void checkCurrentPassword(UserAccount user, String current, String field) {
        if (current == null || current.isEmpty()) {
            throw new FieldRefusal(field, "Saisissez votre mot de passe actuel.");
        }
        if (user.getPasswordHash() == null || !encoder.matches(current, user.getPasswordHash())) {
            throw new FieldRefusal(field, "Le mot de passe actuel n'est pas celui-ci.");
        }
    }

    private void checkPassword(UserAccount user, String password, String confirmation) {
        policy.problem(password, user.getIdentifiant()).ifPresent(problem -> {
            throw new FieldRefusal("password", problem);
        });
        if (!password.equals(confirmation)) {
            throw new FieldRefusal("confirmation", "Les deux saisies ne sont pas identiques.");
        }
    }

    @Transactional(readOnly = true)
    LoginInfoForm loginInfo(long userId) {
        UserAccount u = users.findById(userId).orElseThrow();
        return new LoginInfoForm(u.getCivility(), u.getFirstName(), u.getLastName(), u.getEmail(), u.getPhone(), u.getVersion(), null);
    }

    /** Saves the name and phone; a new e-mail takes effect once confirmed. Returns true if a confirmation was sent. */
    @Transactional
    boolean updateLoginInfo(long userId, LoginInfoForm form) {
        UserAccount user = users.findById(userId).orElseThrow();
        Versions.requireCurrent(form.version(), user.getVersion(), UserAccount.class, userId);
        user.rename(form.civility() == null || form.civility().isBlank() ? null : form.civility(), form.firstName().strip(), form.lastName().strip(), FrenchPhone.Validator.format(form.phone()));
        String email = form.email().strip();
        if (email.equalsIgnoreCase(user.getEmail())) {
            return false;
        }
        checkCurrentPassword(user, form.currentPassword(), "currentPassword");
        if (users.existsByEmail(email)) {
            throw new FieldRefusal("email", "Un compte utilise déjà cette adresse e-mail.");
        }
        if (!quota.tryAcquire(email)) {
            throw new FieldRefusal("email", new MailQuota.Exceeded().getMessage());
        }
        links.send(user, TokenPurpose.CHANGE_EMAIL, email, email, "changement-courriel", "ID77 : confirmez votre nouvelle adresse e-mail");
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
            throw new FieldRefusal("token", "Ce lien n'est plus valable.");
        }
        Tokens.TokenCheck used = tokens.consume(token, EnumSet.of(TokenPurpose.CHANGE_EMAIL))
                .orElseThrow(() -> new FieldRefusal("token", "Ce lien n'est plus valable."));
        UserAccount user = users.findById(userId).orElseThrow();
        String previous = user.getEmail();
        try {
            user.changeEmail(used.payload());
            users.flush();
        } catch (DataIntegrityViolationException e) {
            throw new FieldRefusal("token", "Un compte utilise déjà cette adresse e-mail.");
        }
        // if someone else made this change, the owner learns it at the address they still read
        mail.enqueue(previous, "ID77 : votre adresse e-mail a été modifiée", "courriel-modifie",
                Map.of("name", user.displayName(), "identifiant", user.getIdentifiant(), "newEmail", used.payload()));
    }

    @Transactional(readOnly = true)
    List<AccountSummary> allAccounts() {
        return users.findAllByOrderByRoleAscIdentifiantAsc().stream().map(AccountSummary::of).toList();
    }

    /** Disables (or enables again) an account; an admin cannot disable their own. */
    @Transactional
    void setDisabled(long userId, boolean disabled, long adminId) {
        if (userId == adminId) {
            throw new FieldRefusal("account", "Vous ne pouvez pas désactiver votre propre compte.");
        }
        Optional<UserAccount> user = users.findById(userId);
        user.ifPresent(u -> {
            AccountStatus from = u.getStatus();
            if (disabled && from == AccountStatus.ACTIVE) {
                u.setStatus(AccountStatus.DISABLED);
                sessions.endAll(u.getIdentifiant());
            } else if (!disabled && from == AccountStatus.DISABLED) {
                if (u.getCollectivityId() != null && !collectivities.isActive(u.getCollectivityId())) {
                    throw new FieldRefusal("account", "Ce compte ne peut pas être réactivé : l'adhésion de sa collectivité est suspendue "
                            + "(ou n'est pas validée). Réactivez d'abord l'adhésion depuis « Collectivités ».");
                }
                u.setStatus(AccountStatus.ACTIVE);
            } else {
                return;
            }
            events.publishEvent(new AccountStatusChanged(u.getId(), u.displayName() + " (" + u.getIdentifiant() + ")",
                    from, u.getStatus(), adminId));
        });
    }
}
