package fr.id77.catalogue;

/**
 * An admin gave an offer another chef de file ({@code chefDeFileId}, null: nobody), published in the
 * transaction of the change: the requests module moves the offer's open requests to the new chef de file.
 */
public record OfferLeadChanged(long offerId, Long previousChefDeFileId, Long chefDeFileId, long actorId) {}
