package fr.id77.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.RequestPath;
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
        FilterRegistrationBean<UrlHandlerFilter> registration = new FilterRegistrationBean<>(
                UrlHandlerFilter.trailingSlashHandler("/**").redirect(HttpStatus.PERMANENT_REDIRECT).build());
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
}
