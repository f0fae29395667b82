package fr.id77.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.id77.support.ServerTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * A small commune on a slow line: the first visit of the catalogue (the page and everything it links to in its
 * head and its icons) weighs at most 150 KB on the wire, text is compressed, and static files carry their content's
 * hash in their name so that browsers keep them a year.
 */
class FirstVisitTests extends ServerTest {

    private static final Pattern ASSET = Pattern.compile("(?:href|src)=\"(/(?:css|js|img|webjars)/[^\"#?]+)[^\"]*\"");

    @Test
    void theFirstVisitOfTheCatalogueIsLight() throws Exception {
        HttpResponse<byte[]> page = fetch("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Encoding")).hasValue("gzip");

        String html;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(page.body()))) {
            html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Set<String> assets = new LinkedHashSet<>();
        ASSET.matcher(html).results().forEach(m -> assets.add(m.group(1)));
        assertThat(assets)
                .as("the page's own style sheet, script and icons")
                .anyMatch(a -> a.matches("/css/id77-[0-9a-f]{32}\\.css"))
                .anyMatch(a -> a.matches("/js/id77-[0-9a-f]{32}\\.js"))
                .anyMatch(a -> a.matches("/img/icons-[0-9a-f]{32}\\.svg"))
                .noneMatch(a -> a.contains("bootstrap-icons"))
                .as("the upload script only on pages with an upload form")
                .noneMatch(a -> a.startsWith("/js/upload"));

        long total = page.body().length;
        for (String asset : assets) {
            HttpResponse<byte[]> file = fetch(asset);
            assertThat(file.statusCode()).as(asset).isEqualTo(200);
            assertThat(file.headers().firstValue("Cache-Control"))
                    .as(asset)
                    .hasValueSatisfying(c -> assertThat(c).contains("max-age=31536000"));
            boolean compressed = file.headers()
                    .firstValue("Content-Encoding")
                    .filter("gzip"::equals)
                    .isPresent();
            assertThat(compressed || file.body().length < 1024)
                    .as(asset + " compressed unless under 1 KB")
                    .isTrue();
            total += file.body().length;
        }
        assertThat(total).as("bytes on the wire for the first visit").isLessThanOrEqualTo(150 * 1024);
    }

    @Test
    void pagesThemselvesAreRevalidatedAtEveryVisit() throws Exception {
        HttpResponse<byte[]> page = fetch("/");
        assertThat(page.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(c -> assertThat(c).contains("no-cache"));
    }

    private HttpResponse<byte[]> fetch(String path) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .header("Accept-Encoding", "gzip")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        }
    }
}
