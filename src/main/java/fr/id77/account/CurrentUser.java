package fr.id77.account;

import java.io.Serializable;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The signed-in person, as other modules see it. Controllers take it as a parameter; elsewhere
 * {@link #from(Authentication)} or {@link #current()}.
 */
public record CurrentUser(
        long id, String identifiant, String firstName, String displayName, Set<Role> roles, Long collectivityId)
        implements Serializable {

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return hasRole(Role.ADMIN);
    }

    /** ID77 staff: a chef de file or an admin. */
    public boolean isStaff() {
        return hasRole(Role.CHEF_DE_FILE) || isAdmin();
    }

    public boolean isAdherent() {
        return hasRole(Role.ADHERENT);
    }

    public static Optional<CurrentUser> from(Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
            return Optional.of(user.currentUser());
        }
        return Optional.empty();
    }

    public static Optional<CurrentUser> current() {
        return from(SecurityContextHolder.getContext().getAuthentication());
    }
}
