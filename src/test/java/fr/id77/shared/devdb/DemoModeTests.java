package fr.id77.shared.devdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.mock.env.MockEnvironment;

/**
 * Demo mode (embedded database, demo accounts, /courriels) only when asked for, never with a real database, and
 * then on 127.0.0.1 only; without a database and without demo mode, no start. The packaged jar: {@link DemoModeStartupIT}.
 */
class DemoModeTests {

    private static final String URL = "spring.datasource.url=jdbc:postgresql://db.example:5432/id77";

    @Configuration(proxyBeanMethods = false)
    static class DemoOnly {
        @Bean
        @Conditional(EmbeddedDatabaseCondition.class)
        String demoData() {
            return "comptes de démonstration";
        }
    }

    private final ApplicationContextRunner contexts =
            new ApplicationContextRunner().withUserConfiguration(DemoOnly.class);

    @Test
    void demoBeansExistOnlyInDemoModeWithoutADatabase() {
        contexts.withPropertyValues("id77.demo=true").run(c -> assertThat(c).hasBean("demoData"));
        contexts.withPropertyValues("id77.demo=TRUE").run(c -> assertThat(c).hasBean("demoData"));
        contexts.run(c -> assertThat(c).doesNotHaveBean("demoData"));
        contexts.withPropertyValues("id77.demo=false").run(c -> assertThat(c).doesNotHaveBean("demoData"));
        contexts.withPropertyValues(URL).run(c -> assertThat(c).doesNotHaveBean("demoData"));
        contexts.withPropertyValues("id77.demo=true", URL)
                .run(c -> assertThat(c).doesNotHaveBean("demoData"));
    }

    @Test
    void withoutDatabaseNorDemoModeTheStartStopsNamingBothWaysOut() {
        assertThatThrownBy(() -> DemoModeGuard.check(new MockEnvironment()))
                .isInstanceOf(DemoModeMisconfigured.class)
                .hasMessageContaining("aucune base de données")
                .satisfies(e -> assertThat(((DemoModeMisconfigured) e).action())
                        .contains("SPRING_DATASOURCE_URL", "ID77_DEMO=true"));
    }

    @Test
    void demoModeRefusesARealDatabase() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("id77.demo", "true")
                .withProperty("spring.datasource.url", "jdbc:postgresql://db.example:5432/id77");
        assertThatThrownBy(() -> DemoModeGuard.check(env))
                .isInstanceOf(DemoModeMisconfigured.class)
                .hasMessageContaining("base de données est configurée");
    }

    @Test
    void anUnreadableDemoValueIsRefusedRatherThanGuessed() {
        assertThatThrownBy(() -> DemoModeGuard.check(new MockEnvironment().withProperty("id77.demo", "oui")))
                .isInstanceOf(DemoModeMisconfigured.class)
                .hasMessageContaining("« oui »");
    }

    @Test
    void aDatabaseAloneOrDemoModeAloneStarts() {
        assertThatCode(() -> DemoModeGuard.check(new MockEnvironment()
                        .withProperty("spring.datasource.url", "jdbc:postgresql://db.example:5432/id77")))
                .doesNotThrowAnyException();
        assertThatCode(() -> DemoModeGuard.check(new MockEnvironment().withProperty("id77.demo", "true")))
                .doesNotThrowAnyException();
        assertThatCode(() -> DemoModeGuard.check(new MockEnvironment()
                        .withProperty("id77.demo", "false")
                        .withProperty("spring.datasource.url", "jdbc:postgresql://db.example:5432/id77")))
                .doesNotThrowAnyException();
    }

    @Test
    void demoModeListensOnLoopbackOnlyWhateverIsConfigured() {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources()
                .addFirst(
                        new MapPropertySource("configured", Map.of("id77.demo", "true", "server.address", "0.0.0.0")));
        new DemoModeEnvironment().postProcessEnvironment(env, new SpringApplication());
        assertThat(env.getProperty("server.address")).isEqualTo("127.0.0.1");
        assertThat(env.getProperty("management.server.address"))
                .as("health and metrics too")
                .isEqualTo("127.0.0.1");
    }

    @Test
    void outsideDemoModeTheAddressIsLeftAlone() {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("configured", Map.of("server.address", "10.0.0.8")));
        new DemoModeEnvironment().postProcessEnvironment(env, new SpringApplication());
        assertThat(env.getProperty("server.address")).isEqualTo("10.0.0.8");
    }

    @Test
    void theChecksAreRegisteredWithSpringBoot() {
        SpringFactoriesLoader factories =
                SpringFactoriesLoader.forDefaultResourceLocation(getClass().getClassLoader());
        // (Spring Boot's own entries need constructor arguments only it gives: skipped here)
        SpringFactoriesLoader.FailureHandler skip =
                SpringFactoriesLoader.FailureHandler.handleMessage((message, e) -> {});
        assertThat(factories.load(EnvironmentPostProcessor.class, null, skip))
                .hasAtLeastOneElementOfType(DemoModeEnvironment.class);
        assertThat(factories.load(ApplicationListener.class, null, skip))
                .hasAtLeastOneElementOfType(DemoModeGuard.class);
        assertThat(factories.load(FailureAnalyzer.class, null, skip))
                .hasAtLeastOneElementOfType(DemoModeFailureAnalyzer.class);
    }
}
