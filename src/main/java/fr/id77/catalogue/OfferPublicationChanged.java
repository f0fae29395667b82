package fr.id77.catalogue;

/** An admin published an offer in the catalogue or withdrew it, published in the transaction of the change (audit). */
public record OfferPublicationChanged(long offerId, String code, String title, boolean published, long actorId) {}
