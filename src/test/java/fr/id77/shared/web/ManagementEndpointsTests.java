package fr.id77.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.id77.support.ServerTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Health and metrics live on the management port only, and nothing else does: probes UP, the outbox gauges and HTTP
 * latencies in the Prometheus text, no other endpoint, no health details for anonymous callers, and no
 * {@code /actuator} address on the application's port.
 */
class ManagementEndpointsTests extends ServerTest {

    @LocalManagementPort
    int managementPort;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    HealthEndpointGroups groups;

    private HttpResponse<String> management(String path) {
        try (HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build()) {
            return http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theManagementPortIsNotTheApplicationPort() {
        assertThat(managementPort).isPositive().isNotEqualTo(port);
    }

    @Test
    void livenessAndReadinessAreUp() {
        HttpResponse<String> liveness = management("/actuator/health/liveness");
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(liveness.body()).contains("\"status\":\"UP\"");
        HttpResponse<String> readiness = management("/actuator/health/readiness");
        assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
        assertThat(readiness.body())
                .contains("\"status\":\"UP\"", "\"db\"", "\"storage\"")
                .as("la messagerie ne décide pas de la disponibilité : la file des courriels encaisse une panne")
                .doesNotContain("\"mail\"");
    }

    @Test
    void theMailServerDecidesNeitherLivenessNorReadiness() {
        assertThat(groups.get("readiness").isMember("db")).isTrue();
        assertThat(groups.get("readiness").isMember("storage")).isTrue();
        assertThat(groups.get("readiness").isMember("mail"))
                .as("une panne de messagerie : les courriels attendent dans la file")
                .isFalse();
        assertThat(groups.get("liveness").isMember("mail")).isFalse();
        assertThat(groups.get("liveness").isMember("db"))
                .as("redémarrer ne répare pas la base")
                .isFalse();
    }

    @Test
    void healthDetailsAreHiddenFromAnonymousCallers() {
        HttpResponse<String> health = management("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body())
                .contains("\"status\":\"UP\"")
                .doesNotContain("details", "usableBytes", "PostgreSQL", "validationQuery");
    }

    @Test
    void prometheusShowsTheOutboxAndHttpLatencies() {
        long waiting = jdbc.sql("""
                        INSERT INTO mail_outbox (recipient, subject, html_body, text_body, created_at, next_attempt_at)
                        VALUES ('metrics@example.org', 'Mesure', '<p>x</p>', 'x', now() - interval '1 hour', now() + interval '1 day')
                        RETURNING id""").query(Long.class).single();
        try {
            assertThat(get("/").statusCode()).isEqualTo(200);
            HttpResponse<String> metrics = management("/actuator/prometheus");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body())
                    .contains("id77_mail_outbox_waiting ", "id77_mail_outbox_oldest_age_seconds ", "id77_mail_failed ")
                    .contains("http_server_requests_seconds_bucket{", "uri=\"/\"")
                    .containsPattern(
                            "(?m)^id77_mail_outbox_oldest_age_seconds(\\{[^}]*\\})? (3[6-9]\\d\\d|[4-9]\\d{3}|\\d{5,})(\\.\\d+)?(E\\d+)?$");
        } finally {
            jdbc.sql("DELETE FROM mail_outbox WHERE id = ?").param(waiting).update();
        }
    }

    @Test
    void nothingElseIsExposed() {
        for (String path : new String[] {
            "/actuator/env",
            "/actuator/beans",
            "/actuator/configprops",
            "/actuator/heapdump",
            "/actuator/loggers",
            "/actuator/metrics",
            "/actuator/threaddump",
            "/actuator/mappings"
        }) {
            assertThat(management(path).statusCode()).as(path).isEqualTo(404);
        }
    }

    @Test
    void theApplicationPortServesNoActuatorAddress() {
        for (String path : new String[] {
            "/actuator", "/actuator/health", "/actuator/health/readiness", "/actuator/prometheus", "/actuator/env"
        }) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).doesNotContain("\"status\"", "jvm_", "http_server_requests");
        }
    }
}
