package fr.id77.notifications;

import fr.id77.account.AccountSummary;
import fr.id77.account.Accounts;
import fr.id77.account.Role;
import fr.id77.membership.RegistrationAwaitingValidation;
import fr.id77.notifications.Notifier.Message;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/** The admins are told when a registration waits for their validation. */
@Component
class AdhesionNotifications {

    private final Notifier notifier;
    private final Accounts accounts;

    AdhesionNotifications(Notifier notifier, Accounts accounts) {
        this.notifier = notifier;
        this.accounts = accounts;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void awaitingValidation(RegistrationAwaitingValidation e) {
        String applicants = accounts.members(e.collectivityId()).stream()
                .map(AccountSummary::displayName)
                .collect(Collectors.joining(", "));
        notifier.tell(
                accounts.active(Role.ADMIN),
                null,
                new Message(
                        NotificationEvent.NOUVELLE_INSCRIPTION,
                        null,
                        null,
                        "Nouvelle inscription à valider : " + e.collectivityName(),
                        "L'inscription de " + e.collectivityName() + " est confirmée"
                                + (applicants.isEmpty() ? "" : " par " + applicants)
                                + " : son adhésion attend votre validation.",
                        null,
                        "/admin/adhesions",
                        "Voir les adhésions à valider"));
    }
}
