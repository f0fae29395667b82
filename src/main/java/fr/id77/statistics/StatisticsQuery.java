package fr.id77.statistics;

import fr.id77.catalogue.CatalogueReference.DomainRef;
import fr.id77.catalogue.Offers.OfferRef;
import java.time.format.DateTimeFormatter;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The statistics asked for, checked: a period and the optional domain, offer and canton filters (null or empty when
 * not chosen). Gives back the page's address and each CSV download's with the same filters.
 */
record StatisticsQuery(Period period, DomainRef domain, OfferRef offer, String canton) {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_LOCAL_DATE;

    public boolean hasFilters() {
        return domain != null || offer != null || !canton.isEmpty();
    }

    /** The page's address with these filters ({@code path} = {@code /statistiques} or a CSV download). */
    public String url(String path) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
        if (period.kind() != Period.Kind.ANNEE) {
            b.queryParam("periode", period.kind().param);
        }
        if (period.kind() == Period.Kind.DATES) {
            b.queryParam("du", ISO.format(period.from())).queryParam("au", ISO.format(period.to()));
        }
        if (domain != null) b.queryParam("domaine", domain.slug());
        if (offer != null) b.queryParam("offre", offer.code());
        if (!canton.isEmpty()) b.queryParam("canton", canton);
        return b.encode().build().toUriString();
    }

    /** The download of one figure, with the same filters. */
    public String csv(String figure) {
        return url("/statistiques/" + figure + ".csv");
    }
}
