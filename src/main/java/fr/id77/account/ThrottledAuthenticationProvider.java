package fr.id77.account;

import fr.id77.shared.web.InputSanitizer;
import java.util.Locale;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Sign-in with identifiant or e-mail, throttled by {@link LoginThrottle} before the password is checked:
 * first the client address (skipped for an account that has already signed in from it, so one attacker behind a
 * shared address cannot lock out everyone else behind it), then the account. A refused attempt is not counted
 * and its password is never checked. Every refusal looks the same to the person (same page, same message).
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider delegate;
    private final LoginThrottle throttle;
    private final UserAccountRepository users;

    ThrottledAuthenticationProvider(
            AuthenticationProvider delegate, LoginThrottle throttle, UserAccountRepository users) {
        this.delegate = delegate;
        this.throttle = throttle;
        this.users = users;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String login = InputSanitizer.stripControls(String.valueOf(authentication.getName()))
                .strip()
                .toLowerCase(Locale.ROOT);
        login = login.length() > 254 ? login.substring(0, 254) : login; // no identifiant or address is longer
        String accountKey =
                users.findByLogin(login).map(UserAccount::getIdentifiant).orElse(login);
        String client = authentication.getDetails() instanceof WebAuthenticationDetails details
                        && details.getRemoteAddress() != null
                ? details.getRemoteAddress()
                : "inconnue";
        boolean counted = !throttle.knownClient(accountKey, client);
        if (counted && !throttle.tryClient(client) || !throttle.tryAccount(accountKey)) {
            throw new LockedException("trop d'essais");
        }
        Authentication result = delegate.authenticate(authentication);
        throttle.recordSuccess(accountKey, client);
        if (counted) {
            throttle.refundClient(client);
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
