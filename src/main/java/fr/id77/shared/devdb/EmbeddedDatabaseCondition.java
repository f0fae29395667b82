package fr.id77.shared.devdb;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * True in demo mode only ({@code id77.demo=true}, which {@code ./mvnw spring-boot:run} sets) and with no database
 * configured: the application then runs on an embedded PostgreSQL and loads demo data. Demo accounts and the demo
 * mailbox never exist in any other mode; without a database and without demo mode the application does not start
 * ({@link DemoModeGuard}).
 */
public class EmbeddedDatabaseCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return DemoMode.requested(context.getEnvironment()) && !DemoMode.databaseConfigured(context.getEnvironment());
    }
}
