package fr.id77.trainings;

import fr.id77.shared.calendar.IcsCalendar;
import fr.id77.shared.mail.MailOutbox;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The mails a participant receives (he may have no account: no in-app notification, no settings), written to the
 * outbox in the caller's transaction. A mail about a seat (confirmation, promotion, reminder) carries the session's
 * {@code .ics}; a cancellation carries it marked cancelled, under the same UID, so a calendar updates its event.
 */
@Component
class ParticipantMails {

    /** What the mail says, each with its subject and first sentence. */
    enum Kind {
        CONFIRMED("Inscription confirmée", "Vous êtes inscrit(e) à la session ci-dessous.", true, false),
        WAITING(
                "Inscription sur liste d'attente",
                "La session ci-dessous est complète : vous êtes inscrit(e) sur sa liste d'attente. Si une place se "
                        + "libère, elle vous sera attribuée dans l'ordre d'inscription et vous recevrez un courriel.",
                false,
                false),
        PROMOTED(
                "Une place s'est libérée : inscription confirmée",
                "Une place s'est libérée : vous quittez la liste d'attente et êtes inscrit(e) à la session ci-dessous.",
                true,
                false),
        UPDATED(
                "Session modifiée",
                "La session ci-dessous, à laquelle vous êtes inscrit(e), a changé : voici sa date, ses horaires et son "
                        + "lieu à jour.",
                true,
                false),
        REMINDER(
                "Rappel : session dans deux jours",
                "Rappel : vous êtes inscrit(e) à la session ci-dessous.",
                true,
                false),
        REGISTRATION_CANCELLED(
                "Inscription annulée",
                "Votre inscription à la session ci-dessous a été annulée par votre collectivité ou par ID77.",
                true,
                true),
        SESSION_CANCELLED(
                "Session annulée", "La session ci-dessous, à laquelle vous étiez inscrit(e), est annulée.", true, true);

        private final String subject;
        private final String sentence;
        private final boolean calendar;
        private final boolean cancels;

        Kind(String subject, String sentence, boolean calendar, boolean cancels) {
            this.subject = subject;
            this.sentence = sentence;
            this.calendar = calendar;
            this.cancels = cancels;
        }

        String subject() {
            return subject;
        }
    }

    private final MailOutbox outbox;
    private final Clock clock;

    ParticipantMails(MailOutbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    void send(Kind kind, Session session, String name, String email, String reason) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("name", name);
        vars.put("title", kind.subject);
        vars.put("body", kind.sentence);
        vars.put("quote", reason);
        vars.put("offer", session.offerCode() + " – " + session.offerTitle());
        vars.put("when", session.when());
        vars.put("place", session.placeLabel());
        vars.put("calendar", kind.calendar);
        vars.put("link", outbox.link("/offres/" + session.offerCode()));
        String subject = "ID77 – " + kind.subject + " : " + session.offerTitle();
        if (!kind.calendar) {
            outbox.enqueue(email, subject, "session-participant", vars);
            return;
        }
        outbox.enqueue(email, subject, "session-participant", vars, calendar(session, kind.cancels));
    }

    /** The session's {@code .ics}: the same UID in every mail, marked cancelled when it no longer holds for him. */
    MailOutbox.Attachment calendar(Session session, boolean cancelled) {
        IcsCalendar.Event event = IcsCalendar.Event.at(
                session.uid(),
                session.localStart(),
                session.localEnd(),
                session.offerTitle(),
                session.placeLabel(),
                session.offerCode() + " – " + session.offerTitle(),
                outbox.link("/offres/" + session.offerCode()));
        String ics = IcsCalendar.write("ID77", List.of(cancelled ? event.cancel() : event), clock.instant());
        return new MailOutbox.Attachment(
                "session-" + session.id() + ".ics", IcsCalendar.MEDIA_TYPE, ics.getBytes(StandardCharsets.UTF_8));
    }
}
