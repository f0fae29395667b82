package fr.id77.membership;

import fr.id77.account.Accounts;
import fr.id77.account.CollectivityStanding;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other modules may read about collectivities: a user's collectivity and its technical referents. */
@Service
public class Collectivities implements CollectivityStanding {

    /**
     * Names of collectivities and of technical referents, by id, for lists of other modules, and the label of each
     * collectivity's canton.
     */
    public record Names(Map<Long, String> collectivities, Map<Long, String> referents, Map<Long, String> cantons) {}

    private final CollectivityRepository collectivities;
    private final TechnicalReferentRepository referents;
    private final Accounts accounts;
    private final JdbcClient jdbc;

    Collectivities(
            CollectivityRepository collectivities,
            TechnicalReferentRepository referents,
            Accounts accounts,
            JdbcClient jdbc) {
        this.collectivities = collectivities;
        this.referents = referents;
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    /** Adhesions waiting for ID77's validation: how many, and since when the oldest waits (null when none). */
    public record AwaitingValidation(long count, Instant oldestSince) {}

    /** The adhesions to validate (e-mail confirmed, not yet decided), in one statement. */
    @Transactional(readOnly = true)
    public AwaitingValidation awaitingValidation() {
        return jdbc.sql("SELECT count(*), min(status_changed_at) FROM collectivity WHERE status = 'PENDING_VALIDATION'")
                .query((rs, n) -> {
                    Timestamp oldest = rs.getTimestamp(2);
                    return new AwaitingValidation(rs.getLong(1), oldest == null ? null : oldest.toInstant());
                })
                .single();
    }

    /** The 23 cantons of Seine-et-Marne as (stored value, label), for filters of other modules. */
    public Map<String, String> cantons() {
        return Choices.options(Choices.Canton.class, Choices.Canton::label);
    }

    /** The categories of collectivities as (stored value, label): Communes, EPCI, Syndicats. */
    public Map<String, String> categories() {
        return Choices.options(Choices.Category.class, Choices.Category::label);
    }

    @Transactional(readOnly = true)
    public Optional<CollectivitySummary> forUser(long userId) {
        return accounts.summary(userId)
                .flatMap(a -> Optional.ofNullable(a.collectivityId()))
                .flatMap(collectivities::findById)
                .map(CollectivitySummary::of);
    }

    @Transactional(readOnly = true)
    public Optional<CollectivitySummary> byId(long collectivityId) {
        return collectivities.findById(collectivityId).map(CollectivitySummary::of);
    }

    @Transactional(readOnly = true)
    public List<ReferentSummary> activeReferents(long collectivityId) {
        return referents.findByCollectivityIdAndRemovedAtIsNullOrderById(collectivityId).stream()
                .map(ReferentSummary::of)
                .toList();
    }

    /**
     * Whether {@code referentId} is a technical referent of this collectivity still in place: the only ones a
     * request may name. An id of another collectivity answers exactly like an unknown one.
     */
    @Transactional(readOnly = true)
    public boolean isActiveReferent(long collectivityId, long referentId) {
        return referents
                .findByIdAndCollectivityId(referentId, collectivityId)
                .filter(r -> r.getRemovedAt() == null)
                .isPresent();
    }

    /** Whether the collectivity's adhesion is active (its members may act: file, comment, upload). */
    @Override
    @Transactional(readOnly = true)
    public boolean isActive(long collectivityId) {
        return collectivities
                .findById(collectivityId)
                .filter(c -> c.getStatus() == AdhesionStatus.ACTIVE)
                .isPresent();
    }

    /** A referent of this collectivity, even removed (for requests that named it). */
    @Transactional(readOnly = true)
    public Optional<ReferentSummary> referent(long collectivityId, long referentId) {
        return referents.findByIdAndCollectivityId(referentId, collectivityId).map(ReferentSummary::of);
    }

    /**
     * The ids of the collectivities whose name contains {@code nameContains} (case and accents ignored) and which lie in
     * {@code canton} (a stored {@link Choices.Canton} name); an empty criterion matches all. In one statement.
     */
    @Transactional(readOnly = true)
    public Set<Long> idsMatching(String nameContains, String canton) {
        return Set.copyOf(jdbc.sql("SELECT id FROM collectivity "
                        + "WHERE (:name = '' OR unaccent(lower(name)) LIKE '%' || unaccent(lower(:name)) || '%') "
                        + "AND (:canton = '' OR canton = :canton)")
                .param("name", nameContains.replace("%", "").replace("_", ""))
                .param("canton", canton)
                .query(Long.class)
                .list());
    }

    /**
     * The names of these collectivities and of these technical referents (removed ones included), in one statement;
     * unknown ids are absent.
     */
    @Transactional(readOnly = true)
    public Names names(Collection<Long> collectivityIds, Collection<Long> referentIds) {
        Map<Long, String> collectivityNames = new HashMap<>();
        Map<Long, String> referentNames = new HashMap<>();
        Map<Long, String> cantons = new HashMap<>();
        if (collectivityIds.isEmpty() && referentIds.isEmpty()) {
            return new Names(collectivityNames, referentNames, cantons);
        }
        jdbc.sql(
                        "SELECT TRUE, id, name, canton FROM collectivity WHERE id IN (:collectivities) "
                                + "UNION ALL SELECT FALSE, id, full_name, NULL FROM technical_referent WHERE id IN (:referents)")
                .param("collectivities", orNone(collectivityIds))
                .param("referents", orNone(referentIds))
                .query(rs -> {
                    if (rs.getBoolean(1)) {
                        collectivityNames.put(rs.getLong(2), rs.getString(3));
                        cantons.put(
                                rs.getLong(2),
                                Choices.Canton.valueOf(rs.getString(4)).label());
                    } else {
                        referentNames.put(rs.getLong(2), rs.getString(3));
                    }
                });
        return new Names(collectivityNames, referentNames, cantons);
    }

    /** The collectivity's technical referents still in place, plus {@code alsoId} even if removed since, by name. */
    @Transactional(readOnly = true)
    public List<ReferentSummary> referentsInPlace(long collectivityId, Long alsoId) {
        return referents.findInPlaceOrById(collectivityId, alsoId == null ? -1L : alsoId).stream()
                .map(ReferentSummary::of)
                .toList();
    }

    private static Collection<Long> orNone(Collection<Long> ids) {
        return ids.isEmpty() ? List.of(-1L) : ids;
    }
}
