package fr.id77.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Collator;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Search semantics of the catalogue, on the real shipped catalogue and real PostgreSQL full text. */
@SpringBootTest
class CatalogueSearchTests {

    @Autowired
    CatalogueSearch search;

    @Autowired
    CatalogueReference reference;

    @Autowired
    JdbcClient jdbc;

    private CataloguePage run(
            String q,
            String code,
            List<String> domaines,
            List<String> thematiques,
            String typologie,
            String tri,
            String page) {
        return search.search(CatalogueQuery.from(
                reference,
                new CatalogueQuery.Filters(
                        q, code, domaines, thematiques, typologie, tri, page == null ? null : Integer.valueOf(page))));
    }

    private CataloguePage text(String q) {
        return run(q, null, null, null, null, null, null);
    }

    private static List<String> codes(CataloguePage page) {
        return page.offers().stream().map(OfferCard::code).toList();
    }

    @Test
    void theShippedCatalogueIsLoadedWithAllItsTypologies() {
        CataloguePage all = run(null, null, null, null, null, null, null);
        assertThat(all.total()).isGreaterThanOrEqualTo(130);
        assertThat(run(null, null, null, null, "ingenierie-de-projet", null, null)
                        .total())
                .isBetween(45L, 60L);
        assertThat(run(null, null, null, null, "sensibilisation-formation", null, null)
                        .total())
                .isBetween(45L, 70L);
        assertThat(run(null, null, null, null, "exposition", null, null).total())
                .isBetween(15L, 25L);
        assertThat(codes(all).getFirst()).isEqualTo("O01");
    }

    @Test
    void searchIgnoresAccentsAndCase() {
        CataloguePage plain = text("amenagement");
        CataloguePage accented = text("AMÉNAGEMENT");
        assertThat(plain.total()).isPositive();
        assertThat(codes(plain)).isEqualTo(codes(accented));
        assertThat(plain.offers()).allSatisfy(o -> assertThat(o.code()).isNotBlank());
        assertThat(codes(text("amenagement"))).contains("O04");
    }

    @Test
    void singularFindsPlural() {
        // « haie » is only written in the plural (« haies ») in the catalogue
        CataloguePage singular = text("haie");
        assertThat(singular.total()).isPositive();
        assertThat(text("haies").total()).isEqualTo(singular.total());
    }

    @Test
    void aCodeTypedAsTextComesFirstWhateverItsSpelling() {
        for (String typed : List.of("O37", "o37", "O 37", " o37 ")) {
            CataloguePage page = text(typed);
            assertThat(codes(page)).as(typed).isNotEmpty();
            assertThat(codes(page).getFirst()).as(typed).isEqualTo("O37");
        }
    }

    @Test
    void theIdentifierFieldFindsTheOfferAndAnUnknownCodeFindsNothing() {
        assertThat(codes(run(null, "f176", null, null, null, null, null))).containsExactly("F176");
        assertThat(codes(run(null, "R2", null, null, null, null, null))).startsWith("R02");
        assertThat(run(null, "Z999", null, null, null, null, null).total()).isZero();
    }

    @Test
    void domainsAreOredThematicsOredAndKindsAnded() {
        long amenagement = run(null, null, List.of("amenagement-urbanisme"), null, null, null, null)
                .total();
        long tourisme =
                run(null, null, List.of("tourisme"), null, null, null, null).total();
        long both = run(null, null, List.of("amenagement-urbanisme", "tourisme"), null, null, null, null)
                .total();
        assertThat(both).isGreaterThan(Math.max(amenagement, tourisme)).isLessThanOrEqualTo(amenagement + tourisme);

        long urbanisme =
                run(null, null, null, List.of("urbanisme"), null, null, null).total();
        long foncier =
                run(null, null, null, List.of("foncier"), null, null, null).total();
        long thematicsOr = run(null, null, null, List.of("urbanisme", "foncier"), null, null, null)
                .total();
        assertThat(thematicsOr)
                .isGreaterThanOrEqualTo(Math.max(urbanisme, foncier))
                .isLessThanOrEqualTo(urbanisme + foncier);

        long anded = run(null, null, List.of("amenagement-urbanisme"), null, "exposition", null, null)
                .total();
        long expositions = run(null, null, null, null, "exposition", null, null).total();
        assertThat(anded).isLessThan(Math.min(amenagement, expositions));

        CataloguePage textAndDomain =
                run("archives", null, List.of("culture-patrimoine-archives"), null, null, null, null);
        assertThat(textAndDomain.total())
                .isPositive()
                .isLessThanOrEqualTo(text("archives").total());
        assertThat(textAndDomain.offers())
                .allSatisfy(o -> assertThat(o.domains())
                        .extracting(CatalogueReference.DomainRef::slug)
                        .contains("culture-patrimoine-archives"));
    }

    @Test
    void sortsAreStable() {
        CataloguePage byTitle = run(null, null, null, null, null, "titre", null);
        List<String> titles = byTitle.offers().stream().map(OfferCard::title).toList();
        assertThat(titles).isSortedAccordingTo(Collator.getInstance(Locale.FRENCH));

        CataloguePage recent = run(null, null, null, null, null, "recentes", null);
        List<LocalDate> dates = recent.offers().stream()
                .map(o -> jdbc.sql("SELECT published_on FROM offer WHERE id = ?")
                        .param(o.id())
                        .query(LocalDate.class)
                        .single())
                .toList();
        assertThat(dates).as("the most recent first").isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(dates.getFirst()).isAfter(dates.getLast());

        List<String> byCode = codes(run(null, null, null, null, null, "identifiant", null));
        assertThat(byCode.subList(0, 3)).containsExactly("O01", "O02", "O03");

        for (String tri : List.of("pertinence", "identifiant", "titre", "recentes")) {
            List<String> first = codes(run(null, null, null, null, null, tri, "1"));
            List<String> second = codes(run(null, null, null, null, null, tri, "2"));
            assertThat(codes(run(null, null, null, null, null, tri, "1")))
                    .as(tri + ": same order every time")
                    .isEqualTo(first);
            assertThat(second).as(tri + ": no offer on two pages").isNotEmpty().doesNotContainAnyElementsOf(first);
        }
    }

    @Test
    void badInputIsIgnoredOrClampedWithAMessage() {
        CataloguePage page = run("x".repeat(10_000), null, List.of("inconnu"), List.of("nope"), "zzz", "xyz", "-1");
        assertThat(page.page()).isEqualTo(1);
        assertThat(page.query().notices()).hasSize(4);
        assertThat(page.query().text()).hasSize(CatalogueQuery.MAX_TEXT);

        CataloguePage beyond = run(null, null, null, null, null, null, "9999");
        assertThat(beyond.page()).isEqualTo(beyond.totalPages());
        assertThat(beyond.offers()).isNotEmpty();

        CataloguePage odd = text("\u0000é\u200b\uD800 ' \" ; -- | & ! :* ( <script>");
        assertThat(odd.total()).isZero();
        assertThat(odd.offers()).isEmpty();
        // a page that is not a number never reaches the query:
        // CatalogueWebTests.anUnreadablePageShowsTheFirstWithANotice
    }
}
