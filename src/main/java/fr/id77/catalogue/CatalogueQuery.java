package fr.id77.catalogue;

import fr.id77.catalogue.CatalogueReference.DomainRef;
import fr.id77.catalogue.CatalogueReference.ThematicRef;
import fr.id77.catalogue.CatalogueReference.TypologyRef;
import fr.id77.shared.web.AddressChoice;
import fr.id77.shared.web.InputSanitizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What a person asked of the catalogue, cleaned up: unknown slugs are dropped (with a notice),
 * the page is clamped, the sort falls back to a sensible default, text is trimmed to a sane length.
 */
public record CatalogueQuery(
        String text,
        String code,
        List<DomainRef> domains,
        List<ThematicRef> thematics,
        TypologyRef typology,
        Sort sort,
        int page,
        List<String> notices) {

    static final int MAX_TEXT = 200;
    static final int MAX_FILTERS = 20;
    private static final Pattern CODE = Pattern.compile("^([A-Z])0*([0-9]{1,4})$");

    public enum Sort implements AddressChoice {
        PERTINENCE("pertinence", "Pertinence"),
        IDENTIFIANT("identifiant", "Identifiant"),
        TITRE("titre", "Titre (A → Z)"),
        RECENTES("recentes", "Plus récentes");

        final String param;
        final String label;

        Sort(String param, String label) {
            this.param = param;
            this.label = label;
        }

        @Override
        public String getParam() {
            return param;
        }

        @Override
        public String getLabel() {
            return label;
        }

        static Optional<Sort> of(String param) {
            return AddressChoice.byParam(Sort.class, param);
        }
    }

    /** A code such as « o37 », « O 37 » or « O037 », as (letter, number); empty otherwise. */
    record CodeKey(String letter, int number) {
        static Optional<CodeKey> parse(String raw) {
            if (raw == null) {
                return Optional.empty();
            }
            String compact = raw.replaceAll("[\\s\\-_.]", "").toUpperCase(Locale.ROOT);
            Matcher m = CODE.matcher(compact);
            return m.matches() ? Optional.of(new CodeKey(m.group(1), Integer.parseInt(m.group(2)))) : Optional.empty();
        }
    }

    /**
     * The filters of the catalogue's address, as sent (values trimmed by the request filter): one object bound from
     * {@code ?q=…&code=…&domaine=…&thematique=…&typologie=…&tri=…&page=…}. A page that is not a number is a binding
     * error, which {@link #from(CatalogueReference, Filters, Errors)} turns into a notice.
     */
    record Filters(
            String q,
            String code,
            List<String> domaine,
            List<String> thematique,
            String typologie,
            String tri,
            Integer page) {}

    /** The query of these filters; an address that cannot be read is ignored with a notice, never an error page. */
    static CatalogueQuery from(CatalogueReference ref, Filters filters, Errors binding) {
        List<String> notices = new ArrayList<>();
        FieldError badPage = binding.getFieldError("page");
        if (badPage != null) {
            notices.add("La page « " + InputSanitizer.clean(String.valueOf(badPage.getRejectedValue()), 60)
                    + " » n'existe pas : voici la première page.");
        }
        return from(ref, filters, notices);
    }

    static CatalogueQuery from(CatalogueReference ref, Filters filters) {
        return from(ref, filters, new ArrayList<>());
    }

    private static CatalogueQuery from(CatalogueReference ref, Filters filters, List<String> notices) {
        String q = filters.q();
        String text = InputSanitizer.clean(q, MAX_TEXT);
        if (q != null && InputSanitizer.clean(q, Integer.MAX_VALUE).length() > MAX_TEXT) {
            notices.add("Votre recherche était très longue : seuls ses " + MAX_TEXT
                    + " premiers caractères ont été pris en compte.");
        }
        String cleanCode = InputSanitizer.clean(filters.code(), 20)
                .replaceAll("[^A-Za-z0-9]", "")
                .toUpperCase(Locale.ROOT);

        List<DomainRef> domains = new ArrayList<>();
        for (String slug : distinct(filters.domaine())) {
            ref.domain(slug)
                    .ifPresentOrElse(
                            domains::add,
                            () -> notices.add("Le domaine « " + InputSanitizer.clean(slug, 60)
                                    + " » n'existe pas : ce filtre a été ignoré."));
        }
        List<ThematicRef> thematics = new ArrayList<>();
        for (String slug : distinct(filters.thematique())) {
            ref.thematic(slug)
                    .ifPresentOrElse(
                            thematics::add,
                            () -> notices.add("La thématique « " + InputSanitizer.clean(slug, 60)
                                    + " » n'existe pas : ce filtre a été ignoré."));
        }
        String typologie = filters.typologie();
        TypologyRef typology = null;
        if (typologie != null && !typologie.isBlank()) {
            typology = ref.typology(typologie).orElse(null);
            if (typology == null) {
                notices.add("La typologie « " + InputSanitizer.clean(typologie, 60)
                        + " » n'existe pas : ce filtre a été ignoré.");
            }
        }
        Sort sort = Sort.of(filters.tri()).orElse(null);
        if (sort == null || (sort == Sort.PERTINENCE && text.isEmpty())) {
            sort = text.isEmpty() ? Sort.IDENTIFIANT : Sort.PERTINENCE;
        }
        int pageNumber = filters.page() == null ? 1 : Math.max(1, filters.page());
        return new CatalogueQuery(
                text,
                cleanCode,
                List.copyOf(domains),
                List.copyOf(thematics),
                typology,
                sort,
                pageNumber,
                List.copyOf(notices));
    }

    private static List<String> distinct(List<String> values) {
        if (values == null) {
            return List.of();
        }
        LinkedHashSet<String> set = new LinkedHashSet<>();
        for (String v : values) {
            if (v != null && !v.isBlank() && set.size() < MAX_FILTERS) {
                set.add(v);
            }
        }
        return List.copyOf(set);
    }

    CatalogueQuery withPage(int newPage) {
        return new CatalogueQuery(text, code, domains, thematics, typology, sort, newPage, notices);
    }

    /** Thematics offered under the domain bar: those of the selected domains. */
    public List<ThematicRef> availableThematics() {
        return domains.stream().flatMap(d -> d.thematics().stream()).toList();
    }

    public boolean hasFilters() {
        return !text.isEmpty() || !code.isEmpty() || !domains.isEmpty() || !thematics.isEmpty() || typology != null;
    }

    public boolean hasDomain(String slug) {
        return domains.stream().anyMatch(d -> d.slug().equals(slug));
    }

    public boolean hasThematic(String slug) {
        return thematics.stream().anyMatch(t -> t.slug().equals(slug));
    }

    /** The catalogue address for the given filters, keeping this query's sort; used for chips, pages and sorts. */
    private String url(String t, String c, List<DomainRef> ds, List<ThematicRef> ts, TypologyRef ty, int p) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/");
        if (!t.isEmpty()) b.queryParam("q", t);
        if (!c.isEmpty()) b.queryParam("code", c);
        ds.forEach(d -> b.queryParam("domaine", d.slug()));
        ts.forEach(th -> b.queryParam("thematique", th.slug()));
        if (ty != null) b.queryParam("typologie", ty.slug());
        boolean defaultSort = sort == (t.isEmpty() ? Sort.IDENTIFIANT : Sort.PERTINENCE);
        if (!defaultSort && !(sort == Sort.PERTINENCE && t.isEmpty())) b.queryParam("tri", sort.param);
        if (p > 1) b.queryParam("page", p);
        return b.encode().build().toUriString();
    }

    public String pageUrl(int p) {
        return url(text, code, domains, thematics, typology, p);
    }

    public String sortUrl(Sort s) {
        return new CatalogueQuery(text, code, domains, thematics, typology, s, 1, notices).pageUrl(1);
    }

    /** Adds the domain, or removes it with its thematics. */
    public String toggleDomainUrl(DomainRef domain) {
        if (hasDomain(domain.slug())) {
            return url(
                    text,
                    code,
                    domains.stream().filter(d -> d.id() != domain.id()).toList(),
                    thematics.stream().filter(t -> t.domainId() != domain.id()).toList(),
                    typology,
                    1);
        }
        List<DomainRef> more = new ArrayList<>(domains);
        more.add(domain);
        return url(text, code, more, thematics, typology, 1);
    }

    public String toggleThematicUrl(ThematicRef thematic) {
        List<ThematicRef> ts = new ArrayList<>(thematics);
        if (!ts.removeIf(t -> t.id() == thematic.id())) {
            ts.add(thematic);
        }
        return url(text, code, domains, ts, typology, 1);
    }

    public String withoutTextUrl() {
        return url("", code, domains, thematics, typology, 1);
    }

    public String withoutCodeUrl() {
        return url(text, "", domains, thematics, typology, 1);
    }

    public String withoutTypologyUrl() {
        return url(text, code, domains, thematics, null, 1);
    }

    // Accessors for templates (records' accessors are fine too; these read better in Thymeleaf)
    public String getText() {
        return text;
    }

    public String getCode() {
        return code;
    }

    public List<DomainRef> getDomains() {
        return domains;
    }

    public List<ThematicRef> getThematics() {
        return thematics;
    }

    public TypologyRef getTypology() {
        return typology;
    }

    public Sort getSort() {
        return sort;
    }

    public List<String> getNotices() {
        return notices;
    }
}
