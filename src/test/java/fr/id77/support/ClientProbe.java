package fr.id77.support;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/** Answers {@value #PATH} with the client address, scheme and « secure » flag the application sees, before any other filter. */
@TestConfiguration(proxyBeanMethods = false)
class ClientProbe {

    static final String PATH = "/__test/client";

    @Bean
    FilterRegistrationBean<Filter> clientProbe() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
            HttpServletRequest http = (HttpServletRequest) request;
            if (PATH.equals(http.getRequestURI())) {
                response.setContentType("text/plain");
                response.getWriter().write(http.getRemoteAddr() + " " + http.getScheme() + " " + http.isSecure());
            } else {
                chain.doFilter(request, response);
            }
        });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
