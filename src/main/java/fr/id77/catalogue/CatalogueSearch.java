package fr.id77.catalogue;

import fr.id77.catalogue.CatalogueQuery.CodeKey;
import fr.id77.catalogue.CatalogueReference.DomainRef;
import fr.id77.shared.web.LikePattern;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Catalogue search on PostgreSQL full text (French, accent-insensitive) with code matching.
 * A page costs three statements whatever the filters: the count, the page, the page's domains.
 */
@Service
class CatalogueSearch {

    static final int PAGE_SIZE = 20;

    /** Identifier order as on the real platform: ingénierie (O), then formations (F), then expositions (R). */
    static final String CODE_ORDER =
            "CASE o.code_letter WHEN 'O' THEN 0 WHEN 'F' THEN 1 WHEN 'R' THEN 2 ELSE 3 END, o.code_letter, o.code_number";

    private final JdbcClient jdbc;
    private final CatalogueReference reference;
    private final OfferDomains offerDomains;

    CatalogueSearch(JdbcClient jdbc, CatalogueReference reference, OfferDomains offerDomains) {
        this.jdbc = jdbc;
        this.reference = reference;
        this.offerDomains = offerDomains;
    }

    @Transactional(readOnly = true)
    CataloguePage search(CatalogueQuery query) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder(" WHERE o.published");
        Optional<CodeKey> textAsCode = CodeKey.parse(query.text());
        boolean textSearch = !query.text().isEmpty();

        if (!query.code().isEmpty()) {
            where.append(" AND ").append(codeCondition(query.code(), params));
        }
        if (query.typology() != null) {
            where.append(" AND o.typology_id = :typology");
            params.put("typology", query.typology().id());
        }
        if (!query.domains().isEmpty()) {
            where.append(
                    " AND EXISTS (SELECT 1 FROM offer_domain od WHERE od.offer_id = o.id AND od.domain_id IN (:domains))");
            params.put("domains", query.domains().stream().map(DomainRef::id).toList());
        }
        if (!query.thematics().isEmpty()) {
            where.append(
                    " AND EXISTS (SELECT 1 FROM offer_thematic ot WHERE ot.offer_id = o.id AND ot.thematic_id IN (:thematics))");
            params.put("thematics", query.thematics().stream().map(t -> t.id()).toList());
        }
        String from = " FROM offer o";
        if (textSearch) {
            from = " FROM offer o CROSS JOIN websearch_to_tsquery('id77_fr', :text) AS tsq";
            params.put("text", query.text());
            where.append(" AND (o.search_vector @@ tsq");
            if (textAsCode.isPresent()) {
                where.append(" OR (o.code_letter = :textLetter AND o.code_number = :textNumber)");
                params.put("textLetter", textAsCode.get().letter());
                params.put("textNumber", textAsCode.get().number());
            }
            where.append(")");
        }

        long total = statement("SELECT count(*)" + from + where, params)
                .query(Long.class)
                .single();
        int totalPages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int page = Math.min(query.page(), totalPages);
        if (total == 0) {
            return new CataloguePage(query.withPage(1), 0, 1, 1, List.of());
        }

        String order = switch (query.sort()) {
            case PERTINENCE ->
                (textAsCode.isPresent() ? "(o.code_letter = :textLetter AND o.code_number = :textNumber) DESC, " : "")
                        + "ts_rank_cd(o.search_vector, tsq, 32) DESC, " + CODE_ORDER;
            case TITRE -> "lower(unaccent(o.title)), " + CODE_ORDER;
            case RECENTES -> "o.published_on DESC, " + CODE_ORDER;
            case IDENTIFIANT ->
                (textAsCode.isPresent() ? "(o.code_letter = :textLetter AND o.code_number = :textNumber) DESC, " : "")
                        + CODE_ORDER;
        };
        params.put("limit", PAGE_SIZE);
        params.put("offset", (page - 1) * PAGE_SIZE);
        List<Match> rows = statement(
                        "SELECT o.id, o.code, o.title, o.summary, o.typology_id, o.billed" + from + where + " ORDER BY "
                                + order + " LIMIT :limit OFFSET :offset",
                        params)
                .query((rs, n) -> new Match(
                        rs.getLong("id"),
                        rs.getString("code"),
                        rs.getString("title"),
                        rs.getString("summary"),
                        rs.getShort("typology_id"),
                        rs.getBoolean("billed")))
                .list();

        Map<Long, List<DomainRef>> domainsByOffer =
                offerDomains.of(rows.stream().map(Match::id).toList());

        List<OfferCard> cards = rows.stream()
                .map(r -> new OfferCard(
                        r.id(),
                        r.code(),
                        r.title(),
                        r.summary(),
                        reference.typology(r.typologyId()).label(),
                        r.billed(),
                        domainsByOffer.getOrDefault(r.id(), List.of())))
                .toList();
        return new CataloguePage(query.withPage(page), total, page, totalPages, cards);
    }

    private JdbcClient.StatementSpec statement(String sql, Map<String, Object> params) {
        return jdbc.sql(sql).params(params);
    }

    /**
     * The offers whose code starts with what was typed, or is the same code written otherwise (« o 37 »,
     * « O037 » for O37), as an SQL condition; its parameters are added to {@code params}.
     */
    static String codeCondition(String typed, Map<String, Object> params) {
        params.put(
                "codePrefix",
                LikePattern.escape(typed.replaceAll("[\\s\\-_.]", "").toUpperCase(Locale.ROOT)) + "%");
        Optional<CodeKey> key = CodeKey.parse(typed);
        if (key.isEmpty()) {
            return "o.code LIKE :codePrefix";
        }
        params.put("codeLetter", key.get().letter());
        params.put("codeNumber", key.get().number());
        return "(o.code LIKE :codePrefix OR (o.code_letter = :codeLetter AND o.code_number = :codeNumber))";
    }

    private record Match(long id, String code, String title, String summary, short typologyId, boolean billed) {}
}
