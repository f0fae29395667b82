package fr.id77.trainings;

import fr.id77.account.CurrentUser;
import fr.id77.account.Role;
import fr.id77.catalogue.OfferPageSections;
import fr.id77.shared.web.PageSection;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The upcoming sessions on a training offer's page: date, hours, place, seats left or « Complet – liste d'attente »,
 * deadline; « Inscrire des participants » for members of a collectivity, « Gérer les sessions » for the offer's chef de
 * file and admins. The anonymous page is cached until the catalogue's version moves: V60's triggers move it with every
 * change of sessions and registrations.
 */
@Component
@Order(20)
class TrainingOfferSection implements OfferPageSections {

    /** What the section shows. */
    record OfferSessions(
            String offerCode, List<Session> sessions, boolean mayRegister, boolean mayManage, boolean anonymous) {}

    private final SessionStore store;
    private final Clock clock;

    TrainingOfferSection(SessionStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public Optional<PageSection> section(Offer offer, Optional<CurrentUser> user) {
        if (!offer.isTraining()) {
            return Optional.empty();
        }
        boolean mayRegister = user.map(u -> u.hasRole(Role.ADHERENT) && u.collectivityId() != null)
                .orElse(false);
        boolean mayManage =
                user.map(u -> Session.managesOffer(u, offer.chefDeFileId())).orElse(false);
        List<Session> sessions = store.upcoming(offer.id(), clock.instant());
        return Optional.of(new PageSection(
                "trainings/sections",
                "sessions",
                new OfferSessions(offer.code(), sessions, mayRegister, mayManage, user.isEmpty())));
    }
}
