package fr.id77.notifications;

import fr.id77.account.AccountSummary;
import fr.id77.account.Accounts;
import fr.id77.notifications.Notifier.Message;
import fr.id77.trainings.TrainingEvents;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Training sessions: the members of a collectivity are told when a colleague registers people (21), when one of their
 * participants leaves the waiting list (22), when a session they had people registered for is cancelled (23); the
 * offer's chef de file of each new registration (24). The participants themselves get their mails from the trainings
 * module.
 */
@Component
class TrainingNotifications {

    private static final String MINE = "/mes-inscriptions";

    private final Notifier notifier;
    private final Accounts accounts;

    TrainingNotifications(Notifier notifier, Accounts accounts) {
        this.notifier = notifier;
        this.accounts = accounts;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void registered(TrainingEvents.ParticipantsRegistered e) {
        String who = names(e.confirmed(), e.waiting());
        notifier.tell(
                accounts.members(e.collectivityId()),
                e.registeredBy(),
                new Message(
                        NotificationEvent.INSCRIPTION_SESSION,
                        null,
                        null,
                        "Inscription à une session : " + e.session().offerCode(),
                        e.registeredByName() + " a inscrit " + who + " à la session "
                                + e.session().label() + ".",
                        null,
                        MINE,
                        "Voir les inscriptions de la collectivité"));
        if (e.session().chefDeFileId() != null) {
            List<AccountSummary> chef =
                    accounts.summary(e.session().chefDeFileId()).stream().toList();
            notifier.tell(
                    chef,
                    e.registeredBy(),
                    new Message(
                            NotificationEvent.NOUVELLE_INSCRIPTION_SESSION,
                            null,
                            null,
                            "Nouvelle inscription à une session : "
                                    + e.session().offerCode(),
                            e.collectivityName() + " a inscrit " + who + " à la session "
                                    + e.session().label() + ".",
                            null,
                            "/gestion/sessions/" + e.session().sessionId(),
                            "Voir la session"));
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void promoted(TrainingEvents.WaitingParticipantPromoted e) {
        notifier.tell(
                accounts.members(e.collectivityId()),
                null,
                new Message(
                        NotificationEvent.PLACE_LIBEREE,
                        null,
                        null,
                        "Place libérée : " + e.participantName() + " est inscrit(e)",
                        "Une place s'est libérée à la session " + e.session().label() + " : " + e.participantName()
                                + " quitte la liste d'attente et a une place. Un courriel l'en informe.",
                        null,
                        MINE,
                        "Voir les inscriptions de la collectivité"));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void cancelled(TrainingEvents.SessionCancelled e) {
        List<AccountSummary> members = new ArrayList<>();
        e.collectivityIds().forEach(id -> members.addAll(accounts.members(id)));
        notifier.tell(
                members,
                e.cancelledBy(),
                new Message(
                        NotificationEvent.SESSION_ANNULEE,
                        null,
                        null,
                        "Session annulée : " + e.session().offerCode(),
                        "La session " + e.session().label() + " est annulée. Les participants inscrits par votre "
                                + "collectivité reçoivent un courriel.",
                        "Motif : " + e.reason(),
                        MINE,
                        "Voir les inscriptions de la collectivité"));
    }

    private static String names(List<String> confirmed, List<String> waiting) {
        String who = String.join(", ", confirmed);
        if (!waiting.isEmpty()) {
            who += (who.isEmpty() ? "" : " ; ") + "sur liste d'attente : " + String.join(", ", waiting);
        }
        return who;
    }
}
