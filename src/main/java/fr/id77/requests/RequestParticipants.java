package fr.id77.requests;

import fr.id77.membership.Collectivities;
import org.springframework.stereotype.Component;

/**
 * Who may take part in a request on the collectivity's side: members of a collectivity whose adhesion is
 * active, and as technical referent one of its referents still in place. One rule each, shared by filing,
 * commenting, attaching and changing the referent.
 */
@Component
class RequestParticipants {

    static final String REFERENT_REFUSED = "Choisissez le référent technique parmi les référents de la collectivité.";
    static final String COLLECTIVITY_INACTIVE =
            "L'adhésion de votre collectivité n'est pas active : vous ne pouvez ni déposer "
                    + "de demande, ni écrire de message, ni joindre de fichier. Contactez ID77.";

    private final Collectivities collectivities;

    RequestParticipants(Collectivities collectivities) {
        this.collectivities = collectivities;
    }

    /**
     * The one rule for a request's technical referent, at filing and when it changes: a referent of the request's
     * own collectivity still in place. Another collectivity's id answers like an unknown one.
     */
    boolean acceptsReferent(long collectivityId, Long referentId) {
        return referentId != null && collectivities.isActiveReferent(collectivityId, referentId);
    }

    /** Members act (file, comment, upload) only while their collectivity's adhesion is active; staff are not concerned. */
    void requireActiveCollectivity(Actor actor) {
        if (actor.collectivityId() != null && !collectivities.isActive(actor.collectivityId())) {
            throw RequestException.forbidden(COLLECTIVITY_INACTIVE);
        }
    }
}
