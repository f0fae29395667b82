package fr.id77.requests;

import fr.id77.account.AccountSummary;
import fr.id77.account.Accounts;
import fr.id77.catalogue.CatalogueReference;
import fr.id77.catalogue.Offers;
import fr.id77.catalogue.Offers.OfferRef;
import fr.id77.membership.Collectivities;
import fr.id77.shared.export.RowWriter;
import fr.id77.shared.time.TimeConfiguration;
import fr.id77.shared.time.WorkingDays;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The « Demandes » list as a spreadsheet: the requests the list shows with its filters (every page, in its order),
 * one row each, streamed from the database. A fixed number of statements whatever the number of rows: the offers
 * (one), the ids of the people and collectivities the rows name (one, on {@code request}), their names (one on
 * membership, one on account), then the rows themselves, read with a cursor ({@value #FETCH_SIZE} at a time) and
 * written as they come. Each row's dates of steps and its numbers of comments and files come in the same statement,
 * from the requests module's own tables.
 */
@Component
class RequestExport {

    static final List<String> HEADERS = List.of(
            "Numéro",
            "Statut",
            "Déposée le",
            "Acceptée le",
            "Refusée le",
            "Terminée le",
            "Annulée le",
            "Code de l'offre",
            "Offre",
            "Domaine",
            "Thématique",
            "Collectivité",
            "Canton",
            "Demandeur",
            "Référent technique",
            "Chef de file",
            "Responsable",
            "Commentaires",
            "Fichiers",
            "Jours ouvrés jusqu'à l'acceptation",
            "Jours ouvrés jusqu'à l'achèvement",
            "Échéance en cours",
            "Jours ouvrés de retard");

    static final int FETCH_SIZE = 1_000;

    /**
     * Each step's date from the request's history: its acceptance is the first move from « En attente » to « En
     * cours »; its rejection, completion and cancellation the last move to that status (a request reopened and
     * completed again counts from its last completion).
     */
    private static final String STEPS = "LEFT JOIN LATERAL (SELECT "
            + "min(ev.created_at) FILTER (WHERE ev.from_status = 'EN_ATTENTE' AND ev.to_status = 'EN_COURS') AS accepted, "
            + "max(ev.created_at) FILTER (WHERE ev.to_status = 'REJETEE') AS rejected, "
            + "max(ev.created_at) FILTER (WHERE ev.to_status = 'TERMINEE') AS completed, "
            + "max(ev.created_at) FILTER (WHERE ev.to_status = 'ANNULEE') AS cancelled "
            + "FROM request_event ev WHERE ev.request_id = r.id AND ev.kind = 'STATUS') steps ON TRUE";

    private final RequestReadModel read;
    private final Offers offers;
    private final CatalogueReference catalogue;
    private final Collectivities collectivities;
    private final Accounts accounts;
    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate cursor;
    private final Clock clock;

    RequestExport(
            RequestReadModel read,
            Offers offers,
            CatalogueReference catalogue,
            Collectivities collectivities,
            Accounts accounts,
            JdbcClient jdbc,
            JdbcTemplate template,
            Clock clock) {
        this.clock = clock;
        this.read = read;
        this.offers = offers;
        this.catalogue = catalogue;
        this.collectivities = collectivities;
        this.accounts = accounts;
        this.jdbc = jdbc;
        JdbcTemplate fetching = new JdbcTemplate(template.getDataSource());
        fetching.setFetchSize(FETCH_SIZE); // inside a transaction, PostgreSQL's driver then reads with a cursor
        this.cursor = new NamedParameterJdbcTemplate(fetching);
    }

    /** Writes the headers and the rows of the requests {@code actor} sees with the list's filters {@code q}. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    void write(RequestListQuery q, Actor actor, RowWriter out) {
        LocalDate today = LocalDate.now(clock.withZone(TimeConfiguration.PARIS));
        List<OfferRef> offerRefs = offers.references();
        Map<Long, OfferCells> offerById = offerRefs.stream().collect(Collectors.toMap(OfferRef::id, this::cells));
        RequestReadModel.Selection selection = read.selection(q, actor, offerRefs);
        Map<String, Object> params = selection.params();
        if (q.statut() != null) {
            selection.filters().append(" AND r.status = :status");
            params.put("status", q.statut().name());
        }
        String from = selection.from();

        // The people and collectivities the rows name, then their names: bounded by the département's people, not
        // by the number of requests.
        Named named = jdbc.sql("SELECT array_agg(DISTINCT r.collectivity_id), "
                        + "array_agg(DISTINCT r.referent_id) FILTER (WHERE r.referent_id IS NOT NULL), "
                        + "array_agg(DISTINCT r.created_by), "
                        + "array_agg(DISTINCT r.chef_de_file_id) FILTER (WHERE r.chef_de_file_id IS NOT NULL), "
                        + "array_agg(DISTINCT r.responsable_id) FILTER (WHERE r.responsable_id IS NOT NULL)" + from)
                .params(params)
                .query((rs, n) -> named(rs))
                .single();

        out.row(HEADERS);
        cursor.query(
                "SELECT r.numero, r.status, r.created_at, r.offer_id, r.collectivity_id, r.referent_id, r.created_by, "
                        + "r.chef_de_file_id, r.responsable_id, steps.accepted, steps.rejected, steps.completed, "
                        + "steps.cancelled, "
                        + "(SELECT count(*) FROM request_comment c WHERE c.request_id = r.id AND NOT c.internal), "
                        + "(SELECT count(*) FROM request_attachment a WHERE a.request_id = r.id AND NOT a.internal), r.due_on"
                        + from.replace(" FROM request r WHERE ", " FROM request r " + STEPS + " WHERE ")
                        + " ORDER BY " + RequestReadModel.order(q.tri(), false),
                params,
                rs -> {
                    out.row(row(rs, offerById, named, today));
                });
    }

    private List<Object> row(ResultSet rs, Map<Long, OfferCells> offerById, Named named, LocalDate today)
            throws SQLException {
        OfferCells offer = offerById.get(rs.getLong(4));
        long collectivityId = rs.getLong(5);
        Instant filed = instant(rs, 3);
        Instant accepted = instant(rs, 10);
        Instant completed = instant(rs, 12);
        List<Object> row = new ArrayList<>(HEADERS.size());
        row.add(rs.getInt(1));
        row.add(RequestStatus.valueOf(rs.getString(2)).getLabel());
        row.add(filed);
        row.add(accepted);
        row.add(instant(rs, 11));
        row.add(completed);
        row.add(instant(rs, 13));
        row.add(offer.code());
        row.add(offer.title());
        row.add(offer.domains());
        row.add(offer.thematics());
        row.add(named.names().collectivities().get(collectivityId));
        row.add(named.names().cantons().get(collectivityId));
        row.add(named.person(rs.getLong(7)));
        row.add(named.names().referents().get(rs.getObject(6, Long.class)));
        row.add(named.person(rs.getObject(8, Long.class)));
        row.add(named.person(rs.getObject(9, Long.class)));
        row.add(rs.getLong(14));
        row.add(rs.getLong(15));
        row.add(workingDays(filed, accepted));
        row.add(workingDays(filed, completed));
        LocalDate due = rs.getObject(16, LocalDate.class);
        row.add(due);
        row.add(due == null ? null : RequestDeadlines.lateBy(due, today));
        return row;
    }

    /** What a row shows of its offer, its domains and thematics joined in alphabetical order. */
    private record OfferCells(String code, String title, String domains, String thematics) {}

    private OfferCells cells(OfferRef offer) {
        return new OfferCells(
                offer.code(),
                offer.title(),
                offer.domainIds().stream()
                        .map(id -> catalogue.domain(id).label())
                        .sorted()
                        .collect(Collectors.joining(", ")),
                offer.thematicIds().stream()
                        .map(id -> catalogue.thematic(id).label())
                        .sorted()
                        .collect(Collectors.joining(", ")));
    }

    /** Working days from filing to a step, both on Paris dates; none when the step was not reached. */
    static Long workingDays(Instant from, Instant to) {
        if (to == null) {
            return null;
        }
        return WorkingDays.between(paris(from), paris(to));
    }

    private static LocalDate paris(Instant instant) {
        return LocalDate.ofInstant(instant, TimeConfiguration.PARIS);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    /** The names the rows show: collectivities, their cantons and referents; people by id. */
    private record Named(Collectivities.Names names, Map<Long, AccountSummary> people) {
        String person(Long id) {
            AccountSummary account = id == null ? null : people.get(id);
            return account == null ? null : account.displayName();
        }
    }

    private Named named(ResultSet rs) throws SQLException {
        Set<Long> people = new HashSet<>();
        people.addAll(ids(rs.getArray(3)));
        people.addAll(ids(rs.getArray(4)));
        people.addAll(ids(rs.getArray(5)));
        return new Named(collectivities.names(ids(rs.getArray(1)), ids(rs.getArray(2))), accounts.summaries(people));
    }

    private static Set<Long> ids(Array array) throws SQLException {
        if (array == null) {
            return Set.of();
        }
        return Arrays.stream((Object[]) array.getArray())
                .filter(Objects::nonNull)
                .map(id -> ((Number) id).longValue())
                .collect(Collectors.toSet());
    }
}
