package fr.id77.requests;

import fr.id77.account.AccountStatus;
import fr.id77.account.AccountSummary;
import fr.id77.account.Accounts;
import fr.id77.catalogue.CatalogueReference;
import fr.id77.catalogue.Offers;
import fr.id77.catalogue.Offers.OfferRef;
import fr.id77.membership.Collectivities;
import fr.id77.shared.time.TimeConfiguration;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the request pages show of other modules' data (offer, collectivity, referents, people), asked to the public
 * facades of catalogue, membership and account in batches: a page costs a fixed number of statements, never one per
 * row. Its own SQL reads only the {@code request} table; filters on other modules' data become sets of ids that
 * those modules answer. Read-only: changes always go through the owning module.
 */
@Component
class RequestReadModel {

    /** One row of the « Demandes » list. */
    public record ListedRequest(
            int numero,
            RequestStatus status,
            Instant createdAt,
            String offerCode,
            String offerTitle,
            String demandeur,
            String contact,
            String chefDeFile,
            long lateDays) {}

    /** A page of the list, its counts per status tab, and the offers of its « Prestation » filter as (code, label). */
    public record ListPage(
            List<ListedRequest> rows,
            long total,
            int page,
            int totalPages,
            Map<RequestStatus, Long> counts,
            long allCount,
            List<Map.Entry<String, String>> offerChoices) {
        public boolean hasPrevious() {
            return page > 1;
        }

        public boolean hasNext() {
            return page < totalPages;
        }

        public long count(RequestStatus status) {
            return counts.getOrDefault(status, 0L);
        }
    }

    public record Person(long id, String name, String email, String phone, String collectivity) {}

    public record Collectivity(long id, String name, boolean hasLogo) {}

    public record Referent(
            long id, String title, String fullName, String service, String email, String phone, boolean removed) {
        public String label() {
            return fullName + " (" + title + (service.isBlank() ? "" : ", " + service) + ")"
                    + (removed ? " – retiré" : "");
        }
    }

    /**
     * One part of an actor's scope: its condition on {@code request r}, and whether it takes whole offers (every request
     * of some offers), so that the counts kept per offer (V37) can answer it when the filters only keep offers too;
     * those offers, when a page deep in the list is merged from one ordered stream per offer.
     */
    private record ScopePart(String where, boolean wholeOffers, Set<Long> offers) {
        ScopePart(String where, boolean wholeOffers) {
            this(where, wholeOffers, Set.of());
        }

        /**
         * Its conditions when a page is merged from ordered streams: one per offer for a part of whole offers (each
         * read in the list's order from the offers' index, V43), else its own.
         */
        List<String> streams() {
            return offers.isEmpty()
                    ? List.of(where)
                    : offers.stream()
                            .sorted()
                            .map(offer -> "r.offer_id = " + offer)
                            .toList();
        }
    }

    /**
     * The number of rows skipped from which a page of a scope in several parts is found by merging them (1,000; the
     * paging tests lower it to try both ways on a few pages).
     */
    private final int mergedFrom;

    /** What {@link #selection} answers. */
    record Selection(List<ScopePart> scope, StringBuilder filters, Map<String, Object> params, boolean offersOnly) {

        /** {@code FROM request r WHERE} the scope and the filters. */
        String from() {
            return " FROM request r WHERE ("
                    + scope.stream().map(part -> "(" + part.where() + ")").collect(Collectors.joining(" OR ")) + ")"
                    + filters;
        }
    }

    private final JdbcClient jdbc;
    private final CatalogueReference catalogue;
    private final Offers offers;
    private final Collectivities collectivities;
    private final Accounts accounts;
    private final Clock clock;

