package fr.id77.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import fr.id77.account.CurrentUser;
import fr.id77.support.Fixtures;
import fr.id77.support.ServerTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The cache of rendered anonymous pages over real HTTP (Tomcat, its compression, cookies): what it answers, to whom,
 * with which headers, and how a change of the catalogue reaches it. Tests read the catalogue's version at every
 * request ({@code id77.catalogue.cache.recheck=0}, see TestDatabaseInitializer); {@link CatalogueVersionTests} covers
 * the interval.
 */
class CataloguePageCacheTests extends ServerTest {

    private static final Pattern STRONG_ETAG = Pattern.compile("\"\\d+-[0-9a-f]{32}\"");
    private static final List<String> SECURITY_HEADERS =
            List.of("Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options", "Referrer-Policy");

    @Autowired
    CataloguePageCache cache;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    PlatformTransactionManager transactions;

    @BeforeEach
    void emptyCache() {
        cache.clear();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/",
                "/?q=eau&tri=titre",
                "/?domaine=amenagement-urbanisme&page=2",
                "/offres/O37",
                "/contact",
                "/mentions-legales",
                "/accessibilite"
            })
    void anonymousPagesComeFromTheCacheWithAStrongEtagTheSecurityHeadersAndNothingOfTheVisitor(String path) {
        HttpResponse<byte[]> first = fetch(path);
        HttpResponse<byte[]> second = fetch(path);
        for (HttpResponse<byte[]> page : List.of(first, second)) {
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("ETag"))
                    .hasValueSatisfying(etag -> assertThat(etag).matches(STRONG_ETAG));
            assertThat(page.headers().allValues("Cache-Control"))
                    .as("the browser keeps the page but asks again each time")
                    .containsExactly("no-cache");
            assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
            assertThat(page.headers().allValues("Set-Cookie")).as("no session").isEmpty();
            assertSameSecurityHeadersAsAPageNeverCached(page.headers());
            assertThat(new String(page.body(), StandardCharsets.UTF_8))
                    .contains("</html>")
                    .doesNotContainIgnoringCase("csrf")
                    .doesNotContain("ID77SESSION")
                    .doesNotContainIgnoringCase("jsessionid")
                    .doesNotContain("Bonjour");
        }
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.headers().firstValue("ETag"))
                .isEqualTo(first.headers().firstValue("ETag"));

        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> revalidated = fetch(path, "If-None-Match", etag);
        assertThat(revalidated.statusCode()).isEqualTo(304);
        assertThat(revalidated.body()).isEmpty();
        assertThat(revalidated.headers().firstValue("ETag")).hasValue(etag);
        assertThat(revalidated.headers().allValues("Set-Cookie")).isEmpty();
        assertSameSecurityHeadersAsAPageNeverCached(revalidated.headers());
        assertThat(fetch(path, "If-None-Match", "\"1-0123456789abcdef0123456789abcdef\"")
                        .statusCode())
                .as("another version of the page")
                .isEqualTo(200);
    }

    private void assertSameSecurityHeadersAsAPageNeverCached(HttpHeaders headers) {
        HttpHeaders signIn = fetch("/connexion").headers();
        for (String name : SECURITY_HEADERS) {
            assertThat(signIn.firstValue(name)).as(name).isPresent();
            assertThat(headers.allValues(name)).as(name).isEqualTo(signIn.allValues(name));
        }
    }

    @Test
    void aBrowserTakingGzipGetsTheGzippedCopyWithItsOwnEtag() throws IOException {
        HttpResponse<byte[]> plain = fetch("/");
        HttpResponse<byte[]> gzipped = fetch("/", "Accept-Encoding", "gzip, deflate, br");
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gzipped.headers().allValues("Vary"))
                .anySatisfy(v -> assertThat(v).containsIgnoringCase("Accept-Encoding"));
        assertThat(gzipped.body().length).isLessThan(plain.body().length / 3);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
            assertThat(in.readAllBytes()).as("the same page").isEqualTo(plain.body());
        }
        String etag = gzipped.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).isNotEqualTo(plain.headers().firstValue("ETag").orElseThrow());
        assertThat(fetch("/", "Accept-Encoding", "gzip", "If-None-Match", etag).statusCode())
                .isEqualTo(304);
    }

    @Test
    void headAnswersTheHeadersOfTheKeptPage() {
        HttpResponse<byte[]> page = fetch("/offres/O37");
        HttpResponse<byte[]> head = send(
                HttpClient.newHttpClient(),
                request("/offres/O37")
                        .method("HEAD", HttpRequest.BodyPublishers.noBody())
                        .build());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("ETag")).isEqualTo(page.headers().firstValue("ETag"));
        assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(page.body().length);
    }

    @Test
    void aChangeMadeInTheDatabaseShowsWhenTheCatalogueVersionMovesAsAnotherInstanceWouldMoveIt() {
        String title = jdbc.sql("SELECT title FROM offer WHERE code = 'O37'")
                .query(String.class)
                .single();
        HttpResponse<byte[]> before = fetch("/offres/O37");
        String etag = before.headers().firstValue("ETag").orElseThrow();
        try {
            // the row changes without the version (trigger off inside this transaction only): the page is the kept one
            new TransactionTemplate(transactions).executeWithoutResult(tx -> {
                jdbc.sql("ALTER TABLE offer DISABLE TRIGGER offer_changes_catalogue")
                        .update();
                jdbc.sql("UPDATE offer SET title = 'Titre changé en base' WHERE code = 'O37'")
                        .update();
                jdbc.sql("ALTER TABLE offer ENABLE TRIGGER offer_changes_catalogue")
                        .update();
            });
            HttpResponse<byte[]> kept = fetch("/offres/O37");
            assertThat(kept.body()).as("served from the cache, not rendered").isEqualTo(before.body());
            assertThat(fetch("/offres/O37", "If-None-Match", etag).statusCode()).isEqualTo(304);

            // another instance's change moves the version: every instance renders again
            jdbc.sql("UPDATE catalogue_version SET version = version + 1").update();
            HttpResponse<byte[]> after = fetch("/offres/O37");
            assertThat(new String(after.body(), StandardCharsets.UTF_8)).contains("Titre changé en base");
            assertThat(after.headers().firstValue("ETag"))
                    .hasValueSatisfying(e -> assertThat(e).matches(STRONG_ETAG).isNotEqualTo(etag));
            assertThat(fetch("/offres/O37", "If-None-Match", etag).statusCode()).isEqualTo(200);
        } finally {
            jdbc.sql("UPDATE offer SET title = :t WHERE code = 'O37'")
                    .param("t", title)
                    .update();
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"offer", "offer_domain", "offer_thematic", "organisation", "domain", "thematic", "typology"})
    void anyChangeToWhatTheCatalogueShowsBumpsItsVersionInTheSameTransaction(String table) {
        long before = catalogueVersion();
        jdbc.sql("UPDATE " + table + " SET " + (table.startsWith("offer_") ? "offer_id = offer_id" : "id = id")
                        + " WHERE false")
                .update();
        assertThat(catalogueVersion()).isGreaterThan(before);

        long committed = catalogueVersion();
        TransactionTemplate rolledBack = new TransactionTemplate(transactions);
        rolledBack.executeWithoutResult(tx -> {
            jdbc.sql("DELETE FROM " + table + " WHERE false").update();
            assertThat(catalogueVersion()).as("inside the transaction").isGreaterThan(committed);
            tx.setRollbackOnly();
        });
        assertThat(catalogueVersion()).as("a change rolled back").isEqualTo(committed);
    }

    private long catalogueVersion() {
        return jdbc.sql("SELECT version FROM catalogue_version")
                .query(Long.class)
                .single();
    }

    @Test
    void signedInPeopleAreNeverServedAKeptPage() {
        fetch("/");
        String password = "Cache-Catalogue-77!";
        CurrentUser admin = new Fixtures(jdbc).admin("Camille");
        jdbc.sql("UPDATE app_user SET password_hash = :h WHERE id = :id")
                .param("h", passwordEncoder.encode(password))
                .param("id", admin.id())
                .update();
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String form = new String(send(browser, request("/connexion").build()).body(), StandardCharsets.UTF_8);
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
        assertThat(csrf.find()).isTrue();
        HttpResponse<byte[]> signIn = send(
                browser,
                request("/connexion")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("identifiant=" + admin.identifiant()
                                + "&motDePasse=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
                                + csrf.group(1)))
                        .build());
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).doesNotContain("erreur"));

        HttpResponse<byte[]> page = send(browser, request("/").build());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(new String(page.body(), StandardCharsets.UTF_8)).contains("Bonjour", "Camille", "Déconnexion");
        assertThat(page.headers().firstValue("ETag")).isEmpty();
        assertThat(page.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(c -> assertThat(c).contains("no-store"));

        HttpResponse<byte[]> unknownSession = fetch("/", "Cookie", "ID77SESSION=inconnue");
        assertThat(unknownSession.statusCode()).isEqualTo(200);
        assertThat(unknownSession.headers().firstValue("ETag"))
                .as("a session cookie, even unknown: rendered, not kept")
                .isEmpty();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    /** GET as a client without any cookie; {@code headers} as name, value pairs. */
    private HttpResponse<byte[]> fetch(String path, String... headers) {
        HttpRequest.Builder request = request(path).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        try (HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build()) {
            return send(http, request.build());
        }
    }

    private static HttpResponse<byte[]> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
