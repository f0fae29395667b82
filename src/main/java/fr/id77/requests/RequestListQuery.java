package fr.id77.requests;

import fr.id77.shared.web.InputSanitizer;
import fr.id77.shared.web.SearchPage;
import java.util.Locale;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Filters of the « Demandes » page, cleaned: unknown values are dropped, the page is clamped. {@code attente}: only the
 * requests « En attente » for more than that many working days (the admin dashboard's figures link here); {@code retard}:
 * only the requests past the deadline running in their status (to answer, to complete), the sort {@code retard} putting
 * the most late first.
 */
public record RequestListQuery(
        Integer numero,
        String prestation,
        String groupe,
        String thematique,
        RequestStatus statut,
        String collectivite,
        String canton,
        String tri,
        int page,
        Integer attente,
        boolean retard) {

    public static final int PAGE_SIZE = 20;

    /** The longest waiting time a list can ask for, in working days (about a year). */
    public static final int MAX_WAITING_DAYS = 250;

    public static RequestListQuery of(
            String numero,
            String prestation,
            String groupe,
            String thematique,
            String statut,
            String collectivite,
            String canton,
            String tri,
            String page,
            Integer attente,
            boolean retard) {
        Integer n = null;
        String digits = numero == null ? "" : numero.replaceAll("\\D", "");
        if (!digits.isEmpty() && digits.length() <= 9) {
            n = Integer.parseInt(digits);
        }
        RequestStatus s = null;
        if (statut != null && !statut.isBlank()) {
            try {
                s = RequestStatus.valueOf(statut.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ignored) {
                s = null;
            }
        }
        int p = SearchPage.pageNumber(page);
        String sort = switch (tri == null ? "" : tri) {
            case "anciennes", "numero", "statut", "retard" -> tri;
            default -> "recentes";
        };
        return new RequestListQuery(
                n,
                clean(prestation, 10).toUpperCase(Locale.ROOT),
                clean(groupe, 60),
                clean(thematique, 60),
                s,
                clean(collectivite, 100),
                clean(canton, 60),
                sort,
                p,
                attente == null || attente < 1 || attente > MAX_WAITING_DAYS ? null : attente,
                retard);
    }

    private static String clean(String value, int max) {
        return InputSanitizer.clean(value, max);
    }

    RequestListQuery withStatus(RequestStatus status) {
        return new RequestListQuery(
                numero, prestation, groupe, thematique, status, collectivite, canton, tri, 1, attente, retard);
    }

    RequestListQuery withPage(int p) {
        return new RequestListQuery(
                numero, prestation, groupe, thematique, statut, collectivite, canton, tri, p, attente, retard);
    }

    public boolean hasFilters() {
        return numero != null
                || !prestation.isEmpty()
                || !groupe.isEmpty()
                || !thematique.isEmpty()
                || statut != null
                || !collectivite.isEmpty()
                || !canton.isEmpty()
                || attente != null
                || retard;
    }

    /** The list address for this query, on another status tab and/or page. */
    public String url(RequestStatus status, int p) {
        return address("/demandes", status, p);
    }

    /** The address of the list's export in this format ({@code csv}, {@code xlsx}): the same filters, every page. */
    public String exportUrl(String extension) {
        return address("/demandes/export." + extension, statut, 1);
    }

    private String address(String path, RequestStatus status, int p) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
        if (numero != null) b.queryParam("numero", numero);
        if (!prestation.isEmpty()) b.queryParam("prestation", prestation);
        if (!groupe.isEmpty()) b.queryParam("groupe", groupe);
        if (!thematique.isEmpty()) b.queryParam("thematique", thematique);
        if (status != null) b.queryParam("statut", status.name());
        if (!collectivite.isEmpty()) b.queryParam("collectivite", collectivite);
        if (!canton.isEmpty()) b.queryParam("canton", canton);
        if (attente != null) b.queryParam("attente", attente);
        if (retard) b.queryParam("retard", "oui");
        if (!"recentes".equals(tri)) b.queryParam("tri", tri);
        if (p > 1) b.queryParam("page", p);
        return b.encode().build().toUriString();
    }

    public String pageUrl(int p) {
        return url(statut, p);
    }

    public String tabUrl(RequestStatus status) {
        return url(status, 1);
    }
}
