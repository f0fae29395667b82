package fr.id77.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The one place where submitted values lose the spaces around them: every request parameter (forms, filters in
 * the address, the sign-in form) is read trimmed, so no service strips by hand and « Melun » and « Melun  » are
 * one value. Secrets are left exactly as typed: a password may begin or end with a space.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class TrimmedParameters extends OncePerRequestFilter {

    /** The parameters holding a password, in every form of the application and the sign-in form. */
    static final Set<String> SECRETS = Set.of("password", "confirmation", "current", "currentPassword", "motDePasse");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new Trimmed(request), response);
    }

    /** Trims {@code value} unless {@code name} holds a secret. */
    static String trim(String name, String value) {
        return value == null || SECRETS.contains(name) ? value : value.strip();
    }

    private static final class Trimmed extends HttpServletRequestWrapper {

        private Map<String, String[]> parameters;

        Trimmed(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            if (parameters == null) {
                Map<String, String[]> trimmed = new LinkedHashMap<>();
                super.getParameterMap().forEach((name, values) -> {
                    String[] copy = new String[values.length];
                    for (int i = 0; i < values.length; i++) {
                        copy[i] = trim(name, values[i]);
                    }
                    trimmed.put(name, copy);
                });
                parameters = Collections.unmodifiableMap(trimmed);
            }
            return parameters;
        }

        @Override
        public String getParameter(String name) {
            String[] values = getParameterMap().get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public String[] getParameterValues(String name) {
            String[] values = getParameterMap().get(name);
            return values == null ? null : values.clone();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(getParameterMap().keySet());
        }
    }
}
