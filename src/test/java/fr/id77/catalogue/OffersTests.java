package fr.id77.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
class OffersTests {

    @Autowired
    Offers offers;

    @Autowired
    CatalogueReference reference;

    @Autowired
    JdbcClient jdbc;

    @Test
    void findsAPublishedOfferByCodeInAnyCaseAndRefusesGarbage() {
        Offers.OfferSummary o69 = offers.publishedByCode(" o69 ").orElseThrow();
        assertThat(o69.code()).isEqualTo("O69");
        assertThat(o69.title()).startsWith("Aide au montage administratif et financier");
        assertThat(o69.domains()).extracting(CatalogueReference.DomainRef::slug).contains("strategie-territoriale");
        assertThat(o69.practicalInfo()).contains("ID77-DADT-PROTER");
        assertThat(offers.publishedByCode("O999")).isEmpty();
        assertThat(offers.publishedByCode("'; drop table offer; --")).isEmpty();
        assertThat(offers.publishedByCode(null)).isEmpty();
    }

    @Test
    void theReferencesAreKeptUntilTheCatalogueChangesThenReadAgain() {
        List<Offers.OfferRef> first = offers.references();
        assertThat(offers.references()).as("nothing changed: the same list").isSameAs(first);
        long o01 = offers.publishedByCode("O01").orElseThrow().id();
        String title = jdbc.sql("SELECT title FROM offer WHERE id = ?")
                .param(o01)
                .query(String.class)
                .single();
        try {
            jdbc.sql("UPDATE offer SET title = ? WHERE id = ?")
                    .param(title + " (révisé)")
                    .param(o01)
                    .update();
            assertThat(offers.references())
                    .filteredOn(o -> o.id() == o01)
                    .singleElement()
                    .extracting(Offers.OfferRef::title)
                    .isEqualTo(title + " (révisé)");
        } finally {
            jdbc.sql("UPDATE offer SET title = ? WHERE id = ?")
                    .param(title)
                    .param(o01)
                    .update();
        }
    }

    @Test
    void findsOffersByIds() {
        long o01 = offers.publishedByCode("O01").orElseThrow().id();
        long r02 = offers.publishedByCode("R02").orElseThrow().id();
        assertThat(offers.byIds(List.of(o01, r02)).values())
                .extracting(Offers.OfferSummary::code)
                .containsExactlyInAnyOrder("O01", "R02");
        assertThat(offers.byIds(List.of())).isEmpty();
    }

    @Test
    void referencesEveryOfferInIdentifierOrderWithItsDomainsThematicsAndChoiceLabel() {
        List<Offers.OfferRef> refs = offers.references();
        Offers.OfferSummary o69 = offers.publishedByCode("O69").orElseThrow();
        Offers.OfferRef ref =
                refs.stream().filter(o -> o.id() == o69.id()).findFirst().orElseThrow();
        assertThat(ref.code()).isEqualTo("O69");
        assertThat(ref.title()).isEqualTo(o69.title());
        assertThat(ref.published()).isTrue();
        assertThat(ref.choiceLabel()).isEqualTo("O69 – " + o69.title());
        assertThat(ref.domainIds())
                .containsExactlyInAnyOrderElementsOf(o69.domains().stream()
                        .map(CatalogueReference.DomainRef::id)
                        .toList());
        assertThat(ref.thematicIds())
                .isNotEmpty()
                .allSatisfy(t -> assertThat(reference.thematic(t)).isNotNull());
        assertThat(new Offers.OfferRef(1, "O1", "T", false, null, Set.of(), Set.of(), 10, null).choiceLabel())
                .isEqualTo("O1 – T (retirée)");
        List<String> codes = refs.stream().map(Offers.OfferRef::code).toList();
        assertThat(codes)
                .as("identifier order: O, then F, then R, by number")
                .isSortedAccordingTo(Comparator.comparing(
                                (String c) -> "OFR".indexOf(c.charAt(0)) < 0 ? 3 : "OFR".indexOf(c.charAt(0)))
                        .thenComparing(c -> c.charAt(0))
                        .thenComparing(c -> Integer.parseInt(c.substring(1))))
                .contains("O01", "O69", "R02")
                .doesNotHaveDuplicates();
    }
}
