package fr.id77.membership;

import fr.id77.account.AccountStatus;
import fr.id77.account.AccountSummary;
import fr.id77.account.Accounts;
import fr.id77.account.CurrentUser;
import fr.id77.account.NewAccount;
import fr.id77.account.Role;
import fr.id77.membership.MembershipForms.ColleagueForm;
import fr.id77.shared.web.FieldRefusal;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The colleagues of the signed-in member: those with an active account, and inviting one more within the limit. */
@Service
class Colleagues {

    private final CollectivityProfiles profiles;
    private final CollectivityRepository collectivities;
    private final Accounts accounts;
    private final int maxAccounts;

    Colleagues(
            CollectivityProfiles profiles,
            CollectivityRepository collectivities,
            Accounts accounts,
            @Value("${id77.membership.max-accounts-per-collectivity:20}") int maxAccounts) {
        this.profiles = profiles;
        this.collectivities = collectivities;
        this.accounts = accounts;
        this.maxAccounts = maxAccounts;
    }

    @Transactional(readOnly = true)
    List<AccountSummary> colleagues(CurrentUser me) {
        return accounts.members(profiles.own(me).getId()).stream()
                .filter(a -> a.status() == AccountStatus.ACTIVE)
                .toList();
    }

    /**
     * Invites a colleague, within {@code id77.membership.max-accounts-per-collectivity} accounts (disabled or
     * refused ones aside). The collectivity's row is locked first, so two invitations at once cannot both take
     * the last place.
     */
    @Transactional
    void invite(CurrentUser me, ColleagueForm form) {
        Collectivity c = profiles.own(me);
        if (c.getStatus() != AdhesionStatus.ACTIVE) {
            throw new FieldRefusal("email", "Votre adhésion doit être active pour inviter un collègue.");
        }
        collectivities.lockById(c.getId());
        long accountsInUse = accounts.members(c.getId()).stream()
                .filter(a -> a.status() != AccountStatus.DISABLED && a.status() != AccountStatus.REFUSED)
                .count();
        if (accountsInUse >= maxAccounts) {
            throw new FieldRefusal(
                    null,
                    "Votre collectivité a déjà " + accountsInUse + " comptes, le maximum est de " + maxAccounts
                            + " : demandez à ID77 de désactiver un compte qui ne sert plus avant d'inviter un collègue.");
        }
        accounts.invite(
                new NewAccount(
                        form.identifiant(),
                        form.email(),
                        null,
                        form.firstName(),
                        form.lastName(),
                        null,
                        Role.ADHERENT,
                        c.getId()),
                me);
    }
}
