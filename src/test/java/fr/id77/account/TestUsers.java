package fr.id77.account;

import java.util.Set;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Signed-in people for MockMvc tests, with the same principal the real sign-in produces. */
public final class TestUsers {

    private TestUsers() {}

    public static Authentication authentication(CurrentUser user) {
        SignedInUser principal = new SignedInUser(user, null, true);
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
    }

    public static RequestPostProcessor as(CurrentUser user) {
        return SecurityMockMvcRequestPostProcessors.authentication(authentication(user));
    }

    public static CurrentUser adherent(long id, long collectivityId) {
        return new CurrentUser(id, "adherent" + id, "Anne", "Anne Test", Set.of(Role.ADHERENT), collectivityId);
    }

    public static CurrentUser chefDeFile(long id) {
        return new CurrentUser(id, "chef" + id, "Paul", "Paul Chef", Set.of(Role.CHEF_DE_FILE), null);
    }

    public static CurrentUser admin(long id) {
        return new CurrentUser(id, "admin" + id, "Alice", "Alice Admin", Set.of(Role.ADMIN), null);
    }
}