    RequestReadModel(
            JdbcClient jdbc,
            CatalogueReference catalogue,
            Offers offers,
            Collectivities collectivities,
            Accounts accounts,
            @Value("${id77.requests.list.merged-from:1000}") int mergedFrom,
            Clock clock) {
        this.mergedFrom = mergedFrom;
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.offers = offers;
        this.collectivities = collectivities;
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * One page of the list: the offers (one statement, also the filter's choices), the counts per status and the
     * page's rows (two on {@code request}), the collectivity ids of a name or canton filter (one, only then), the
     * names of the rows' collectivities and referents (one) and of their chefs de file (one). One snapshot (repeatable
     * read): the counts and the rows agree, which a page read from the end of the list relies on.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    ListPage list(RequestListQuery q, Actor actor) {
        List<OfferRef> offerRefs = offers.references();
        List<Map.Entry<String, String>> offerChoices = offerRefs.stream()
                .map(o -> Map.entry(o.code(), o.choiceLabel()))
                .toList();
        Selection selection = selection(q, actor, offerRefs);
        List<ScopePart> scope = selection.scope();
        Map<String, Object> params = selection.params();
        StringBuilder filters = selection.filters();
        boolean offersOnly = selection.offersOnly();

        // The counts per status: the whole table's (an admin, no filter) and those of whole offers are kept by the
        // database (request_status_count, V36, request_offer_status_count, V37); the other parts are counted.
        boolean kept = offersOnly;
        String countsSql = actor.admin() && filters.isEmpty()
                ? "SELECT status, requests FROM request_status_count"
                : "SELECT status, sum(requests) FROM ("
                        + scope.stream()
                                .map(part -> kept && part.wholeOffers()
                                        ? "SELECT r.status, r.requests FROM request_offer_status_count r WHERE "
                                                + part.where() + filters
                                        : "SELECT r.status, count(*) AS requests FROM request r WHERE " + part.where()
                                                + filters + " GROUP BY r.status")
                                .collect(Collectors.joining(" UNION ALL "))
                        + ") c GROUP BY status";
        Map<RequestStatus, Long> counts = new EnumMap<>(RequestStatus.class);
        jdbc.sql(countsSql).params(params).query(rs -> {
            if (rs.getLong(2) > 0) {
                counts.put(RequestStatus.valueOf(rs.getString(1)), rs.getLong(2));
            }
        });
        long all = counts.values().stream().mapToLong(Long::longValue).sum();
        long total = q.statut() == null ? all : counts.getOrDefault(q.statut(), 0L);
        int totalPages = (int) Math.max(1, (total + RequestListQuery.PAGE_SIZE - 1) / RequestListQuery.PAGE_SIZE);
        int page = Math.min(q.page(), totalPages);
        if (total == 0) {
            return new ListPage(List.of(), 0, 1, 1, counts, all, offerChoices);
        }
        boolean wholeDepartement = actor.admin() && filters.isEmpty();
        if (q.statut() != null) {
            filters.append(" AND r.status = :status");
            params.put("status", q.statut().name());
        }
        // A page's numbers are found on an index in the list's order, which also holds the scope's and the filters'
        // columns (V35, V37), without reading the rows they skip, then only its 20 rows are read. A page in the second
        // half is counted from the end, in the reverse order:
        // even the middle page of the whole département skips half the list at most, never all of it.
        int skipped = (page - 1) * RequestListQuery.PAGE_SIZE;
        int size = (int) Math.min(RequestListQuery.PAGE_SIZE, total - skipped);
        boolean fromEnd = total - skipped - size < skipped;
        long offset = fromEnd ? total - skipped - size : skipped;
        if (offset >= mergedFrom
                && offersOnly
                && List.of("recentes", "anciennes").contains(q.tri())) {
            offset = skipMonths(offset, "recentes".equals(q.tri()) != fromEnd, wholeDepartement, selection);
        }
        params.put("limit", size);
        params.put("offset", offset);
        params.put("reach", offset + size);
        String order = order(q.tri(), false);
        String walked = order(q.tri(), fromEnd);
        // Near either end, or with one part: the list's index is walked up to the page, filtered. Deeper with several
        // (disjoint) parts: each gives at most the rows up to the page's end in the list's order, and PostgreSQL
        // merges these ordered streams (Merge Append) up to the page; planning the merge costs more than a short walk.
        String numbers = scope.size() == 1 || offset < mergedFrom
                ? "SELECT r.numero" + selection.from() + " ORDER BY " + walked + " LIMIT :limit OFFSET :offset"
                : "SELECT r.numero FROM ("
                        + scope.stream()
                                .flatMap(part -> part.streams().stream())
                                .map(where ->
                                        "(SELECT r.numero, r.status, r.created_at, r.due_on FROM request r WHERE ("
                                                + where + ")" + filters + " ORDER BY " + walked + " LIMIT :reach)")
                                .collect(Collectors.joining(" UNION ALL "))
                        + ") r ORDER BY " + walked + " LIMIT :limit OFFSET :offset";
        record Listed(
                int numero,
                RequestStatus status,
                Instant createdAt,
                long offerId,
                long collectivityId,
                Long referentId,
                Long chefDeFileId,
                LocalDate dueOn) {}
        List<Listed> listed = jdbc.sql("SELECT r.numero, r.status, r.created_at, r.offer_id, r.collectivity_id, "
                        + "r.referent_id, r.chef_de_file_id, r.due_on FROM request r WHERE r.numero IN (" + numbers
                        + ") ORDER BY "
                        + order)
                .params(params)
                .query((rs, n) -> new Listed(
                        rs.getInt(1),
                        RequestStatus.valueOf(rs.getString(2)),
                        rs.getTimestamp(3).toInstant(),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getObject(6, Long.class),
                        rs.getObject(7, Long.class),
                        rs.getObject(8, LocalDate.class)))
                .list();
        LocalDate today = today();
        Map<Long, OfferRef> offerById = offerRefs.stream().collect(Collectors.toMap(OfferRef::id, Function.identity()));
        Collectivities.Names names = collectivities.names(
                listed.stream().map(Listed::collectivityId).collect(Collectors.toSet()),
                listed.stream().map(Listed::referentId).filter(Objects::nonNull).collect(Collectors.toSet()));
        Map<Long, AccountSummary> chefs = accounts.summaries(listed.stream()
                .map(Listed::chefDeFileId)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        List<ListedRequest> rows = listed.stream()
                .map(l -> {
                    OfferRef offer = offerById.get(l.offerId());
                    AccountSummary chef = l.chefDeFileId() == null ? null : chefs.get(l.chefDeFileId());
                    return new ListedRequest(
                            l.numero(),
                            l.status(),
                            l.createdAt(),
                            offer.code(),
                            offer.title(),
                            names.collectivities().get(l.collectivityId()),
                            l.referentId() == null ? null : names.referents().get(l.referentId()),
                            chef == null ? null : chef.displayName(),
                            RequestDeadlines.lateBy(l.dueOn(), today));
                })
                .toList();
        return new ListPage(rows, total, page, totalPages, counts, all, offerChoices);
    }

    /**
     * A page far into a list in the order of filing skips whole months: the kept counts per month (V64, per offer for
     * the parts of whole offers, counted for the others) give how many of the skipped requests were filed in the months
     * walked first, and the walk starts at the edge of the page's month instead. Adds that edge to the selection's
     * filters and answers the offset left to walk.
     */
    private long skipMonths(long offset, boolean newestFirst, boolean wholeDepartement, Selection selection) {
        String filters = selection.filters().toString();
        String perMonth = wholeDepartement
                ? "SELECT r.month, r.requests FROM request_month_count r WHERE TRUE" + filters
                : selection.scope().stream()
                        .map(part -> part.wholeOffers()
                                ? "SELECT r.month, r.requests FROM request_offer_month_count r WHERE " + part.where()
                                        + filters
                                : "SELECT request_month(r.created_at) AS month, count(*) AS requests FROM request r "
                                        + "WHERE " + part.where() + filters + " GROUP BY 1")
                        .collect(Collectors.joining(" UNION ALL "));
        List<Map.Entry<LocalDate, Long>> months = jdbc.sql("SELECT month, sum(requests) FROM (" + perMonth
                        + ") m GROUP BY month ORDER BY month" + (newestFirst ? " DESC" : ""))
                .params(selection.params())
                .query((rs, n) -> Map.entry(rs.getObject(1, LocalDate.class), rs.getLong(2)))
                .list();
        long before = 0;
        for (Map.Entry<LocalDate, Long> month : months) {
            if (before + month.getValue() > offset) {
                LocalDate edge = newestFirst ? month.getKey().plusMonths(1) : month.getKey();
                selection.filters().append(newestFirst ? " AND r.created_at < :edge" : " AND r.created_at >= :edge");
                selection
                        .params()
                        .put(
                                "edge",
                                Timestamp.from(edge.atStartOfDay(TimeConfiguration.PARIS)
                                        .toInstant()));
                return offset - before;
            }
            before += month.getValue();
        }
        return offset;
    }

    /**
     * The requests an actor sees in the list, filtered: his scope as disjoint parts, the filters' conditions on
     * {@code request r} (each starting with AND), their parameters, and whether the filters only keep whole offers.
     * The list's page and the export read the same selection. The status filter is left to the caller (the list counts
     * every status first).
     */
    Selection selection(RequestListQuery q, Actor actor, List<OfferRef> offerRefs) {
        Map<String, Object> params = new HashMap<>();
        // The actor's scope as disjoint parts (a request in one part only): each part is counted on its own (V37).
        List<ScopePart> scope;
        if (actor.admin()) {
            scope = List.of(new ScopePart("TRUE", true)); // every request
        } else if (actor.collectivityId() != null) {
            scope = List.of(new ScopePart("r.collectivity_id = :collectivity", false));
            params.put("collectivity", actor.collectivityId());
        } else {
            // as Request.canView: the offer's chef de file now, the responsable, the chef de file who led it
            Set<Long> led = ledBy(offerRefs, actor.userId());
            scope = List.of(
                    new ScopePart("r.offer_id IN (:led)", true, led),
                    new ScopePart("r.responsable_id = :me AND r.offer_id NOT IN (:led)", false),
                    new ScopePart(
                            "r.chef_de_file_id = :me AND r.offer_id IN (:others) "
                                    + "AND r.responsable_id IS DISTINCT FROM :me",
                            false));
            params.put("me", actor.userId());
            params.put("led", led);
            // the offers he does not lead (V64's index: a probe each instead of every request he led)
            params.put("others", ids(offerRefs, o -> !Objects.equals(o.chefDeFileId(), actor.userId())));
        }
        StringBuilder filters = new StringBuilder();
        boolean offersOnly = true; // the filters only keep some offers: the kept counts per offer answer them
        if (q.numero() != null) {
            filters.append(" AND r.numero = :numero");
            params.put("numero", q.numero());
            offersOnly = false;
        }
        if (!q.prestation().isEmpty()) {
            filters.append(" AND r.offer_id IN (:code)");
            params.put("code", ids(offerRefs, o -> o.code().equals(q.prestation())));
        }
        catalogue.domain(q.groupe()).ifPresent(d -> {
            filters.append(" AND r.offer_id IN (:domain)");
            params.put("domain", ids(offerRefs, o -> o.domainIds().contains(d.id())));
        });
        catalogue.thematic(q.thematique()).ifPresent(t -> {
            filters.append(" AND r.offer_id IN (:thematic)");
            params.put("thematic", ids(offerRefs, o -> o.thematicIds().contains(t.id())));
        });
        if (!q.collectivite().isEmpty() || !q.canton().isEmpty()) {
            filters.append(" AND r.collectivity_id IN (:collectivities)");
            params.put("collectivities", orNone(collectivities.idsMatching(q.collectivite(), q.canton())));
            offersOnly = false;
        }
        if (q.retard()) {
            // past the deadline running in its status (V44: stored, holidays computed when it was set)
            filters.append(" AND r.due_on < :today");
            params.put("today", today());
            offersOnly = false;
        }
        if (q.attente() != null) {
            filters.append(" AND r.status = 'EN_ATTENTE' AND r.created_at < :filedBefore");
            params.put(
                    "filedBefore",
                    Timestamp.from(RequestActivity.filedBefore(
                            q.attente(), LocalDate.now(clock.withZone(TimeConfiguration.PARIS)))));
            offersOnly = false;
        }
        return new Selection(scope, filters, params, offersOnly);
    }

    /**
     * The list's order for the sort {@code tri}, or its exact reverse; {@code numero} (unique) ends every order, so
     * that reading from the end gives the same pages.
     */
    static String order(String tri, boolean reversed) {
        String desc = reversed ? " ASC" : " DESC";
        String asc = reversed ? " DESC" : " ASC";
        return switch (tri) {
            case "anciennes" -> "r.created_at" + asc + ", r.numero" + asc;
            case "numero" -> "r.numero" + desc;
            case "retard" ->
                "r.due_on" + (reversed ? " DESC NULLS FIRST" : " ASC NULLS LAST") + ", r.created_at" + desc
                        + ", r.numero" + desc;
            case "statut" ->
                "CASE r.status WHEN 'EN_ATTENTE' THEN 0 WHEN 'COMPLEMENTS' THEN 1 WHEN 'EN_COURS' THEN 2 "
                        + "WHEN 'TERMINEE' THEN 3 WHEN 'REJETEE' THEN 4 WHEN 'ANNULEE' THEN 5 ELSE 6 END" + asc
                        + ", r.created_at" + desc
                        + ", r.numero" + desc;
            default -> "r.created_at" + desc + ", r.numero" + desc;
        };
    }

    /** Today in the département, for deadlines. */
    private LocalDate today() {
        return LocalDate.now(clock.withZone(TimeConfiguration.PARIS));
    }

    /** The offers {@code userId} leads now, for {@code IN (:led)}: never empty (-1 when he leads none). */
    static Set<Long> ledBy(List<OfferRef> offers, long userId) {
        return ids(offers, o -> Objects.equals(o.chefDeFileId(), userId));
    }

    private static Set<Long> ids(List<OfferRef> offers, Predicate<OfferRef> matching) {
        return orNone(offers.stream().filter(matching).map(OfferRef::id).collect(Collectors.toSet()));
    }

    /** A set for {@code IN (...)}, which PostgreSQL refuses empty: no id matches -1. */
    private static Set<Long> orNone(Set<Long> ids) {
        return ids.isEmpty() ? Set.of(-1L) : ids;
    }

    /** People by id (authors, actors, chef de file, responsable) with their collectivity's name: in two statements. */
    @Transactional(readOnly = true)
    Map<Long, Person> people(Collection<Long> ids) {
        Map<Long, AccountSummary> accountsById = accounts.summaries(ids);
        Map<Long, String> collectivityNames = collectivities
                .names(
                        accountsById.values().stream()
                                .map(AccountSummary::collectivityId)
                                .filter(Objects::nonNull)
                                .collect(Collectors.toSet()),
                        Set.of())
                .collectivities();
        Map<Long, Person> result = new LinkedHashMap<>();
        accountsById
                .values()
                .forEach(a -> result.put(
                        a.id(),
                        new Person(
                                a.id(),
                                a.displayName(),
                                a.email(),
                                a.phone(),
                                a.collectivityId() == null ? null : collectivityNames.get(a.collectivityId()))));
        return result;
    }

    @Transactional(readOnly = true)
    Optional<Collectivity> collectivity(long id) {
        return collectivities.byId(id).map(c -> new Collectivity(c.id(), c.name(), c.hasLogo()));
    }

    /** The collectivity's technical referents still in place, plus {@code alsoId} even if removed since. */
    @Transactional(readOnly = true)
    List<Referent> referents(long collectivityId, Long alsoId) {
        return collectivities.referentsInPlace(collectivityId, alsoId).stream()
                .map(r -> new Referent(r.id(), r.title(), r.fullName(), r.service(), r.email(), r.phone(), r.removed()))
                .toList();
    }

    /** Active ID77 staff (chefs de file and admins) who can be made « responsable de la demande ». */
    @Transactional(readOnly = true)
    List<Person> staff() {
        return accounts.staff().stream()
                .filter(a -> a.status() == AccountStatus.ACTIVE)
                .map(a -> new Person(a.id(), a.displayName(), a.email(), a.phone(), "ID77"))
                .toList();
    }
}
