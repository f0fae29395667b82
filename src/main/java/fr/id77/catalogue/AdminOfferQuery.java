package fr.id77.catalogue;

import fr.id77.catalogue.CatalogueReference.DomainRef;
import fr.id77.catalogue.CatalogueReference.TypologyRef;
import fr.id77.shared.web.InputSanitizer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The filters of the admin list of offers, cleaned up (unknown values are dropped), all in the address:
 * {@code q} (code or title), {@code typologie}, {@code domaine} (slugs), {@code publication}
 * ({@code publiees} / {@code non-publiees}), {@code chef} ({@code aucun} or an account id), {@code organisme},
 * {@code tri} and {@code page}.
 */
record AdminOfferQuery(
        String text,
        TypologyRef typology,
        DomainRef domain,
        String publication,
        String chef,
        Long organisation,
        String sort,
        int page) {

    static final String NO_CHEF = "aucun";
    static final String PUBLISHED = "publiees";
    static final String UNPUBLISHED = "non-publiees";
    static final String BY_CODE = "identifiant";
    static final String BY_CHANGE = "modification";
    static final String BY_TITLE = "titre";
    static final Map<String, String> PUBLICATIONS = ordered(PUBLISHED, "Publiées", UNPUBLISHED, "Non publiées");
    static final Map<String, String> SORTS =
            ordered(BY_CODE, "Identifiant", BY_CHANGE, "Dernière modification", BY_TITLE, "Titre (A → Z)");

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }

    /** The list's parameters as they arrive, from the address or from the hidden fields of the list's forms. */
    record Params(
            String q,
            String typologie,
            String domaine,
            String publication,
            String chef,
            String organisme,
            String tri,
            String page) {}

    static AdminOfferQuery from(CatalogueReference ref, Params p) {
        return p == null
                ? from(ref, null, null, null, null, null, null, null, null)
                : from(
                        ref,
                        p.q(),
                        p.typologie(),
                        p.domaine(),
                        p.publication(),
                        p.chef(),
                        p.organisme(),
                        p.tri(),
                        p.page());
    }

    static AdminOfferQuery from(
            CatalogueReference ref,
            String q,
            String typologie,
            String domaine,
            String publication,
            String chef,
            String organisme,
            String tri,
            String page) {
        String cleanChef = chef == null ? "" : chef;
        if (!cleanChef.equals(NO_CHEF) && number(cleanChef) == null) {
            cleanChef = "";
        }
        String cleanPublication = PUBLISHED.equals(publication) || UNPUBLISHED.equals(publication) ? publication : "";
        String sort = BY_CHANGE.equals(tri) || BY_TITLE.equals(tri) ? tri : BY_CODE;
        Long pageNumber = number(page);
        return new AdminOfferQuery(
                InputSanitizer.clean(q, 100),
                typologie == null ? null : ref.typology(typologie).orElse(null),
                domaine == null ? null : ref.domain(domaine).orElse(null),
                cleanPublication,
                cleanChef,
                number(organisme),
                sort,
                pageNumber == null ? 1 : (int) Math.clamp(pageNumber, 1, 10_000));
    }

    /** The list of offers without an active chef de file. */
    static AdminOfferQuery withoutChef() {
        return new AdminOfferQuery("", null, null, "", NO_CHEF, null, BY_CODE, 1);
    }

    private static Long number(String raw) {
        if (raw == null || !raw.matches("[0-9]{1,12}")) {
            return null;
        }
        return Long.parseLong(raw);
    }

    public boolean onlyWithoutChef() {
        return NO_CHEF.equals(chef);
    }

    Long chefId() {
        return onlyWithoutChef() || chef.isEmpty() ? null : Long.parseLong(chef);
    }

    public boolean hasFilters() {
        return !text.isEmpty()
                || typology != null
                || domain != null
                || !publication.isEmpty()
                || !chef.isEmpty()
                || organisation != null;
    }

    AdminOfferQuery withPublication(String newPublication) {
        return new AdminOfferQuery(text, typology, domain, newPublication, chef, organisation, sort, 1);
    }

    AdminOfferQuery withPage(int newPage) {
        return new AdminOfferQuery(text, typology, domain, publication, chef, organisation, sort, newPage);
    }

    /** The list's address with these filters, on page {@code p}. */
    public String pageUrl(int p) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/admin/offres");
        if (!text.isEmpty()) b.queryParam("q", text);
        if (typology != null) b.queryParam("typologie", typology.slug());
        if (domain != null) b.queryParam("domaine", domain.slug());
        if (!publication.isEmpty()) b.queryParam("publication", publication);
        if (!chef.isEmpty()) b.queryParam("chef", chef);
        if (organisation != null) b.queryParam("organisme", organisation);
        if (!sort.equals(BY_CODE)) b.queryParam("tri", sort);
        if (p > 1) b.queryParam("page", p);
        // encoded after building: braces typed in a filter are data, never URI template variables of a redirect
        return b.build().encode().toUriString();
    }

    public String url() {
        return pageUrl(page);
    }

    // Accessors that read better in templates
    public String getText() {
        return text;
    }

    public String getTypologySlug() {
        return typology == null ? "" : typology.slug();
    }

    public String getDomainSlug() {
        return domain == null ? "" : domain.slug();
    }

    public String getPublication() {
        return publication;
    }

    public String getChef() {
        return chef;
    }

    public String getOrganisation() {
        return organisation == null ? "" : organisation.toString();
    }

    public String getSort() {
        return sort;
    }
}
