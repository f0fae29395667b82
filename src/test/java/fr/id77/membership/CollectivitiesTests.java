package fr.id77.membership;

import static org.assertj.core.api.Assertions.assertThat;

import fr.id77.support.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What other modules read of collectivities through {@link Collectivities}: ids by name or canton, names, referents. */
@SpringBootTest
class CollectivitiesTests {

    @Autowired
    Collectivities collectivities;

    @Autowired
    JdbcClient jdbc;

    @Test
    void findsCollectivityIdsByAPieceOfTheirNameIgnoringCaseAndAccentsAndByCanton() {
        String tag = Long.toString(System.nanoTime(), 36);
        Fixtures fixtures = new Fixtures(jdbc);
        long melun = fixtures.collectivity("Commune de Sénart-" + tag, "Melun").id();
        long provins =
                fixtures.collectivity("Commune de Senart-Bis-" + tag, "Provins").id();
        fixtures.collectivity("Autre-" + tag, "Melun");

        assertThat(collectivities.idsMatching("SENART-" + tag.toUpperCase(), ""))
                .containsExactlyInAnyOrder(melun);
        assertThat(collectivities.idsMatching("sénart", "")).contains(melun, provins);
        assertThat(collectivities.idsMatching("sénart", "PROVINS"))
                .contains(provins)
                .doesNotContain(melun);
        assertThat(collectivities.idsMatching("", "MELUN")).contains(melun).doesNotContain(provins);
        assertThat(collectivities.idsMatching("%", ""))
                .as("% is no wildcard")
                .isEqualTo(collectivities.idsMatching("", ""));
        assertThat(collectivities.idsMatching("nulle part " + tag, "")).isEmpty();
    }

    @Test
    void namesCollectivitiesAndReferentsInOneCallRemovedReferentsIncluded() {
        String tag = Long.toString(System.nanoTime(), 36);
        Fixtures.Collectivity c = new Fixtures(jdbc).collectivity("Commune " + tag, "Melun");
        jdbc.sql("UPDATE technical_referent SET removed_at = now() WHERE id = :id")
                .param("id", c.secondReferentId())
                .update();

        Collectivities.Names names =
                collectivities.names(Set.of(c.id(), -5L), Set.of(c.referentId(), c.secondReferentId()));
        assertThat(names.collectivities()).containsExactlyEntriesOf(Map.of(c.id(), "Commune " + tag));
        assertThat(names.referents())
                .containsOnlyKeys(c.referentId(), c.secondReferentId())
                .containsEntry(c.referentId(), "Anne Test")
                .containsEntry(c.secondReferentId(), "Jean Test");
        assertThat(collectivities.names(Set.of(), Set.of(c.referentId())).collectivities())
                .isEmpty();
        assertThat(collectivities.names(Set.of(), Set.of()).referents()).isEmpty();
    }

    @Test
    void referentsInPlaceAreByNameAndKeepTheRemovedOneAskedFor() {
        Fixtures fixtures = new Fixtures(jdbc);
        Fixtures.Collectivity c = fixtures.collectivity("Commune " + System.nanoTime(), "Melun");
        long removed = fixtures.referent(c.id(), "Bernard Parti", "Voirie");
        jdbc.sql("UPDATE technical_referent SET removed_at = now() WHERE id = :id")
                .param("id", removed)
                .update();

        assertThat(collectivities.referentsInPlace(c.id(), null))
                .extracting(ReferentSummary::fullName)
                .containsExactly("Anne Test", "Jean Test");
        List<ReferentSummary> withRemoved = collectivities.referentsInPlace(c.id(), removed);
        assertThat(withRemoved)
                .extracting(ReferentSummary::fullName)
                .containsExactly("Anne Test", "Bernard Parti", "Jean Test");
        assertThat(withRemoved)
                .filteredOn(ReferentSummary::removed)
                .extracting(ReferentSummary::id)
                .containsExactly(removed);
        Fixtures.Collectivity other = fixtures.collectivity("Autre " + System.nanoTime(), "Melun");
        assertThat(collectivities.referentsInPlace(c.id(), other.referentId()))
                .as("never another collectivity's referent")
                .extracting(ReferentSummary::fullName)
                .containsExactly("Anne Test", "Jean Test");
    }
}
