package fr.id77.account;

import fr.id77.shared.web.FieldRefusal;
import fr.id77.shared.web.SearchPage;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Admins list every account and disable one (or enable it again); each change goes to the journal of decisions. */
@Service
class AccountDisabling {

    private final UserAccountRepository users;
    private final SignedInSessions sessions;
    private final CollectivityStanding collectivities;
    private final ApplicationEventPublisher events;

    AccountDisabling(
            UserAccountRepository users,
            SignedInSessions sessions,
            CollectivityStanding collectivities,
            ApplicationEventPublisher events) {
        this.users = users;
        this.sessions = sessions;
        this.collectivities = collectivities;
        this.events = events;
    }

    /** Accounts listed per page in the administration. */
    static final int PAGE_SIZE = 50;

    /** A page of the accounts matching the search, by role then identifiant; past the last page, the last one. */
    @Transactional(readOnly = true)
    Page<AccountSummary> accounts(SearchPage query) {
        return query.fetch(PAGE_SIZE, Sort.by("role", "identifiant"), users::search)
                .map(AccountSummary::of);
    }

    /** Disables (or enables again) an account; an admin cannot disable their own. */
    @Transactional
    void setDisabled(long userId, boolean disabled, long adminId) {
        if (userId == adminId) {
            throw new FieldRefusal("account", "Vous ne pouvez pas désactiver votre propre compte.");
        }
        users.findById(userId).ifPresent(u -> {
            AccountStatus from = u.getStatus();
            if (disabled && from == AccountStatus.ACTIVE) {
                u.setStatus(AccountStatus.DISABLED);
                sessions.endAll(u.getIdentifiant());
            } else if (!disabled && from == AccountStatus.DISABLED) {
                if (u.getCollectivityId() != null && !collectivities.isActive(u.getCollectivityId())) {
                    throw new FieldRefusal(
                            "account",
                            "Ce compte ne peut pas être réactivé : l'adhésion de sa collectivité est suspendue "
                                    + "(ou n'est pas validée). Réactivez d'abord l'adhésion depuis « Collectivités ».");
                }
                u.setStatus(AccountStatus.ACTIVE);
            } else {
                return;
            }
            events.publishEvent(new AccountStatusChanged(
                    u.getId(), u.displayName() + " (" + u.getIdentifiant() + ")", from, u.getStatus(), adminId));
        });
    }
}
