package fr.id77.trainings;

import fr.id77.catalogue.Offers;
import fr.id77.membership.Collectivities;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads sessions and registrations (its own tables only); offers' code, title and chef de file come from
 * {@link Offers#references()}, collectivities' names from {@link Collectivities}.
 */
@Component
class SessionStore {

    private static final String SESSION = """
            SELECT s.id, s.offer_id, s.starts_at, s.ends_at, s.place, s.remote, s.seats, s.registration_deadline,
                   s.cancelled_at, s.cancel_reason, s.version,
                   (SELECT count(*) FROM session_registration r WHERE r.session_id = s.id AND r.status = 'CONFIRMED'),
                   (SELECT count(*) FROM session_registration r WHERE r.session_id = s.id AND r.status = 'WAITING')
            FROM training_session s
            """;

    private static final String REGISTRATION = """
            SELECT id, session_id, collectivity_id, participant_name, participant_function, email, status, created_at,
                   attended
            FROM session_registration
            """;

    private final JdbcClient jdbc;
    private final Offers offers;
    private final Collectivities collectivities;

    SessionStore(JdbcClient jdbc, Offers offers, Collectivities collectivities) {
        this.jdbc = jdbc;
        this.offers = offers;
        this.collectivities = collectivities;
    }

    Optional<Session> byId(long id) {
        return sessions("WHERE s.id = :id", Map.of("id", id)).stream().findFirst();
    }

    /** The sessions of an offer not yet begun nor cancelled, soonest first. */
    List<Session> upcoming(long offerId, Instant now) {
        return sessions(
                "WHERE s.offer_id = :offer AND s.cancelled_at IS NULL AND s.starts_at > :now ORDER BY s.starts_at, s.id",
                Map.of("offer", offerId, "now", Timestamp.from(now)));
    }

    /** The sessions of these offers ({@code null}: every offer), the latest first. */
    List<Session> ofOffers(Collection<Long> offerIds) {
        if (offerIds == null) {
            return sessions("ORDER BY s.starts_at DESC, s.id DESC", Map.of());
        }
        if (offerIds.isEmpty()) {
            return List.of();
        }
        return sessions(
                "WHERE s.offer_id IN (:offers) ORDER BY s.starts_at DESC, s.id DESC", Map.of("offers", offerIds));
    }

    List<Session> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return sessions("WHERE s.id IN (:ids)", Map.of("ids", ids));
    }

    /** Every registration of a session, cancelled ones too, in the order they came. */
    List<Registration> registrations(long sessionId) {
        return registrations("WHERE session_id = :s ORDER BY created_at, id", Map.of("s", sessionId));
    }

    /** A collectivity's registrations, the latest sessions first. */
    List<Registration> ofCollectivity(long collectivityId) {
        return registrations(
                "WHERE collectivity_id = :c ORDER BY session_id DESC, created_at, id", Map.of("c", collectivityId));
    }

    Optional<Registration> registration(long id) {
        return registrations("WHERE id = :id", Map.of("id", id)).stream().findFirst();
    }

    private List<Session> sessions(String where, Map<String, ?> params) {
        Map<Long, Offers.OfferRef> refs =
                offers.references().stream().collect(Collectors.toMap(Offers.OfferRef::id, Function.identity()));
        return jdbc.sql(SESSION + where)
                .params(params)
                .query((rs, n) -> session(rs, refs))
                .list();
    }

    private static Session session(ResultSet rs, Map<Long, Offers.OfferRef> refs) throws SQLException {
        Offers.OfferRef offer = refs.get(rs.getLong(2));
        Timestamp cancelled = rs.getTimestamp(9);
        return new Session(
                rs.getLong(1),
                rs.getLong(2),
                offer == null ? "?" : offer.code(),
                offer == null ? "" : offer.title(),
                offer == null ? null : offer.chefDeFileId(),
                rs.getTimestamp(3).toInstant(),
                rs.getTimestamp(4).toInstant(),
                rs.getString(5),
                rs.getBoolean(6),
                rs.getInt(7),
                rs.getDate(8).toLocalDate(),
                cancelled == null ? null : cancelled.toInstant(),
                rs.getString(10),
                rs.getInt(11),
                rs.getInt(12),
                rs.getInt(13));
    }

    private List<Registration> registrations(String where, Map<String, ?> params) {
        record Row(
                long id,
                long sessionId,
                long collectivityId,
                String name,
                String function,
                String email,
                String status,
                Timestamp createdAt,
                Boolean attended) {}
        List<Row> rows = jdbc.sql(REGISTRATION + where)
                .params(params)
                .query((rs, n) -> new Row(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getTimestamp(8),
                        rs.getObject(9, Boolean.class)))
                .list();
        Set<Long> ids = rows.stream().map(Row::collectivityId).collect(Collectors.toSet());
        Map<Long, String> names =
                ids.isEmpty() ? Map.of() : collectivities.names(ids, List.of()).collectivities();
        return rows.stream()
                .map(r -> new Registration(
                        r.id(),
                        r.sessionId(),
                        r.collectivityId(),
                        names.getOrDefault(r.collectivityId(), ""),
                        r.name(),
                        r.function(),
                        r.email(),
                        Registration.Status.valueOf(r.status()),
                        r.createdAt().toInstant(),
                        r.attended()))
                .toList();
    }
}
