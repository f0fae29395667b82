package fr.id77.membership;

import fr.id77.account.Accounts;
import fr.id77.account.CollectivityStanding;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other modules may read about collectivities: a user's collectivity and its technical referents. */
@Service
public class Collectivities implements CollectivityStanding {

    private final CollectivityRepository collectivities;
    private final TechnicalReferentRepository referents;
    private final Accounts accounts;

    Collectivities(CollectivityRepository collectivities, TechnicalReferentRepository referents, Accounts accounts) {
        this.collectivities = collectivities;
        this.referents = referents;
        this.accounts = accounts;
    }

    /** The 23 cantons of Seine-et-Marne as (stored value, label), for filters of other modules. */
    public java.util.Map<String, String> cantons() {
        return Choices.options(Choices.Canton.class, Choices.Canton::label);
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
        return referents.findByCollectivityIdAndRemovedAtIsNullOrderById(collectivityId).stream().map(ReferentSummary::of).toList();
    }

    /**
     * Whether {@code referentId} is a technical referent of this collectivity still in place: the only ones a
     * request may name. An id of another collectivity answers exactly like an unknown one.
     */
    @Transactional(readOnly = true)
    public boolean isActiveReferent(long collectivityId, long referentId) {
        return referents.findByIdAndCollectivityId(referentId, collectivityId).filter(r -> r.getRemovedAt() == null).isPresent();
    }

    /** Whether the collectivity's adhesion is active (its members may act: file, comment, upload). */
    @Override
    @Transactional(readOnly = true)
    public boolean isActive(long collectivityId) {
        return collectivities.findById(collectivityId).filter(c -> c.getStatus() == AdhesionStatus.ACTIVE).isPresent();
    }

    /** A referent of this collectivity, even removed (for requests that named it). */
    @Transactional(readOnly = true)
    public Optional<ReferentSummary> referent(long collectivityId, long referentId) {
        return referents.findByIdAndCollectivityId(referentId, collectivityId).map(ReferentSummary::of);
    }
}
