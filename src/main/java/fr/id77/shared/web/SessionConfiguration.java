package fr.id77.shared.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/** Sessions in PostgreSQL (Spring Session JDBC), shared by every instance. */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

    /**
     * A session attribute is written with {@code INSERT … ON CONFLICT DO UPDATE}: two requests of the same session
     * that both add it (two tabs opened at once just after signing in, both storing their CSRF token) no longer make
     * the second one fail on the attributes' primary key with an error page.
     */
    @Bean
    PostgreSqlJdbcIndexedSessionRepositoryCustomizer sessionAttributesUpserted() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }
}
