package fr.id77.requests;

import fr.id77.shared.time.TimeConfiguration;
import fr.id77.shared.time.WorkingDays;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What moved on requests, for the dashboards and the « nouveautés » markers: each person's last view of each request
 * ({@code request_view}, V39), the activity of others since (comments, files, status changes: what every person who
 * may open the request sees on its page, never the internal contact changes), the platform's figures per status and
 * its latest filings and status changes. Every read is one statement, whatever the number of requests.
 */
@Service
public class RequestActivity {

    /** The kinds of history lines that are news to the other people of a request. */
    static final String NEWS_KINDS = "('COMMENT', 'ATTACHMENT', 'STATUS')";

    /** News to the staff of a request: also the internal notes, which the collectivity never sees. */
    static final String STAFF_NEWS_KINDS = "('COMMENT', 'ATTACHMENT', 'STATUS', 'NOTE')";

    /** Lines a dashboard section shows at most (the rest is one link away, in the requests list). */
    public static final int SECTION_SIZE = 10;

    /**
     * A request on a dashboard: when it was filed, its last exchange (comment or file, by anyone; null if none) and
     * how many things others did since the viewer last opened it.
     */
    public record DeskLine(
            int numero,
            RequestStatus status,
            long offerId,
            long collectivityId,
            Instant filedAt,
            Instant lastExchange,
            long news,
            LocalDate dueOn) {}

    /** The first lines of a section and how many requests it holds in all. */
    public record Section(List<DeskLine> lines, long total) {}

    /** A chef de file's desk: his requests waiting (oldest first), in progress, and those with unseen exchanges. */
    public record Desk(Section toProcess, Section inProgress, Section news) {}

