package fr.id77.shared.devdb;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Demo mode listens on 127.0.0.1 only (the application's port and the management port), whatever else is configured: its accounts have a published password, so
 * it must never be reachable from another machine. Registered in {@code META-INF/spring.factories}.
 */
class DemoModeEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE = "id77-demo-mode";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (DemoMode.requested(environment)) {
            environment
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            SOURCE, Map.of("server.address", "127.0.0.1", "management.server.address", "127.0.0.1")));
        }
    }

    /** After the configuration files are read, so {@code id77.demo} may come from any of them. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
