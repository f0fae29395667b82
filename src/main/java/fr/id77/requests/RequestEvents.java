package fr.id77.requests;

/** Application events published by the requests module (the notifications module reacts to them). */
public final class RequestEvents {

    private RequestEvents() {
    }

    /** A collectivity filed a request. */
    public record Filed(long requestId, int numero, long offerId, long collectivityId, long actorId, Long chefDeFileId) {
    }

    /** A request changed status; {@code reason} is null when none was required. */
    public record StatusChanged(long requestId, int numero, RequestStatus from, RequestStatus to, long actorId,
                                String reason, long collectivityId, Long chefDeFileId, Long responsableId) {
    }

    /** The technical referent (contact adhérent) of a request changed. */
    public record ReferentChanged(long requestId, int numero, long actorId, long collectivityId, Long chefDeFileId,
                                  Long responsableId) {
    }

    /** The responsable (contact chef de file) of a request changed. */
    public record ResponsableChanged(long requestId, int numero, long actorId, long collectivityId, Long responsableId) {
    }

    /** A comment was written on a request, by its collectivity or by ID77 staff. */
    public record Commented(long requestId, int numero, long commentId, long actorId, boolean fromStaff,
                            long collectivityId, Long chefDeFileId, Long responsableId) {
    }

    /** Files were added to a request (with a comment or on their own). */
    public record DocumentAdded(long requestId, int numero, int count, long actorId, boolean fromStaff,
                                long collectivityId, Long chefDeFileId, Long responsableId) {
    }
}
