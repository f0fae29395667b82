package fr.id77.account;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds an account by identifiant or e-mail; only an active account with a password is enabled, and a member's
 * only while the adhesion of the collectivity is active (whatever the account's own status says).
 */
class AccountUserDetailsService implements UserDetailsService {

    private final UserAccountRepository users;
    private final CollectivityStanding collectivities;

    AccountUserDetailsService(UserAccountRepository users, CollectivityStanding collectivities) {
        this.users = users;
        this.collectivities = collectivities;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String login) {
        UserAccount user = users.findByLogin(login == null ? "" : login.strip())
                .orElseThrow(() -> new UsernameNotFoundException("inconnu"));
        boolean enabled = user.canSignIn()
                && (user.getCollectivityId() == null || collectivities.isActive(user.getCollectivityId()));
        return new SignedInUser(user.toCurrentUser(), user.getPasswordHash(), enabled);
    }
}
