package fr.id77.shared.web;

import java.util.function.BiFunction;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A long administration list searched by one text and read a page at a time ({@code /admin/comptes?q=dupont&page=3}):
 * what was searched, which page, the address of every other page, and the LIKE pattern of the search.
 */
public record SearchPage(String path, String q, int page) {

    /** A page that is not a positive number is the first one; the search is trimmed already. */
    public static SearchPage of(String path, String q, String page) {
        return new SearchPage(path, q == null ? "" : q, pageNumber(page));
    }

    /** The page asked for in the address: a positive number, else the first page. */
    public static int pageNumber(String page) {
        try {
            return page == null ? 1 : Math.max(1, Integer.parseInt(page.strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** The address of page {@code n}, with the same search. */
    public String pageUrl(int n) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        if (!q.isEmpty()) {
            uri.queryParam("q", q);
        }
        return uri.queryParam("page", n).encode().build().toUriString();
    }

    /** {@code %texte%} in lower case, its own % and _ escaped (with \), or {@code %} when nothing is searched. */
    public String like() {
        return LikePattern.containing(q);
    }

    /**
     * The page asked for, {@code size} rows in {@code order}, from {@code search} (given the LIKE pattern and the page
     * to read); past the last page, the last one.
     */
    public <T> Page<T> fetch(int size, Sort order, BiFunction<String, Pageable, Page<T>> search) {
        Page<T> found = search.apply(like(), PageRequest.of(page - 1, size, order));
        if (found.isEmpty() && found.getTotalPages() > 0 && page > found.getTotalPages()) {
            found = search.apply(like(), PageRequest.of(found.getTotalPages() - 1, size, order));
        }
        return found;
    }
}
