package fr.id77.shared.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.RequestPath;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.UrlHandlerFilter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * One address per page, the same answer for everyone: {@code /admin/} redirects to {@code /admin} (Spring Framework 7
 * no longer matches a trailing slash), and an address no controller answers is a 404 page, for a visitor too (not a
 * detour through the sign-in page, which would also tell addresses that exist from those that don't apart).
 */
@Configuration(proxyBeanMethods = false)
class Addresses {

    @Bean
    FilterRegistrationBean<UrlHandlerFilter> trailingSlashRedirect() {
        FilterRegistrationBean<UrlHandlerFilter> registration =
                new FilterRegistrationBean<>(UrlHandlerFilter.trailingSlashHandler("/**")
                        .redirect(HttpStatus.PERMANENT_REDIRECT)
                        .build());
        // before Spring Security, so the redirect happens before any access decision
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    UnknownAddress unknownAddress(ObjectProvider<RequestMappingHandlerMapping> mappings) {
        return new UnknownAddress(mappings);
    }

    /** Matches a request that no controller method maps, whatever its HTTP method or parameters. */
    static final class UnknownAddress implements RequestMatcher {

        private final ObjectProvider<RequestMappingHandlerMapping> mappings;

        UnknownAddress(ObjectProvider<RequestMappingHandlerMapping> mappings) {
            this.mappings = mappings;
        }

        /** Where access is refused: the 404 page when nothing is there, else what {@code refusal} does. */
        Refusal notFoundOr(AuthenticationEntryPoint refusal) {
            return new Refusal(
                    this, (request, response, e) -> refusal.commence(request, response, (AuthenticationException) e));
        }

        /** The same when a signed-in person lacks the role. */
        Refusal notFoundOr(AccessDeniedHandler refusal) {
            return new Refusal(
                    this, (request, response, e) -> refusal.handle(request, response, (AccessDeniedException) e));
        }

        @Override
        public boolean matches(HttpServletRequest request) {
            Object previous = request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
            ServletRequestPathUtils.parseAndCache(request);
            try {
                return mappings.orderedStream().noneMatch(mapping -> answers(mapping, request));
            } finally {
                if (previous instanceof RequestPath path) {
                    ServletRequestPathUtils.setParsedRequestPath(path, request);
                } else {
                    ServletRequestPathUtils.clearParsedRequestPath(request);
                }
            }
        }

        private static boolean answers(RequestMappingHandlerMapping mapping, HttpServletRequest request) {
            try {
                return mapping.getHandler(request) != null;
            } catch (Exception e) {
                // the path is mapped but not for this method, media type or parameters: a real address
                return true;
            }
        }
    }

    /** A refusal that first checks there is a page at all: nobody learns which unknown addresses would exist. */
    record Refusal(UnknownAddress unknown, Handler otherwise) implements AuthenticationEntryPoint, AccessDeniedHandler {

        interface Handler {
            void handle(HttpServletRequest request, HttpServletResponse response, RuntimeException e)
                    throws IOException, ServletException;
        }

        @Override
        public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
                throws IOException, ServletException {
            refuse(request, response, e);
        }

        @Override
        public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
                throws IOException, ServletException {
            refuse(request, response, e);
        }

        private void refuse(HttpServletRequest request, HttpServletResponse response, RuntimeException e)
                throws IOException, ServletException {
            // a post without its CSRF token is refused as such, wherever it goes (sign-out has no controller)
            if (!(e instanceof CsrfException) && unknown.matches(request)) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
            } else {
                otherwise.handle(request, response, e);
            }
        }
    }
}
