package fr.id77.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.id77.support.ServerTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** An address with no page is the French 404 page for everyone, a visitor included; real pages still ask to sign in. */
class NotFoundPageTests extends ServerTest {

    @Test
    void aVisitorAskingAnUnknownAddressGetsTheFrench404Page() {
        HttpResponse<String> response = get("/nimporte-quoi");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(response.body()).contains("Page introuvable", "Erreur 404").doesNotContain("Not Found");
    }

    @Test
    void anUnknownAddressUnderAdministrationIsA404TooAndTheErrorPageHasNoEnglishBanner() {
        HttpResponse<String> response = get("/admin/nimporte-quoi");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body())
                .contains("Page introuvable")
                .doesNotContain("Not Found")
                .doesNotContain("alert-danger");
    }

    @Test
    void aRealProtectedPageStillSendsTheVisitorToSignIn() {
        HttpResponse<String> response = get("/demandes");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/connexion"));
    }

    @Test
    void aTrailingSlashRedirectsToTheAddressWithout() {
        HttpResponse<String> response = get("/admin/");
        assertThat(response.statusCode()).isEqualTo(308);
        assertThat(response.headers().firstValue("Location")).hasValue("/admin");
    }
}
