package fr.id77.shared.web;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Only the reverse proxies listed in {@code id77.trusted-proxies} ({@code ID77_TRUSTED_PROXIES}) may set the client's
 * address and scheme through X-Forwarded-* headers; nobody by default (Spring Boot's default would trust every private
 * address). Written as CIDR ranges for Tomcat's RemoteIpValve, a bare address meaning that address alone (Tomcat would
 * read a list of bare addresses as one regular expression that matches nothing). Registered in
 * {@code META-INF/spring.factories}.
 */
class TrustedProxies implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY = "id77.trusted-proxies";
    static final String TOMCAT_PROPERTY = "server.tomcat.remoteip.internal-proxies";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String cidr = toCidr(environment.getProperty(PROPERTY, ""));
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource("id77-trusted-proxies", Map.of(TOMCAT_PROPERTY, cidr)));
    }

    static String toCidr(String list) {
        return Arrays.stream(list.split(","))
                .map(String::strip)
                .filter(entry -> !entry.isEmpty())
                .map(entry -> entry.contains("/") ? entry : entry + (entry.contains(":") ? "/128" : "/32"))
                .collect(Collectors.joining(", "));
    }

    /** After the configuration files are read. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
