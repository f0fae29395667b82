package fr.id77.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * Where a person lands after signing in: the page he was sent away from, if any (a link from a mail, a page his
 * session had left); otherwise his dashboard for staff (an admin {@code /admin}, a chef de file
 * {@code /tableau-de-bord}) and the catalogue for members, as before.
 */
class StaffLanding extends SavedRequestAwareAuthenticationSuccessHandler {

    static final String ADMIN_HOME = "/admin";
    static final String CHEF_HOME = "/tableau-de-bord";

    @Override
    protected String determineTargetUrl(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        return home(authentication);
    }

    static String home(Authentication authentication) {
        boolean admin = false;
        boolean chef = false;
        for (GrantedAuthority a : authentication.getAuthorities()) {
            admin |= "ROLE_ADMIN".equals(a.getAuthority());
            chef |= "ROLE_CHEF_DE_FILE".equals(a.getAuthority());
        }
        return admin ? ADMIN_HOME : chef ? CHEF_HOME : "/";
    }
}
