package fr.id77.notifications;

import fr.id77.loans.LoanReminderDue;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The reminders of an exhibition loan, a few days before its pick-up and before its return: to the collectivity's
 * members (and its technical referent if it asked for his mails) and to the request's chef de file and responsable.
 */
@Component
class LoanNotifications {

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", java.util.Locale.FRENCH);

    private final RequestNotifications requests;

    LoanNotifications(RequestNotifications requests) {
        this.requests = requests;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void reminded(LoanReminderDue e) {
        RequestNotifications.About a = requests.about(e.request(), 0L);
        boolean pickup = e.kind() == LoanReminderDue.Kind.PICKUP;
        String day = DAY.format(e.day());
        String copy = e.copy() == null ? "" : " (" + e.copy() + ")";
        requests.tellCollectivity(
                e.request(),
                0L,
                a.message(
                        pickup ? NotificationEvent.RAPPEL_RETRAIT : NotificationEvent.RAPPEL_RETOUR,
                        (pickup ? "Rappel : retrait de l'exposition le " : "Rappel : retour de l'exposition le ") + day,
                        pickup
                                ? "L'exposition " + e.exhibition() + copy + " est à retirer par " + a.collectivity()
                                        + " le " + day + ", pour son prêt jusqu'au " + DAY.format(e.endsOn())
                                        + " (demande N°" + a.numero() + ")."
                                : "L'exposition " + e.exhibition() + copy + ", prêtée à " + a.collectivity()
                                        + ", est à rendre le " + day + " (demande N°" + a.numero() + ").",
                        null,
                        "#pret"),
                true);
    }
}
