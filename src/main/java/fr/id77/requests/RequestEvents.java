package fr.id77.requests;

/**
 * Application events published by the requests module inside the transaction of the change (the
 * notifications module reacts to them). Each carries what a listener needs to tell the people concerned
 * without reading the request again: its number, offer, collectivity, handlers and the actor.
 */
public final class RequestEvents {

    private RequestEvents() {
    }

    /** A collectivity filed a request; {@code message} is its first message to the chef de file (may be empty). */
    public record Filed(long requestId, int numero, long offerId, long collectivityId, long actorId, Long chefDeFileId,
                        String message) {
    }

    /** A request changed status; {@code reason} is null when none was required. */
    public record StatusChanged(long requestId, int numero, long offerId, RequestStatus from, RequestStatus to, long actorId,
                                String reason, long collectivityId, Long chefDeFileId, Long responsableId) {
    }

    /** The technical referent (contact adhérent) of a request changed to {@code referentId}. */
    public record ReferentChanged(long requestId, int numero, long offerId, long actorId, long collectivityId, Long chefDeFileId,
                                  Long responsableId, Long referentId) {
    }

    /** The responsable (contact chef de file) of a request changed to {@code responsableId} (null: nobody). */
    public record ResponsableChanged(long requestId, int numero, long offerId, long actorId, long collectivityId,
                                     Long responsableId) {
    }

    /** A comment was written on a request, by its collectivity or by ID77 staff. */
    public record Commented(long requestId, int numero, long offerId, long commentId, long actorId, boolean fromStaff,
                            long collectivityId, Long chefDeFileId, Long responsableId, String body) {
    }

    /** Files were added to a request (with a comment or on their own). */
    public record DocumentAdded(long requestId, int numero, long offerId, int count, long actorId, boolean fromStaff,
                                long collectivityId, Long chefDeFileId, Long responsableId) {
    }

    /**
     * The offer changed hands and this open request followed it: {@code chefDeFileId} (null: nobody) leads it now
     * instead of {@code previousChefDeFileId}.
     */
    public record ChefDeFileChanged(long requestId, int numero, long offerId, long actorId, long collectivityId,
                                    Long previousChefDeFileId, Long chefDeFileId) {
    }
}
