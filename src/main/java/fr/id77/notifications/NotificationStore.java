package fr.id77.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The notification tables: in-app notifications of each person and the channels they turned off. */
@Component
class NotificationStore {

    /** The badge shows « 99+ » beyond this: counting stops there, whatever the backlog. */
    static final int BADGE_CAP = 100;

    record Line(
            long id,
            NotificationEvent event,
            Integer numero,
            String title,
            String body,
            Instant createdAt,
            boolean read) {}

    record Page(List<Line> lines, long total, int page, int totalPages) {}

    /** One box of the settings table; {@link #value()} is its form value, « EVENT:CHANNEL ». */
    record Choice(NotificationEvent event, Channel channel) {
        String value() {
            return event.name() + ":" + channel.name();
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    NotificationStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    // --- preferences -----------------------------------------------------------------------------

    /** Among these people, who turned this event off, per channel (one statement). */
    Map<Channel, Set<Long>> optedOut(Collection<Long> userIds, NotificationEvent event) {
        Map<Channel, Set<Long>> off = new EnumMap<>(Channel.class);
        for (Channel c : Channel.values()) {
            off.put(c, new HashSet<>());
        }
        if (!userIds.isEmpty()) {
            jdbc.sql("SELECT user_id, channel FROM notification_opt_out WHERE event = :event AND user_id IN (:ids)")
                    .param("event", event.name())
                    .param("ids", userIds)
                    .query((RowCallbackHandler)
                            rs -> off.get(Channel.valueOf(rs.getString(2))).add(rs.getLong(1)));
        }
        return off;
    }

    /** What this person turned off. */
    Set<Choice> optedOut(long userId) {
        return new HashSet<>(jdbc.sql("SELECT event, channel FROM notification_opt_out WHERE user_id = ?")
                .param(userId)
                .query((rs, n) ->
                        new Choice(NotificationEvent.valueOf(rs.getString(1)), Channel.valueOf(rs.getString(2))))
                .list());
    }

    /** Records the choices of one person for these events: every combination not in {@code on} is off. */
    @Transactional
    void saveChoices(long userId, Collection<NotificationEvent> events, Set<Choice> on) {
        List<String> names = events.stream().map(Enum::name).toList();
        jdbc.sql("DELETE FROM notification_opt_out WHERE user_id = :u AND event IN (:events)")
                .param("u", userId)
                .param("events", names)
                .update();
        for (NotificationEvent event : events) {
            for (Channel channel : Channel.values()) {
                if (!on.contains(new Choice(event, channel))) {
                    jdbc.sql("INSERT INTO notification_opt_out (user_id, event, channel) VALUES (?, ?, ?)")
                            .params(userId, event.name(), channel.name())
                            .update();
                }
            }
        }
    }

    // --- in-app notifications --------------------------------------------------------------------

    void add(
            long userId,
            NotificationEvent event,
            Long requestId,
            Integer numero,
            String title,
            String body,
            String link) {
        jdbc.sql("""
                        INSERT INTO notification (user_id, event, request_id, request_numero, title, body, link, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(userId, event.name(), requestId, numero, title, body, link, Timestamp.from(clock.instant()))
                .update();
    }

    /** Unread notifications of a person, counted up to {@link #BADGE_CAP}: one statement on the partial index. */
    int unread(long userId) {
        return jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM notification WHERE user_id = ? AND read_at IS NULL LIMIT "
                        + BADGE_CAP + ") unread")
                .param(userId)
                .query(Integer.class)
                .single();
    }

    /** One page of a person's notifications, newest first: two statements whatever their number. */
    Page page(long userId, int page, int size) {
        long total = jdbc.sql("SELECT count(*) FROM notification WHERE user_id = ?")
                .param(userId)
                .query(Long.class)
                .single();
        int totalPages = (int) Math.max(1, (total + size - 1) / size);
        int current = Math.min(Math.max(page, 1), totalPages);
        List<Line> lines = total == 0
                ? List.of()
                : jdbc.sql("""
                        SELECT id, event, request_numero, title, body, created_at, read_at IS NOT NULL FROM notification
                        WHERE user_id = ? ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?""")
                        .params(userId, size, (current - 1) * size)
                        .query((rs, n) -> new Line(
                                rs.getLong(1),
                                NotificationEvent.valueOf(rs.getString(2)),
                                rs.getObject(3, Integer.class),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getTimestamp(6).toInstant(),
                                rs.getBoolean(7)))
                        .list();
        return new Page(lines, total, current, totalPages);
    }

    /** Marks one of this person's notifications read and returns where it leads; empty if it is not theirs. */
    Optional<String> open(long userId, long id) {
        return jdbc.sql(
                        "UPDATE notification SET read_at = coalesce(read_at, now()) WHERE id = ? AND user_id = ? RETURNING link")
                .params(id, userId)
                .query(String.class)
                .optional();
    }

    int markAllRead(long userId) {
        return jdbc.sql("UPDATE notification SET read_at = now() WHERE user_id = ? AND read_at IS NULL")
                .param(userId)
                .update();
    }
}
