package fr.id77.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What {@link RequestStatus} shows people (its French label and its badge colour, which must exist in the
 * stylesheet) and which statuses count as open; plain JUnit, no Spring.
 */
class RequestStatusTests {

    @Test
    void everyStatusHasItsFrenchLabel() {
        Map<RequestStatus, String> labels = new LinkedHashMap<>();
        for (RequestStatus status : RequestStatus.values()) {
            labels.put(status, status.getLabel());
        }
        assertThat(labels)
                .containsExactly(
                        Map.entry(RequestStatus.EN_ATTENTE, "En attente"),
                        Map.entry(RequestStatus.EN_COURS, "En cours"),
                        Map.entry(RequestStatus.COMPLEMENTS, "Compléments demandés"),
                        Map.entry(RequestStatus.TERMINEE, "Terminée"),
                        Map.entry(RequestStatus.REJETEE, "Rejetée"),
                        Map.entry(RequestStatus.ANNULEE, "Annulée"),
                        Map.entry(RequestStatus.SUPPRIMEE, "Supprimée"));
    }

    @Test
    void everyStatusHasItsOwnBadgeStyledByTheStylesheet() throws IOException {
        String css;
        try (InputStream in = RequestStatusTests.class.getResourceAsStream("/static/css/id77.css")) {
            assertThat(in).as("id77.css on the classpath").isNotNull();
            css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (RequestStatus status : RequestStatus.values()) {
            assertThat(status.getCssClass()).as(status.name()).startsWith("status-");
            assertThat(css).as(status.name()).contains("." + status.getCssClass() + " {");
        }
        assertThat(Arrays.stream(RequestStatus.values())
                        .map(RequestStatus::getCssClass)
                        .distinct())
                .as("one colour per status")
                .hasSize(RequestStatus.values().length);
    }

    @Test
    void onlyWaitingInProgressAndAwaitingComplementsRequestsAreOpen() {
        for (RequestStatus status : RequestStatus.values()) {
            assertThat(status.isOpen())
                    .as(status.name())
                    .isEqualTo(EnumSet.of(RequestStatus.EN_ATTENTE, RequestStatus.EN_COURS, RequestStatus.COMPLEMENTS)
                            .contains(status));
        }
    }
}
