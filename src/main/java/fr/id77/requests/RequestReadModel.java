package fr.id77.requests;

import fr.id77.account.AccountStatus;
import fr.id77.account.Accounts;
import fr.id77.catalog.CatalogueReference;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the request pages show of other modules' data (offer, collectivity, referents, people), read in
 * a fixed number of joined statements: the list filters and sorts on them, and a page must never issue
 * one query per row. Read-only: changes always go through the owning module.
 */
@Component
class RequestReadModel {

    /** One row of the « Demandes » list. */
    record Row(int numero, RequestStatus status, Instant createdAt, String offerCode, String offerTitle, String demandeur,
               String contact, String chefDeFile) {
    }

    record ListPage(List<Row> rows, long total, int page, int totalPages, Map<RequestStatus, Long> counts, long allCount) {
        public boolean hasPrevious() { return page > 1; }
        public boolean hasNext() { return page < totalPages; }
        public long count(RequestStatus status) { return counts.getOrDefault(status, 0L); }
    }

    record Person(long id, String name, String email, String phone, String collectivity) {
    }

    record Collectivity(long id, String name, String canton, String representative, String email, String phone, boolean hasLogo) {
    }

    record Referent(long id, String title, String fullName, String service, String email, String phone, boolean removed) {
        public String label() {
            return fullName + " (" + title + (service.isBlank() ? "" : ", " + service) + ")" + (removed ? " – retiré" : "");
        }
    }

    private final JdbcClient jdbc;
    private final CatalogueReference catalogue;
    private final Accounts accounts;

