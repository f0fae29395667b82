package fr.id77.shared.devdb;

import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Stops the start-up at once (configuration read, nothing scanned nor started yet) when the run mode is ambiguous:
 * no database and no demo mode asked for, or demo mode pointed at a real database. {@link DemoModeFailureAnalyzer}
 * prints the French message. Registered in {@code META-INF/spring.factories}; runs after the context initializers,
 * so a database given by one (as the tests do) counts.
 */
class DemoModeGuard implements ApplicationListener<ApplicationPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationPreparedEvent event) {
        check(event.getApplicationContext().getEnvironment());
    }

    static void check(Environment env) {
        if (DemoMode.unreadable(env)) {
            throw DemoModeMisconfigured.unreadable(DemoMode.value(env));
        }
        boolean demo = DemoMode.requested(env);
        boolean database = DemoMode.databaseConfigured(env);
        if (!demo && !database) {
            throw DemoModeMisconfigured.noDatabase();
        }
        if (demo && database) {
            throw DemoModeMisconfigured.demoWithDatabase();
        }
    }
}
