package fr.id77.catalogue;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.id77.shared.time.TimeConfiguration;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.util.DigestUtils;
import org.springframework.util.unit.DataSize;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The public catalogue pages as an anonymous visitor gets them, kept rendered in a bounded in-memory cache (README
 * « Performance »). They are the same for every visitor without a session: the catalogue with its filters in the
 * address, the offer pages and the information pages. The cache is keyed by the catalogue's version
 * ({@link CatalogueVersion}: any change to the catalogue, made on any instance, moves every instance to new keys) and
 * by the normalised address, and each page carries a strong ETag (version and content hash): a browser's
 * {@code If-None-Match} is answered 304 without rendering anything, and {@code Cache-Control: no-cache} makes it ask
 * each time, so a change shows at the next visit (within {@code id77.catalogue.cache.recheck}).
 *
 * <p>The filter stands before Spring Session and Spring Security, whose per-write bookkeeping cost more than the whole
 * answer: it only answers a request that carries no session cookie, no {@code Authorization} header and no
 * authentication, which no one signed in can send. The first request for an address goes through the whole chain;
 * its page is kept only if it is a 200 HTML page that opened no session (so it holds no CSRF token, no flash
 * message, nothing of a visitor), and the headers Spring Security wrote on it (CSP and the others) are replayed on
 * every answer from the cache, 304s included. A gzip copy is made once, so browsers get compressed pages without
 * compressing each time.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class CataloguePageCache extends OncePerRequestFilter {

    /** The pages that are the same for every visitor: catalogue, offers (canonical codes only), information pages. */
    private static final Pattern PAGES =
            Pattern.compile("/|/offres/[A-Z][0-9]{1,4}|/contact|/mentions-legales|/accessibilite");

    /** Longer addresses are rendered each time rather than kept: nobody types them, anybody could invent them. */
    private static final int MAX_ADDRESS = 1024;

    private static final int MAX_PAGE_BYTES = 1024 * 1024;

    /** Headers of the rendered page that are not replayed as they were: set anew on each answer, or never kept. */
    private static final Set<String> NOT_REPLAYED = Set.of(
            "content-length",
            "content-encoding",
            "transfer-encoding",
            "date",
            "cache-control",
            "pragma",
            "expires",
            "etag",
            "last-modified",
            "vary",
            "set-cookie",
            "connection",
            "keep-alive");

    private final CatalogueVersion version;
    private final Clock clock;
    private final String sessionCookie;
    private final Cache<Key, Page> pages;
    private volatile long knownVersion = -1;
    private volatile LocalDate knownDay;

    CataloguePageCache(
            CatalogueVersion version,
            Clock clock,
            @Value("${server.servlet.session.cookie.name:SESSION}") String sessionCookie,
            @Value("${id77.catalogue.cache.max-size:64MB}") DataSize maxSize) {
        this.version = version;
        this.clock = clock;
        this.sessionCookie = sessionCookie;
        this.pages = Caffeine.newBuilder()
                .maximumWeight(maxSize.toBytes())
                .weigher((Key key, Page page) -> key.address().length() + page.weight())
                .build();
    }

    /**
     * A page is kept for one catalogue version and one day (in Paris): an offer page also shows what the day makes
     * past (an exhibition's calendar, the sessions to come), which no change to the catalogue would move.
     */
    private record Key(long version, LocalDate day, String address) {}

    /** One rendered page: its bytes as they are and gzipped, its ETags, and the headers to send with it. */
    record Page(byte[] body, byte[] gzipped, String etag, String gzipEtag, List<String[]> headers) {

        static Page of(long version, byte[] body, List<String[]> headers) {
            String hash = DigestUtils.md5DigestAsHex(body);
            byte[] gzipped = gzip(body);
            return new Page(
                    body,
                    gzipped,
                    "\"" + version + "-" + hash + "\"",
                    "\"" + version + "-" + hash + "-gzip\"",
                    headers);
        }

        int weight() {
            return body.length + gzipped.length + 64 * headers.size();
        }

        /** Answers with this page: 304 when the browser's copy is this one, else its bytes (gzipped if accepted). */
        void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
            for (String[] header : headers) {
                response.addHeader(header[0], header[1]);
            }
            boolean gzip = acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
            String tag = gzip ? gzipEtag : etag;
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
            response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
            response.setHeader(HttpHeaders.ETAG, tag);
            if (new ServletWebRequest(request, response).checkNotModified(tag)) {
                return;
            }
            byte[] bytes = gzip ? gzipped : body;
            if (gzip) {
                response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
            }
            response.setContentLength(bytes.length);
            if (!"HEAD".equals(request.getMethod())) {
                response.getOutputStream().write(bytes);
            }
        }
    }

    void clear() {
        pages.invalidateAll();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String address = cacheableAddress(request);
        long current;
        try {
            current = address == null ? -1 : currentVersion();
        } catch (DataAccessException e) {
            current = -1; // the database does not answer: the page says so as it would without the cache
        }
        if (current < 0) {
            chain.doFilter(request, response);
            return;
        }
        Key key = new Key(current, knownDay, address);
        Page page = pages.getIfPresent(key);
        if (page != null) {
            // the HTTP metrics name the page as Spring MVC would have (no handler ran to say it)
            ServerHttpObservationFilter.findObservationContext(request)
                    .ifPresent(observed -> observed.setPathPattern(pathPattern(request)));
        } else {
            if (!"GET".equals(request.getMethod())) {
                chain.doFilter(request, response);
                return;
            }
            page = render(request, response, chain, current);
            if (page == null) {
                return;
            }
            pages.put(key, page);
        }
        page.answer(request, response);
    }

    private static String pathPattern(HttpServletRequest request) {
        String path = path(request);
        return path.startsWith("/offres/") ? "/offres/{code}" : path;
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /**
     * The version, and the cache emptied of older pages when it or the day moves (their keys would never be asked
     * again).
     */
    private long currentVersion() {
        long current = version.current();
        LocalDate today = LocalDate.now(clock.withZone(TimeConfiguration.PARIS));
        if (current != knownVersion || !today.equals(knownDay)) {
            knownVersion = current;
            knownDay = today;
            pages.invalidateAll();
        }
        return current;
    }

    /** The page's key when this request may be answered from the cache; null when it must go through the chain. */
    private String cacheableAddress(HttpServletRequest request) {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return null;
        }
        String path = path(request);
        String query = request.getQueryString();
        if (!PAGES.matcher(path).matches()
                || (query != null && query.length() > MAX_ADDRESS)
                || request.getHeader(HttpHeaders.AUTHORIZATION) != null
                || hasSessionCookie(request)
                // nobody is signed in before Spring Security runs, unless something earlier did it (MockMvc's tests)
                || SecurityContextHolder.getContext().getAuthentication() != null) {
            return null;
        }
        String key = (request.isSecure() ? "https:" : "http:") + path + "?" + normalised(request.getParameterMap());
        return key.length() > 2 * MAX_ADDRESS ? null : key;
    }

    private boolean hasSessionCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (sessionCookie.equals(cookie.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The parameters as the page reads them (decoded, trimmed by {@code TrimmedParameters}) in name order, values of
     * one name in their order (which may matter), each name and value prefixed by its length so that no value can
     * pass for another parameter: {@code ?tri=titre&q=eau} and {@code ?q=eau&tri=titre} are one page.
     */
    static String normalised(Map<String, String[]> parameters) {
        StringBuilder key = new StringBuilder();
        parameters.keySet().stream().sorted().forEach(name -> {
            for (String value : parameters.get(name)) {
                key.append(name.length()).append(':').append(name);
                key.append(value.length()).append(':').append(value);
            }
        });
        return key.toString();
    }

    /** Renders through the whole chain; the page if it may be kept (the response is then still empty), else null. */
    private Page render(HttpServletRequest request, HttpServletResponse response, FilterChain chain, long current)
            throws ServletException, IOException {
        ContentCachingResponseWrapper rendered = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, rendered);
        String contentType = rendered.getContentType();
        if (rendered.getStatus() != HttpServletResponse.SC_OK
                || response.isCommitted()
                || response.containsHeader(HttpHeaders.SET_COOKIE)
                || response.containsHeader(HttpHeaders.CONTENT_ENCODING)
                || contentType == null
                || !contentType.startsWith("text/html")
                || rendered.getContentSize() > MAX_PAGE_BYTES) {
            rendered.copyBodyToResponse();
            return null;
        }
        List<String[]> headers = new ArrayList<>();
        headers.add(new String[] {HttpHeaders.CONTENT_TYPE, contentType});
        Locale locale = response.getLocale();
        headers.add(new String[] {HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag()});
        for (String name : Set.copyOf(response.getHeaderNames())) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!NOT_REPLAYED.contains(lower) && !lower.equals("content-type") && !lower.equals("content-language")) {
                response.getHeaders(name).forEach(value -> headers.add(new String[] {name, value}));
            }
        }
        Page page = Page.of(current, rendered.getContentAsByteArray(), List.copyOf(headers));
        response.reset();
        return page;
    }

    /** Whether the client takes gzip: named without {@code q=0}, or not named but {@code *} without {@code q=0}. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        Boolean any = null;
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.split(";");
            String name = parts[0].strip();
            boolean accepted =
                    Arrays.stream(parts).skip(1).map(String::strip).noneMatch(p -> p.matches("(?i)q=0(\\.0*)?"));
            if (name.equalsIgnoreCase("gzip")) {
                return accepted;
            }
            if (name.equals("*")) {
                any = accepted;
            }
        }
        return Boolean.TRUE.equals(any);
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
