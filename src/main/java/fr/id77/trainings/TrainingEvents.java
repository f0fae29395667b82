package fr.id77.trainings;

import java.util.List;
import java.util.Set;

/**
 * What happens to training sessions, published inside the transaction that did it (the notifications module tells
 * the people concerned). The participants' own mails are sent by this module, since participants may have no account.
 */
public final class TrainingEvents {

    private TrainingEvents() {}

    /**
     * The session as a message names it: {@code when} is « mardi 12 janvier 2027 de 09:30 à 12:00 », {@code place}
     * its place or « À distance ».
     */
    public record SessionRef(
            long sessionId,
            long offerId,
            String offerCode,
            String offerTitle,
            Long chefDeFileId,
            String when,
            String place) {

        /** « F101 – Title, mardi 12 janvier 2027 de 09:30 à 12:00 ». */
        public String label() {
            return offerCode + " – " + offerTitle + ", " + when;
        }
    }

    /**
     * A member registered participants of his collectivity: {@code confirmed} got a seat, {@code waiting} went to the
     * waiting list (names).
     */
    public record ParticipantsRegistered(
            SessionRef session,
            long collectivityId,
            String collectivityName,
            long registeredBy,
            String registeredByName,
            List<String> confirmed,
            List<String> waiting) {}

    /** A seat freed up and the first participant waiting got it. */
    public record WaitingParticipantPromoted(SessionRef session, long collectivityId, String participantName) {}

    /** Staff cancelled a session: every collectivity that had participants registered is told, with the reason. */
    public record SessionCancelled(SessionRef session, Set<Long> collectivityIds, long cancelledBy, String reason) {}
}
