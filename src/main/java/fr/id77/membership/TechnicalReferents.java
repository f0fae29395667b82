package fr.id77.membership;

import fr.id77.account.CurrentUser;
import fr.id77.membership.MembershipForms.ReferentForm;
import fr.id77.shared.web.Versions;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The « contacts techniques » of the signed-in member's collectivity: list, add, edit, remove. A referent of
 * another collectivity answers as an unknown one.
 */
@Service
class TechnicalReferents {

    private final CollectivityProfiles profiles;
    private final TechnicalReferentRepository referents;

    TechnicalReferents(CollectivityProfiles profiles, TechnicalReferentRepository referents) {
        this.profiles = profiles;
        this.referents = referents;
    }

    @Transactional(readOnly = true)
    List<TechnicalReferent> referents(CurrentUser me) {
        return referents.findByCollectivityIdAndRemovedAtIsNullOrderById(
                profiles.own(me).getId());
    }

    @Transactional(readOnly = true)
    TechnicalReferent referent(CurrentUser me, long id) {
        return referents
                .findByIdAndCollectivityId(id, profiles.own(me).getId())
                .filter(r -> r.getRemovedAt() == null)
                .orElseThrow(NotFound::new);
    }

    @Transactional
    void add(CurrentUser me, ReferentForm form) {
        referents.save(new TechnicalReferent(profiles.own(me).getId(), form));
    }

    @Transactional
    void update(CurrentUser me, long id, ReferentForm form) {
        TechnicalReferent r = referent(me, id);
        Versions.requireCurrent(form.version(), r.getVersion(), TechnicalReferent.class, r.getId());
        r.update(form);
    }

    @Transactional
    void remove(CurrentUser me, long id) {
        referent(me, id).remove();
    }
}
