package fr.id77.catalogue;

import fr.id77.shared.web.LikePattern;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admin list of every offer, published or not. Two statements whatever the filters and the number of
 * offers: the counts (matching, and published offers without an active chef de file), then the page.
 */
@Service
class AdminOfferList {

    static final int PAGE_SIZE = 50;

    /** One line of the list. {@code chefDeFile} is null when there is none; {@code chefActive} false when it cannot work. */
    record AdminOfferLine(
            long id,
            String code,
            String title,
            String typology,
            String organisation,
            Long chefDeFileId,
            String chefDeFile,
            boolean chefActive,
            boolean published,
            Instant updatedAt) {}

    record Result(
            AdminOfferQuery query,
            long total,
            long publishedWithoutChef,
            int page,
            int totalPages,
            List<AdminOfferLine> rows) {}

    private final JdbcClient jdbc;
    private final CatalogueReference reference;

    AdminOfferList(JdbcClient jdbc, CatalogueReference reference) {
        this.jdbc = jdbc;
        this.reference = reference;
    }

    @Transactional(readOnly = true)
    Result list(AdminOfferQuery query, Staff.Directory staff) {
        Map<String, Object> params = new LinkedHashMap<>();
        List<Long> active = staff.activeIds();
        String withoutChef =
                active.isEmpty() ? "TRUE" : "(o.chef_de_file_id IS NULL OR o.chef_de_file_id NOT IN (:active))";
        if (!active.isEmpty()) {
            params.put("active", active);
        }
        String where = where(query, withoutChef, params);
        record Counts(long total, long withoutChef) {}
        Counts counts = jdbc.sql("SELECT count(*) FILTER (WHERE " + where + "), count(*) FILTER (WHERE o.published AND "
                        + withoutChef + ") FROM offer o")
                .params(params)
                .query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(2)))
                .single();
        int totalPages = (int) Math.max(1, (counts.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        int page = Math.min(query.page(), totalPages);
        if (counts.total() == 0) {
            return new Result(query.withPage(1), 0, counts.withoutChef(), 1, 1, List.of());
        }
        String order = switch (query.sort()) {
            case AdminOfferQuery.BY_CHANGE -> "o.updated_at DESC, " + CatalogueSearch.CODE_ORDER;
            case AdminOfferQuery.BY_TITLE -> "lower(unaccent(o.title)), " + CatalogueSearch.CODE_ORDER;
            default -> CatalogueSearch.CODE_ORDER;
        };
        params.put("limit", PAGE_SIZE);
        params.put("offset", (page - 1) * PAGE_SIZE);
        List<AdminOfferLine> rows = jdbc.sql(
                        "SELECT o.id, o.code, o.title, o.typology_id, org.name, o.chef_de_file_id, o.published, o.updated_at "
                                + "FROM offer o JOIN organisation org ON org.id = o.organisation_id WHERE " + where
                                + " ORDER BY " + order + " LIMIT :limit OFFSET :offset")
                .params(params)
                .query((rs, n) -> {
                    Long chef = rs.getObject(6, Long.class);
                    Timestamp updated = rs.getTimestamp(8);
                    return new AdminOfferLine(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            reference.typology(rs.getShort(4)).label(),
                            rs.getString(5),
                            chef,
                            staff.name(chef),
                            staff.isActive(chef),
                            rs.getBoolean(7),
                            updated == null ? null : updated.toInstant());
                })
                .list();
        return new Result(query.withPage(page), counts.total(), counts.withoutChef(), page, totalPages, rows);
    }

    private static String where(AdminOfferQuery query, String withoutChef, Map<String, Object> params) {
        StringBuilder where = new StringBuilder("TRUE");
        if (!query.text().isEmpty()) {
            where.append(" AND (")
                    .append(CatalogueSearch.codeCondition(query.text(), params))
                    .append(" OR lower(unaccent(o.title)) LIKE lower(unaccent(:titlePart)))");
            params.put("titlePart", "%" + LikePattern.escape(query.text()) + "%");
        }
        if (query.typology() != null) {
            where.append(" AND o.typology_id = :typology");
            params.put("typology", query.typology().id());
        }
        if (query.domain() != null) {
            where.append(
                    " AND EXISTS (SELECT 1 FROM offer_domain od WHERE od.offer_id = o.id AND od.domain_id = :domain)");
            params.put("domain", query.domain().id());
        }
        if (AdminOfferQuery.PUBLISHED.equals(query.publication())) {
            where.append(" AND o.published");
        } else if (AdminOfferQuery.UNPUBLISHED.equals(query.publication())) {
            where.append(" AND NOT o.published");
        }
        if (query.onlyWithoutChef()) {
            where.append(" AND ").append(withoutChef);
        } else if (query.chefId() != null) {
            where.append(" AND o.chef_de_file_id = :chef");
            params.put("chef", query.chefId());
        }
        if (query.organisation() != null) {
            where.append(" AND o.organisation_id = :organisation");
            params.put("organisation", query.organisation());
        }
        return where.toString();
    }
}
