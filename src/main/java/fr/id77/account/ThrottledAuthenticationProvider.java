package fr.id77.account;

import fr.id77.shared.web.InputSanitizer;
import java.util.Locale;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Sign-in with identifiant or e-mail, refused while the account or the address is locked by
 * {@link LoginThrottle}. Every refusal looks the same to the person (same page, same message).
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider delegate;
    private final LoginThrottle throttle;
    private final UserAccountRepository users;

    ThrottledAuthenticationProvider(AuthenticationProvider delegate, LoginThrottle throttle, UserAccountRepository users) {
        this.delegate = delegate;
        this.throttle = throttle;
        this.users = users;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String login = InputSanitizer.stripControls(String.valueOf(authentication.getName())).strip().toLowerCase(Locale.ROOT);
        login = login.length() > 254 ? login.substring(0, 254) : login; // no identifiant or address is longer
        String accountKey = users.findByLogin(login).map(UserAccount::getIdentifiant).orElse(login);
        String ip = authentication.getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null ? details.getRemoteAddress() : "inconnue";
        if (throttle.isLocked(accountKey, ip)) {
            throttle.recordFailure(accountKey, ip);
            throw new LockedException("trop d'essais");
        }
        try {
            Authentication result = delegate.authenticate(authentication);
            throttle.recordSuccess(accountKey);
            return result;
        } catch (AuthenticationException e) {
            throttle.recordFailure(accountKey, ip);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