    /** A filing or a status change somewhere on the platform. */
    public record RecentChange(
            Instant at, int numero, long offerId, long actorId, boolean filed, RequestStatus from, RequestStatus to) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    RequestActivity(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Remembers that {@code userId} has just opened the request: what others did until now is no longer news. Every
     * opening of a request page writes this; it commits without waiting for the WAL flush (set in the statement
     * itself, as the session's touch in SessionConfiguration): a crash of PostgreSQL could at worst show a few
     * « nouveautés » again.
     */
    @Transactional
    void seen(long requestId, long userId) {
        jdbc.sql("INSERT INTO request_view (user_id, request_id, seen_at) SELECT :user, :request, :at "
                        + "WHERE set_config('synchronous_commit', 'off', true) = 'off' "
                        + "ON CONFLICT (user_id, request_id) DO UPDATE SET seen_at = excluded.seen_at")
                .param("user", userId)
                .param("request", requestId)
                .param("at", Timestamp.from(clock.instant()))
                .update();
    }

    /**
     * How many things others did on each of these requests since {@code userId} last opened it (since the
     * markers exist if never), internal notes counted only for {@code staff}:
     * only the requests with news are in the map. One statement.
     */
    @Transactional(readOnly = true)
    public Map<Integer, Long> news(Collection<Integer> numeros, long userId, boolean staff) {
        if (numeros.isEmpty()) {
            return Map.of();
        }
        Map<Integer, Long> news = new HashMap<>();
        jdbc.sql("SELECT r.numero, count(*) FROM request r "
                        + "LEFT JOIN request_view v ON v.request_id = r.id AND v.user_id = :me "
                        + "JOIN request_event e ON e.request_id = r.id AND " + unseen(staff)
                        + " WHERE r.numero IN (:numeros) GROUP BY r.numero")
                .param("me", userId)
                .param("numeros", Set.copyOf(numeros))
                .query(rs -> {
                    news.put(rs.getInt(1), rs.getLong(2));
                });
        return news;
    }

    /**
     * The desk of {@code userId} (a chef de file, or an admin for himself): « À traiter » (his requests waiting, oldest
     * first), « En cours » (the longest without exchange first) and « Nouveautés » (requests he may see with comments,
     * files or internal notes he has not seen, the latest first). His requests: those he is chef de file or responsable
     * of, read as two disjoint parts, each from its index in the section's order; his news also cover the requests of
     * the offers he leads, as the list does. Three statements, one per section, each picking its first lines and
     * counting the rest before it reads the news of those lines only. PostgreSQL keeps each request's last exchange
     * and each agent's unseen writings ({@code request_news}, V62): no section reads the history of all his requests.
     */
    @Transactional(readOnly = true)
    public Desk desk(long userId) {
        Map<String, Object> params = Map.of("me", userId);
        return new Desk(
                section(his("EN_ATTENTE", "r.created_at, r.numero"), "d.created_at, d.numero", params),
                section(
                        his("EN_COURS", "r.last_exchange_at NULLS FIRST, r.created_at, r.numero"),
                        "d.last_exchange NULLS FIRST, d.created_at, d.numero",
                        params),
                section(
                        COLUMNS + "n.last_at AS last_exchange, n.total FROM (SELECT request_id, last_at, "
                                + "count(*) OVER () AS total FROM request_news WHERE user_id = :me "
                                + "ORDER BY last_at DESC, request_id DESC LIMIT " + SECTION_SIZE
                                + ") n JOIN request r ON r.id = n.request_id",
                        "d.last_exchange DESC, d.id DESC",
                        params));
    }

    /** The parts of {@code :me}'s own requests: those he is chef de file of, those he is only responsable of. */
    private static final List<String> HIS =
            List.of("r.chef_de_file_id = :me", "r.responsable_id = :me AND r.chef_de_file_id IS DISTINCT FROM :me");

    /**
     * His requests of a status in this order: the first lines of each part, merged, with the count of both parts
     * (computed once for the section).
     */
    private static String his(String status, String order) {
        String where = " AND r.status = '" + status + "'";
        return "SELECT r.*, "
                + HIS.stream()
                        .map(part -> "(SELECT count(*) FROM request r WHERE " + part + where + ")")
                        .collect(Collectors.joining(" + "))
                + " AS total FROM ("
                + HIS.stream()
                        .map(part -> "(" + COLUMNS + "r.last_exchange_at AS last_exchange FROM request r WHERE " + part
                                + where + " ORDER BY " + order + " LIMIT " + SECTION_SIZE + ")")
                        .collect(Collectors.joining(" UNION ALL "))
                + ") r ORDER BY " + order.replace("r.last_exchange_at", "r.last_exchange");
    }

    /** What a section picks of each request, before its last exchange and the section's total. */
    private static final String COLUMNS =
            "SELECT r.id, r.numero, r.status, r.offer_id, r.collectivity_id, r.created_at, r.due_on, ";

    /**
     * A section of the desk: {@code picked} gives its requests in order ({@link #COLUMNS}, their
     * {@code last_exchange} and the {@code total} of the section), of which the first {@link #SECTION_SIZE} get
     * their news counted.
     */
    private Section section(String picked, String order, Map<String, Object> params) {
        long[] total = {0};
        List<DeskLine> lines = jdbc.sql("SELECT d.numero, d.status, d.offer_id, d.collectivity_id, d.created_at, "
                        + "d.last_exchange, n.news, d.total, d.due_on FROM (SELECT * FROM (" + picked + ") p LIMIT "
                        + SECTION_SIZE + ") d LEFT JOIN request_view v ON v.request_id = d.id AND v.user_id = :me "
                        + "CROSS JOIN LATERAL (SELECT count(*) AS news FROM request_event e WHERE e.request_id = d.id AND "
                        + unseen(true) + ") n ORDER BY " + order)
                .params(params)
                .query((rs, n) -> {
                    total[0] = rs.getLong(8);
                    Timestamp last = rs.getTimestamp(6);
                    return new DeskLine(
                            rs.getInt(1),
                            RequestStatus.valueOf(rs.getString(2)),
                            rs.getLong(3),
                            rs.getLong(4),
                            rs.getTimestamp(5).toInstant(),
                            last == null ? null : last.toInstant(),
                            rs.getLong(7),
                            rs.getObject(9, LocalDate.class));
                })
                .list();
        return new Section(lines, total[0]);
    }

    /**
     * A line of history {@code e} of the request {@code r} that is news to {@code :me}: by someone else, of a kind
     * he sees on the request's page (internal notes only for {@code staff}), after his last view ({@code v}) or, a
     * request he never opened, since the markers exist (V39: what happened before, nobody can tell whether he saw it).
     */
    private static String unseen(boolean staff) {
        return "e.created_at > coalesce(v.seen_at, (SELECT started_at FROM request_view_start))" + " AND e.kind IN "
                + (staff ? STAFF_NEWS_KINDS : NEWS_KINDS) + " AND e.actor_id <> :me";
    }

    /** Requests per status on the whole platform (kept by the database, V36). */
    @Transactional(readOnly = true)
    public Map<RequestStatus, Long> countsByStatus() {
        Map<RequestStatus, Long> counts = new EnumMap<>(RequestStatus.class);
        jdbc.sql("SELECT status, requests FROM request_status_count").query(rs -> {
            counts.merge(RequestStatus.valueOf(rs.getString(1)), rs.getLong(2), Long::sum);
        });
        return counts;
    }

    /**
     * How many requests are late on the deadline running in their status (to answer, to complete: V44's stored due
     * date, read through its index): one statement.
     */
    @Transactional(readOnly = true)
    public long late() {
        return jdbc.sql("SELECT count(*) FROM request WHERE due_on < :today")
                .param("today", LocalDate.now(clock.withZone(TimeConfiguration.PARIS)))
                .query(Long.class)
                .single();
    }

    /** How many requests wait (« En attente ») for more than each of these numbers of working days: one statement. */
    @Transactional(readOnly = true)
    public Map<Integer, Long> waitingLongerThan(List<Integer> workingDays) {
        LocalDate today = LocalDate.now(clock.withZone(TimeConfiguration.PARIS));
        Map<String, Object> params = new HashMap<>();
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < workingDays.size(); i++) {
            sql.append(i == 0 ? "" : ", ")
                    .append("count(*) FILTER (WHERE created_at < :before")
                    .append(i)
                    .append(')');
            params.put("before" + i, Timestamp.from(filedBefore(workingDays.get(i), today)));
        }
        sql.append(" FROM request WHERE status = 'EN_ATTENTE'");
        Map<Integer, Long> counts = new LinkedHashMap<>();
        jdbc.sql(sql.toString()).params(params).query(rs -> {
            for (int i = 0; i < workingDays.size(); i++) {
                counts.put(workingDays.get(i), rs.getLong(i + 1));
            }
        });
        return counts;
    }

    /**
     * The moment before which a request was filed if, on {@code today}, it is more than {@code workingDays} working
     * days old ({@link WorkingDays#between}): the start (Paris time) of the day after the latest such filing day.
     */
    static Instant filedBefore(int workingDays, LocalDate today) {
        LocalDate day = today;
        while (WorkingDays.between(day, today) <= workingDays) {
            day = day.minusDays(1);
        }
        return day.plusDays(1).atStartOfDay(TimeConfiguration.PARIS).toInstant();
    }

    /** The {@code limit} latest filings and status changes of the platform, newest first: one statement. */
    @Transactional(readOnly = true)
    public List<RecentChange> recentChanges(int limit) {
        return jdbc.sql("SELECT e.created_at, r.numero, r.offer_id, e.actor_id, e.kind, e.from_status, e.to_status "
                        + "FROM request_event e JOIN request r ON r.id = e.request_id "
                        + "WHERE e.kind IN ('CREATED', 'STATUS') ORDER BY e.created_at DESC, e.id DESC LIMIT :limit")
                .param("limit", limit)
                .query((rs, n) -> new RecentChange(
                        rs.getTimestamp(1).toInstant(),
                        rs.getInt(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        "CREATED".equals(rs.getString(5)),
                        status(rs.getString(6)),
                        status(rs.getString(7))))
                .list();
    }

    private static RequestStatus status(String name) {
        return name == null ? null : RequestStatus.valueOf(name);
    }
}
