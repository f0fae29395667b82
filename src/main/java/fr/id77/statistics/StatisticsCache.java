package fr.id77.statistics;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import fr.id77.catalogue.Offers.OfferRef;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * The figures of {@code /statistiques} computed once per data version (issue 13): reading and folding a year of the
 * département (30,000 requests) and rendering its charts and tables (130 KB of HTML) took most of the page's time,
 * although they change only when the data they count does.
 *
 * <p>An entry is keyed by everything the figures depend on: the query, the viewer's scope (admin, who also sees the
 * adhesions, or a chef de file's offers — the offers themselves, so that two scopes never share an entry), the day in
 * Paris (the current period ends today), and the versions of the data read in the same REPEATABLE READ snapshot as the
 * figures: {@code statistics_version} (V63: requests, their history, ratings, collectivities, adhesions) and
 * {@code catalogue_version} (V38: offers, domains, typologies). Any committed change, on any instance, moves the
 * version read by the next display, which then misses: no figure older than the data is ever shown. An entry is
 * dropped after {@code id77.statistics.cache.ttl} anyway, and the entries weigh at most
 * {@code id77.statistics.cache.max-size}.
 *
 * <p>What is not the same for every viewer of a scope (the form and its CSRF token, the user's name in the layout) is
 * never in an entry: the entry holds the {@link Report} and the HTML of the figures alone, rendered by Thymeleaf (so
 * escaped as the page always was).
 */
@Component
class StatisticsCache {

    /** The figures for one key: the report, and its HTML once a page asked for it (a CSV download does not). */
    record Entry(Report report, String html) {

        int weight() {
            // the report's objects are a few tens of kilobytes; the HTML, Latin-1 mostly, one byte a character
            return 32 * 1024 + (html == null ? 0 : html.length());
        }
    }

    /**
     * Everything an entry depends on. {@code scope} is the offers the viewer may see as the catalogue gave them (an
     * admin's too: their codes and titles are in the figures, and the catalogue's own cache of them may lag the
     * version read here by its re-check interval).
     */
    private record Key(
            boolean admin,
            List<OfferRef> scope,
            StatisticsQuery query,
            LocalDate day,
            long statisticsVersion,
            long catalogueVersion) {}

    private final Statistics statistics;
    private final JdbcClient jdbc;
    private final Cache<Key, Entry> entries;

    StatisticsCache(
            Statistics statistics,
            JdbcClient jdbc,
            @Value("${id77.statistics.cache.ttl:10m}") Duration ttl,
            @Value("${id77.statistics.cache.max-size:32MB}") DataSize maxSize) {
        this.statistics = statistics;
        this.jdbc = jdbc;
        this.entries = Caffeine.newBuilder()
                .expireAfterWrite(ttl)
                .maximumWeight(maxSize.toBytes())
                .weigher((Key key, Entry entry) -> entry.weight())
                .recordStats()
                .build();
    }

    /**
     * The figures of {@code q} for {@code viewer}, who may see {@code visible}; with their HTML drawn by {@code render}
     * when {@code render} is not null. The versions and, on a miss, the figures are read in one snapshot; concurrent
     * misses of one key compute it once.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    Entry figures(
            StatisticsQuery q, Statistics.Viewer viewer, List<OfferRef> visible, Function<Report, String> render) {
        Key key = jdbc.sql("SELECT s.version, c.version FROM statistics_version s, catalogue_version c")
                .query((rs, row) -> new Key(
                        viewer.admin(), List.copyOf(visible), q, statistics.today(), rs.getLong(1), rs.getLong(2)))
                .single();
        Entry entry = entries.get(key, k -> {
            Report report = statistics.report(q, viewer, visible);
            return new Entry(report, render == null ? null : render.apply(report));
        });
        if (render != null && entry.html() == null) {
            // computed for a CSV download: the page draws it once, and the entry is weighed again with its HTML
            entry = new Entry(entry.report(), render.apply(entry.report()));
            entries.put(key, entry);
        }
        return entry;
    }

    /** Hits and misses, for the tests. */
    CacheStats stats() {
        return entries.stats();
    }
}
