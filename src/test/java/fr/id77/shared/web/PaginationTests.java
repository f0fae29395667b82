package fr.id77.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** The pages of a list: a few links whatever the number of pages, the current one marked, never a page out of range. */
class PaginationTests {

    public record Query(String base) {
        public String pageUrl(int n) {
            return base + "?page=" + n;
        }
    }

    private final SpringTemplateEngine engine = new SpringTemplateEngine();

    PaginationTests() {
        ClassLoaderTemplateResolver templates = new ClassLoaderTemplateResolver();
        templates.setPrefix("templates/");
        templates.setSuffix(".html");
        templates.setCharacterEncoding("UTF-8");
        engine.setTemplateResolver(templates);
    }

    private List<String> links(int page, int total) {
        String html = engine.process(
                "pagination-probe", new Context(null, Map.of("page", page, "total", total, "query", new Query("/l"))));
        return Pattern.compile("<a class=\"page-link\"[^>]*>([^<]+)</a>|<span class=\"page-link\">…</span>")
                .matcher(html)
                .results()
                .map(m -> m.group(1) == null
                        ? "…"
                        : m.group(1) + (m.group().contains("aria-current=\"page\"") ? "*" : ""))
                .toList();
    }

    @Test
    void aLongListShowsAWindowAroundTheCurrentPage() {
        assertThat(links(2500, 5000))
                .containsExactly(
                        "Précédente", "1", "…", "2498", "2499", "2500*", "2501", "2502", "…", "5000", "Suivante");
    }

    @Test
    void theEndsOfTheListHaveNoGapsToFill() {
        assertThat(links(1, 5000)).containsExactly("1*", "2", "3", "…", "5000", "Suivante");
        assertThat(links(5000, 5000)).containsExactly("Précédente", "1", "…", "4998", "4999", "5000*");
        assertThat(links(4, 7)).containsExactly("Précédente", "1", "2", "3", "4*", "5", "6", "7", "Suivante");
    }

    @Test
    void shortListsAndOutOfRangePages() {
        assertThat(links(1, 1)).isEmpty();
        assertThat(links(2, 2)).containsExactly("Précédente", "1", "2*");
        assertThat(links(1, 2)).containsExactly("1*", "2", "Suivante");
        assertThat(links(99, 3)).containsExactly("Précédente", "1", "2", "3*");
        assertThat(links(0, 3)).containsExactly("1*", "2", "3", "Suivante");
    }

    @Test
    void theLinksLeadToTheirPages() {
        String html = engine.process(
                "pagination-probe", new Context(null, Map.of("page", 3, "total", 10, "query", new Query("/l"))));
        assertThat(html)
                .contains("href=\"/l?page=2\" rel=\"prev\"", "href=\"/l?page=4\" rel=\"next\"", "href=\"/l?page=10\"");
    }
}
