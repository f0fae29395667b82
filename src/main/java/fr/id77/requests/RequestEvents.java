package fr.id77.requests;

import java.time.LocalDate;

/**
 * Application events registered by the {@link Request} aggregate and published when it is saved, inside the
 * transaction of the change ({@link RequestHistory} writes them to the history, the notifications module
 * tells people). Each names its request through one {@link RequestRef}, so that a listener needs not read
 * the request again, plus the actor and what is particular to it.
 */
public final class RequestEvents {

    private RequestEvents() {}

    /**
     * The request an event is about, as it stands after the change: its number, offer, collectivity, and who
     * handles it ({@code chefDeFileId}: the offer's chef de file today; {@code responsableId}: null when nobody), and
     * the technical referent of the collectivity who follows it ({@code referentId}: null when none).
     */
    public record RequestRef(
            long requestId,
            int numero,
            long offerId,
            long collectivityId,
            Long chefDeFileId,
            Long responsableId,
            Long referentId) {}

    /** What every event of a request says: which request, and who acted. */
    public sealed interface Change
            permits Filed,
                    StatusChanged,
                    ReferentChanged,
                    ResponsableChanged,
                    Commented,
                    DocumentAdded,
                    ChefDeFileChanged,
                    NoteWritten,
                    HandedOver,
                    ReminderDue {

        RequestRef request();

        long actorId();

        default int numero() {
            return request().numero();
        }
    }

    /** A collectivity filed a request; {@code message} is its first message to the chef de file (may be empty). */
    public record Filed(RequestRef request, long actorId, String message) implements Change {}

    /** A request changed status; {@code reason} is null when none was required. */
    public record StatusChanged(RequestRef request, long actorId, RequestStatus from, RequestStatus to, String reason)
            implements Change {}

    /** The technical referent (contact adhérent) of a request changed to {@code referentId} (null: nobody). */
    public record ReferentChanged(RequestRef request, long actorId, Long referentId) implements Change {}

    /** The responsable (contact chef de file) of a request changed to {@code request().responsableId()} (null: nobody). */
    public record ResponsableChanged(RequestRef request, long actorId) implements Change {}

    /** A comment was written on a request, by its collectivity or by ID77 staff. */
    public record Commented(RequestRef request, long actorId, long commentId, boolean fromStaff, String body)
            implements Change {}

    /** What a reminder is about: a request late on its deadline, or ID77 waiting for the collectivity's compléments. */
    public enum Reminder {
        LATE,
        COMPLEMENTS
    }

    /**
     * The daily job reminds of a request in {@code status} ({@code actorId} 0: nobody acted): {@code LATE} since
     * {@code since} (the due date of its answer while « En attente », of its completion while « En cours »), by
     * {@code workingDays}; or waiting for {@code COMPLEMENTS} since {@code since}, for {@code workingDays}.
     */
    public record ReminderDue(
            RequestRef request, long actorId, Reminder kind, RequestStatus status, LocalDate since, long workingDays)
            implements Change {}

    /** Files were added to a request (with a comment or on their own). */
    public record DocumentAdded(RequestRef request, long actorId, int count, boolean fromStaff) implements Change {}

    /**
     * The offer changed hands and this open request followed it: {@code request().chefDeFileId()} (null: nobody) leads
     * it now instead of {@code previousChefDeFileId}.
     */
    public record ChefDeFileChanged(RequestRef request, long actorId, Long previousChefDeFileId) implements Change {}

    /**
     * A staff member wrote an internal note ({@code files}: how many files came with it): staff only, never told to the
     * collectivity.
     */
    public record NoteWritten(RequestRef request, long actorId, long noteId, String body, int files)
            implements Change {}

    /**
     * The request was handed to {@code request().responsableId()}, who handles it now instead of
     * {@code previousResponsableId} (null: nobody but the chef de file), for {@code reason} (staff only).
     */
    public record HandedOver(RequestRef request, long actorId, Long previousResponsableId, String reason)
            implements Change {}
}
