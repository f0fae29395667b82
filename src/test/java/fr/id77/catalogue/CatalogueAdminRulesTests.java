package fr.id77.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import fr.id77.shared.web.InputSanitizer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The small rules behind the catalogue admin forms, without Spring. */
class CatalogueAdminRulesTests {

    @Test
    void multiLineTextKeepsItsParagraphsAndNothingElse() {
        assertThat(InputSanitizer.cleanLines(
                        "  Premier\u0000 paragraphe.\r\n\r\n\r\n\tSecond   paragraphe.\n- un point\n\n", 1000))
                .isEqualTo("Premier paragraphe.\n\nSecond paragraphe.\n- un point");
        assertThat(InputSanitizer.cleanLines("\n\n\u200B\n", 1000)).isEmpty();
        assertThat(InputSanitizer.cleanLines(null, 10)).isEmpty();
        assertThat(InputSanitizer.cleanLines("abcdef\n\nghijkl", 8)).isEqualTo("abcdef");
        assertThat(InputSanitizer.cleanLines("abcdef\n\nghijkl", 10)).isEqualTo("abcdef\n\ngh");
    }

    @Test
    void keywordsAreSplitOnCommasSemicolonsAndLinesAndKeptOnce() {
        assertThat(keywords(" voirie, Voirie ;chaussée\ntrottoirs,, ,\u200B"))
                .containsExactly("voirie", "chaussée", "trottoirs");
        assertThat(keywords(null)).isEmpty();
    }

    @Test
    void anOrganisationSlugIsPlainAsciiAndBounded() {
        assertThat(Organisations.slug("Agence de l'eau Seine-Normandie")).isEqualTo("agence-de-l-eau-seine-normandie");
        assertThat(Organisations.slug("Œuvre « Éco » 77 !")).isEqualTo("uvre-eco-77");
        assertThat(Organisations.slug("???")).isEqualTo("organisme");
        assertThat(Organisations.slug("a".repeat(80) + " b")).hasSize(50);
    }

    private static List<String> keywords(String typed) {
        return new CatalogueAdminForms.OfferForm(
                        "O01", "t", "s", "d", (short) 1, null, null, 1L, null, null, typed, false, false, 10, null, 0)
                .keywordList();
    }
}
