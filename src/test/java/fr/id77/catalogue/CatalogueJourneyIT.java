package fr.id77.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import fr.id77.support.BrowserTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** A visitor discovers the catalogue in a real browser, as the guide's section 2 describes. */
class CatalogueJourneyIT extends BrowserTest {

    private long resultCount() {
        String text = find(By.id("result-count")).getText();
        return Long.parseLong(text.replaceAll("\\D", ""));
    }

    private List<String> chips() {
        return findAll(By.cssSelector(".chip-list[aria-label] .chip")).stream()
                .map(WebElement::getText)
                .toList();
    }

    @Test
    void aVisitorFiltersSearchesOpensAnOfferAndIsAskedToSignInToRequestIt() {
        visit("/");
        long all = resultCount();
        assertThat(all).isGreaterThanOrEqualTo(130);

        // picks two domains from the domain bar
        find(By.linkText("Aménagement / Urbanisme")).click();
        checkAccessibility();
        long one = resultCount();
        find(By.partialLinkText("Tourisme")).click();
        checkAccessibility();
        long two = resultCount();
        assertThat(chips()).hasSize(2);
        assertThat(two).isGreaterThan(one).isLessThan(all);
        assertThat(path()).contains("domaine=amenagement-urbanisme").contains("domaine=tourisme");
        assertThat(findAll(By.cssSelector(".thematic-bar .chip")))
                .extracting(WebElement::getText)
                .contains("Urbanisme", "Randonnée / Itinérance");

        // removes one chip with its ×
        find(By.cssSelector(".chip-list[aria-label] a.domain-tourisme")).click();
        checkAccessibility();
        assertThat(chips()).hasSize(1).first().asString().contains("Aménagement / Urbanisme");
        assertThat(resultCount()).isEqualTo(one);

        // searches « amenagement » without the accent
        WebElement q = find(By.id("q"));
        q.clear();
        q.sendKeys("amenagement", Keys.ENTER);
        checkAccessibility();
        assertThat(resultCount()).isPositive().isLessThanOrEqualTo(one);
        assertThat(find(By.id("resultats")).getText()).containsIgnoringCase("aménagement");

        // finds an offer by its code, from a clean catalogue
        visit("/");
        find(By.id("code")).sendKeys("o37", Keys.ENTER);
        checkAccessibility();
        assertThat(resultCount()).isEqualTo(1);
        find(By.cssSelector(".offer-title a")).click();
        assertThat(pathOnceItContains("/offres/")).isEqualTo("/offres/O37");
        checkAccessibility();
        assertThat(find(By.tagName("h1")).getText()).startsWith("O37");

        // « Faire une demande » sends a visitor to sign in
        find(By.linkText("Faire une demande")).click();
        checkAccessibility();
        assertThat(path()).startsWith("/connexion");
        assertThat(find(By.tagName("h1")).getText()).isEqualTo("Connexion");
    }

    @Test
    void informationAndErrorPagesAreAccessible() {
        for (String page : List.of("/contact", "/mentions-legales", "/accessibilite", "/offres/O999")) {
            visit(page);
            assertThat(find(By.tagName("footer")).getText()).contains("ID77 © Département de Seine-et-Marne");
        }
        assertThat(find(By.tagName("h1")).getText()).isEqualTo("Page introuvable");
    }
}
