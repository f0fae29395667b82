package fr.id77.catalogue;

import fr.id77.catalogue.CatalogueReference.DomainRef;
import java.util.List;

/** One offer as a card of a list (catalogue, favourites). */
public record OfferCard(
        long id, String code, String title, String summary, String typology, boolean billed, List<DomainRef> domains) {

    public DomainRef mainDomain() {
        return domains.isEmpty() ? null : domains.getFirst();
    }
}
