package fr.id77.account;

import fr.id77.shared.mail.LinkMailReissueRequested;
import fr.id77.shared.mail.MailOutbox;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The mails that carry a single-use link (confirmation, welcome, invitation, reset, new address): one way to
 * send them, marked in the outbox as carrying a link (blanked once sent, never shown to admins), and a fresh link
 * when an admin resends one that failed ({@link LinkMailReissueRequested}) — never the old body.
 */
@Component
class LinkMails {

    private final Tokens tokens;
    private final MailOutbox mail;
    private final UserAccountRepository users;

    LinkMails(Tokens tokens, MailOutbox mail, UserAccountRepository users) {
        this.tokens = tokens;
        this.mail = mail;
        this.users = users;
    }

    /** Issues a link for {@code purpose} and queues {@code template} to {@code to}; the kind remembers how to do it again. */
    void send(UserAccount user, TokenPurpose purpose, String to, String payload, String template, String subject) {
        String token = tokens.issue(user.getId(), purpose, payload);
        mail.enqueueWithLink(
                to,
                subject,
                template,
                Map.of(
                        "name",
                        user.displayName(),
                        "identifiant",
                        user.getIdentifiant(),
                        "link",
                        mail.link(purpose.page() + "?jeton=" + token)),
                purpose.name() + ":" + template,
                user.getId());
    }

    /** A failed link mail is sent again with a fresh link, if that link still makes sense for the account. */
    @EventListener
    void reissue(LinkMailReissueRequested request) {
        String[] kind = request.kind().split(":", 2);
        if (kind.length != 2) {
            return;
        }
        TokenPurpose purpose = switch (kind[0]) {
            case "CONFIRM_EMAIL" -> TokenPurpose.CONFIRM_EMAIL;
            case "SET_PASSWORD" -> TokenPurpose.SET_PASSWORD;
            case "RESET_PASSWORD" -> TokenPurpose.RESET_PASSWORD;
            case "CHANGE_EMAIL" -> TokenPurpose.CHANGE_EMAIL;
            default -> null;
        };
        if (purpose == null) {
            return;
        }
        users.findById(request.owner())
                .filter(user -> stillWanted(user, purpose, request.recipient()))
                .ifPresent(user -> send(
                        user,
                        purpose,
                        request.recipient(),
                        purpose == TokenPurpose.CHANGE_EMAIL ? request.recipient() : null,
                        kind[1],
                        request.subject()));
    }

    private boolean stillWanted(UserAccount user, TokenPurpose purpose, String recipient) {
        return switch (purpose) {
            case CONFIRM_EMAIL ->
                user.getStatus() == AccountStatus.PENDING
                        && user.getEmailConfirmedAt() == null
                        && user.getEmail().equalsIgnoreCase(recipient);
            case SET_PASSWORD, RESET_PASSWORD ->
                user.getStatus() == AccountStatus.ACTIVE && user.getEmail().equalsIgnoreCase(recipient);
            case CHANGE_EMAIL -> !user.getEmail().equalsIgnoreCase(recipient) && !users.existsByEmail(recipient);
        };
    }
}
