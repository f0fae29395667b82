package fr.id77.account;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.transaction.annotation.Transactional;

/** Finds an account by identifiant or e-mail; only an active account with a password is enabled. */
class AccountUserDetailsService implements UserDetailsService {

    private final UserAccountRepository users;

    AccountUserDetailsService(UserAccountRepository users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String login) {
        UserAccount user = users.findByLogin(login == null ? "" : login.strip())
                .orElseThrow(() -> new UsernameNotFoundException("inconnu"));
        return new SignedInUser(user.toCurrentUser(), user.getPasswordHash(), user.canSignIn());
    }
}
