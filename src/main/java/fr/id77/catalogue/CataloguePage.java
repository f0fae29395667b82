package fr.id77.catalogue;

import java.util.List;

/** One page of catalogue results for a query. */
public record CataloguePage(CatalogueQuery query, long total, int page, int totalPages, List<OfferCard> offers) {

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < totalPages;
    }
}