    RequestReadModel(JdbcClient jdbc, CatalogueReference catalogue, Accounts accounts) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.accounts = accounts;
    }

    @Transactional(readOnly = true)
    ListPage list(RequestListQuery q, Actor actor) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" WHERE ");
        if (actor.admin()) {
            where.append("TRUE");
        } else if (actor.collectivityId() != null) {
            where.append("r.collectivity_id = :collectivity");
            params.put("collectivity", actor.collectivityId());
        } else {
            // as Request.canView: the offer's chef de file now, the responsable, the chef de file who led it
            where.append("(o.chef_de_file_id = :me OR r.responsable_id = :me OR r.chef_de_file_id = :me)");
            params.put("me", actor.userId());
        }
        if (q.numero() != null) {
            where.append(" AND r.numero = :numero");
            params.put("numero", q.numero());
        }
        if (!q.prestation().isEmpty()) {
            where.append(" AND o.code = :code");
            params.put("code", q.prestation());
        }
        catalogue.domain(q.groupe()).ifPresent(d -> {
            where.append(" AND EXISTS (SELECT 1 FROM offer_domain od WHERE od.offer_id = r.offer_id AND od.domain_id = :domain)");
            params.put("domain", d.id());
        });
        catalogue.thematic(q.thematique()).ifPresent(t -> {
            where.append(" AND EXISTS (SELECT 1 FROM offer_thematic ot WHERE ot.offer_id = r.offer_id AND ot.thematic_id = :thematic)");
            params.put("thematic", t.id());
        });
        if (!q.collectivite().isEmpty()) {
            where.append(" AND unaccent(lower(c.name)) LIKE '%' || unaccent(lower(:collectivite)) || '%'");
            params.put("collectivite", q.collectivite().replace("%", "").replace("_", ""));
        }
        if (!q.canton().isEmpty()) {
            where.append(" AND c.canton = :canton");
            params.put("canton", q.canton());
        }
        String from = " FROM request r JOIN offer o ON o.id = r.offer_id JOIN collectivity c ON c.id = r.collectivity_id";

        Map<RequestStatus, Long> counts = new EnumMap<>(RequestStatus.class);
        jdbc.sql("SELECT r.status, count(*)" + from + where + " GROUP BY r.status").params(params)
                .query(rs -> {
                    counts.put(RequestStatus.valueOf(rs.getString(1)), rs.getLong(2));
                });
        long all = counts.values().stream().mapToLong(Long::longValue).sum();
        long total = q.statut() == null ? all : counts.getOrDefault(q.statut(), 0L);
        int totalPages = (int) Math.max(1, (total + RequestListQuery.PAGE_SIZE - 1) / RequestListQuery.PAGE_SIZE);
        int page = Math.min(q.page(), totalPages);
        if (total == 0) {
            return new ListPage(List.of(), 0, 1, 1, counts, all);
        }
        if (q.statut() != null) {
            where.append(" AND r.status = :status");
            params.put("status", q.statut().name());
        }
        String order = switch (q.tri()) {
            case "anciennes" -> "r.created_at ASC, r.numero ASC";
            case "numero" -> "r.numero DESC";
            case "statut" -> "CASE r.status WHEN 'EN_ATTENTE' THEN 0 WHEN 'EN_COURS' THEN 1 WHEN 'TERMINEE' THEN 2 "
                    + "WHEN 'REJETEE' THEN 3 WHEN 'ANNULEE' THEN 4 ELSE 5 END, r.created_at DESC";
            default -> "r.created_at DESC, r.numero DESC";
        };
        params.put("limit", RequestListQuery.PAGE_SIZE);
        params.put("offset", (page - 1) * RequestListQuery.PAGE_SIZE);
        List<Row> rows = jdbc.sql("SELECT r.numero, r.status, r.created_at, o.code, o.title, c.name, tr.full_name, "
                        + "u.first_name || ' ' || u.last_name" + from
                        + " LEFT JOIN technical_referent tr ON tr.id = r.referent_id AND tr.collectivity_id = r.collectivity_id"
                        + " LEFT JOIN app_user u ON u.id = r.chef_de_file_id" + where
                        + " ORDER BY " + order + " LIMIT :limit OFFSET :offset")
                .params(params)
                .query((rs, n) -> new Row(rs.getInt(1), RequestStatus.valueOf(rs.getString(2)), rs.getTimestamp(3).toInstant(),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)))
                .list();
        return new ListPage(rows, total, page, totalPages, counts, all);
    }

    /** People by id (authors, actors, chef de file, responsable), in one statement. */
    @Transactional(readOnly = true)
    Map<Long, Person> people(Collection<Long> ids) {
        Map<Long, Person> result = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return result;
        }
        jdbc.sql("SELECT u.id, u.first_name || ' ' || u.last_name, u.email, u.phone, c.name FROM app_user u "
                        + "LEFT JOIN collectivity c ON c.id = u.collectivity_id WHERE u.id IN (:ids)")
                .param("ids", ids)
                .query(rs -> {
                    result.put(rs.getLong(1), new Person(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                });
        return result;
    }

    @Transactional(readOnly = true)
    Optional<Collectivity> collectivity(long id) {
        return jdbc.sql("SELECT c.id, c.name, c.canton, "
                        + "CASE c.representative_title WHEN 'MAIRE' THEN 'Maire' ELSE 'Président(e)' END || ' : ' "
                        + "|| CASE c.representative_civility WHEN 'MME' THEN 'Mme ' ELSE 'M. ' END "
                        + "|| c.representative_first_name || ' ' || c.representative_last_name, "
                        + "(SELECT u.email FROM app_user u WHERE u.collectivity_id = c.id ORDER BY u.id LIMIT 1), "
                        + "(SELECT u.phone FROM app_user u WHERE u.collectivity_id = c.id ORDER BY u.id LIMIT 1), "
                        + "c.logo_key IS NOT NULL FROM collectivity c WHERE c.id = :id")
                .param("id", id)
                .query((rs, n) -> new Collectivity(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getBoolean(7)))
                .optional();
    }

    /** The collectivity's technical referents still in place, plus {@code alsoId} even if removed since. */
    @Transactional(readOnly = true)
    List<Referent> referents(long collectivityId, Long alsoId) {
        return jdbc.sql("SELECT id, title, full_name, service, email, phone, removed_at IS NOT NULL FROM technical_referent "
                        + "WHERE collectivity_id = :c AND (removed_at IS NULL OR id = :also) ORDER BY full_name")
                .param("c", collectivityId).param("also", alsoId == null ? -1L : alsoId)
                .query((rs, n) -> new Referent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getBoolean(7)))
                .list();
    }

    /** Active ID77 staff (chefs de file and admins) who can be made « responsable de la demande ». */
    @Transactional(readOnly = true)
    List<Person> staff() {
        return accounts.staff().stream().filter(a -> a.status() == AccountStatus.ACTIVE)
                .map(a -> new Person(a.id(), a.displayName(), a.email(), a.phone(), "ID77"))
                .toList();
    }


}
