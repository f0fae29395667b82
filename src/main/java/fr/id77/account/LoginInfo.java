package fr.id77.account;

import fr.id77.account.AccountForms.LoginInfoForm;
import fr.id77.shared.mail.MailOutbox;
import fr.id77.shared.mail.MailQuota;
import fr.id77.shared.validation.FrenchPhone;
import fr.id77.shared.web.FieldRefusal;
import fr.id77.shared.web.Versions;
import java.util.EnumSet;
import java.util.Map;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** « Informations de connexion »: name and phone, and a new e-mail address that counts once its link is used. */
@Service
class LoginInfo {

    private final UserAccountRepository users;
    private final Tokens tokens;
    private final PasswordEncoder encoder;
    private final MailOutbox mail;
    private final LinkMails links;
    private final MailQuota quota;

    LoginInfo(
            UserAccountRepository users,
            Tokens tokens,
            PasswordEncoder encoder,
            MailOutbox mail,
            LinkMails links,
            MailQuota quota) {
        this.users = users;
        this.tokens = tokens;
        this.encoder = encoder;
        this.mail = mail;
        this.links = links;
        this.quota = quota;
    }

    @Transactional(readOnly = true)
    LoginInfoForm form(long userId) {
        UserAccount u = users.findById(userId).orElseThrow();
        return new LoginInfoForm(
                u.getCivility(), u.getFirstName(), u.getLastName(), u.getEmail(), u.getPhone(), u.getVersion(), null);
    }

    /** Whether another account than {@code userId} already uses this address (case aside). */
    @Transactional(readOnly = true)
    boolean emailTakenByAnother(String email, long userId) {
        return users.findByEmail(email).filter(u -> u.getId() != userId).isPresent();
    }

    /** Saves the name and phone; a new e-mail takes effect once confirmed. Returns true if a confirmation was sent. */
    @Transactional
    boolean update(long userId, LoginInfoForm form) {
        UserAccount user = users.findById(userId).orElseThrow();
        Versions.requireCurrent(form.version(), user.getVersion(), UserAccount.class, user.getId());
        user.rename(
                form.civility() == null || form.civility().isBlank() ? null : form.civility(),
                form.firstName(),
                form.lastName(),
                FrenchPhone.Validator.format(form.phone()));
        String email = form.email();
        if (email.equalsIgnoreCase(user.getEmail())) {
            return false;
        }
        Passwords.requireCurrentPassword(user, form.currentPassword(), "currentPassword", encoder);
        if (!quota.tryAcquire(email)) {
            throw new FieldRefusal("email", new MailQuota.Exceeded().getMessage());
        }
        links.send(
                user,
                TokenPurpose.CHANGE_EMAIL,
                email,
                email,
                "changement-courriel",
                "ID77 : confirmez votre nouvelle adresse e-mail");
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
        mail.enqueue(
                previous,
                "ID77 : votre adresse e-mail a été modifiée",
                "courriel-modifie",
                Map.of("name", user.displayName(), "identifiant", user.getIdentifiant(), "newEmail", used.payload()));
    }
}
