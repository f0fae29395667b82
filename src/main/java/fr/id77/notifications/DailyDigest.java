package fr.id77.notifications;

import fr.id77.shared.jobs.ClusterLock;
import fr.id77.shared.mail.MailOutbox;
import fr.id77.shared.time.TimeConfiguration;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily digest of ID77's staff: for the events a person chose (« Résumé quotidien » in their settings), what would
 * have been a mail is kept ({@code notification_digest_item}, V54) and sent at 8:00 as one mail listing everything
 * since the last digest, grouped by request. Each person's digest is queued in the outbox in the same transaction as
 * its lines are deleted: a digest goes once, even if the job runs twice or an instance dies in the middle (the
 * people not reached yet are reached at the next run). One instance at a time runs it ({@link ClusterLock}).
 */
@Component
class DailyDigest {

    static final long LOCK_KEY = 77_000_110L;

    /** One line of a digest: what happened, when, and where to read it. */
    public record Item(String title, String body, String link, String at) {}

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm", Locale.FRANCE).withZone(TimeConfiguration.PARIS);

    /** The lines of one request (or of none: « Autres »), in the order they happened. */
    public record Group(String heading, String link, List<Item> items) {}

    private final JdbcClient jdbc;
    private final MailOutbox mail;
    private final ClusterLock lock;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DailyDigest(JdbcClient jdbc, MailOutbox mail, ClusterLock lock, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.mail = mail;
        this.lock = lock;
        this.transactions = transactions;
        this.clock = clock;
    }

    // --- choices ---------------------------------------------------------------------------------

    /** Among these people, those who chose the digest for {@code event}. */
    Set<Long> chosenBy(Collection<Long> userIds, NotificationEvent event) {
        if (userIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(
                jdbc.sql("SELECT user_id FROM notification_digest_choice WHERE event = :e AND user_id IN (:u)")
                        .param("e", event.name())
                        .param("u", userIds)
                        .query(Long.class)
                        .list());
    }

    /** The events whose mails this person receives in the digest. */
    Set<NotificationEvent> chosenBy(long userId) {
        Set<NotificationEvent> events = new HashSet<>();
        jdbc.sql("SELECT event FROM notification_digest_choice WHERE user_id = ?")
                .param(userId)
                .query(String.class)
                .list()
                .forEach(name -> {
                    try {
                        events.add(NotificationEvent.valueOf(name));
                    } catch (IllegalArgumentException e) {
                        // an event that no longer exists: ignored
                    }
                });
        return events;
    }

    /** Saves the events among {@code shown} whose mails go to the digest; the others are mailed at once. */
    void choose(long userId, Collection<NotificationEvent> shown, Set<NotificationEvent> digest) {
        jdbc.sql("DELETE FROM notification_digest_choice WHERE user_id = :u AND event IN (:events)")
                .param("u", userId)
                .param("events", shown.stream().map(Enum::name).toList())
                .update();
        for (NotificationEvent event : shown) {
            if (digest.contains(event)) {
                jdbc.sql("INSERT INTO notification_digest_choice (user_id, event) VALUES (?, ?)")
                        .params(userId, event.name())
                        .update();
            }
        }
    }

    // --- lines -----------------------------------------------------------------------------------

    /** Keeps for {@code userId}'s next digest what would have been a mail (in the caller's transaction). */
    void keep(long userId, Notifier.Message message, String body) {
        jdbc.sql("INSERT INTO notification_digest_item (user_id, event, request_numero, title, body, link, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        userId,
                        message.event().name(),
                        message.numero(),
                        message.title(),
                        body,
                        message.link(),
                        Timestamp.from(clock.instant()))
                .update();
    }

    // --- the job ---------------------------------------------------------------------------------

    @Scheduled(cron = "${id77.notifications.digest.cron:0 0 8 * * *}", zone = "Europe/Paris")
    public void scheduled() {
        lock.runExclusively(LOCK_KEY, this::sendAll);
    }

    /** Sends the digest of every person with lines waiting; returns how many digests were queued. */
    int sendAll() {
        int sent = 0;
        for (long userId : jdbc.sql("SELECT DISTINCT user_id FROM notification_digest_item")
                .query(Long.class)
                .list()) {
            if (Boolean.TRUE.equals(transactions.execute(status -> send(userId)))) {
                sent++;
            }
        }
        return sent;
    }

    /**
     * One person's digest: their waiting lines, locked (another run skips them), queued as one mail and deleted
     * together. Lines of a person who can no longer be told (account disabled, no address) are dropped unmailed.
     */
    private boolean send(long userId) {
        List<Long> ids = new ArrayList<>();
        Map<String, Group> groups = new LinkedHashMap<>();
        jdbc.sql("SELECT id, request_numero, title, body, link, created_at FROM notification_digest_item "
                        + "WHERE user_id = ? ORDER BY request_numero NULLS LAST, created_at, id "
                        + "FOR UPDATE SKIP LOCKED")
                .param(userId)
                .query(rs -> {
                    ids.add(rs.getLong(1));
                    Integer numero = rs.getObject(2, Integer.class);
                    Group group = groups.computeIfAbsent(
                            numero == null ? "" : String.valueOf(numero),
                            key -> new Group(
                                    numero == null ? "Autres nouvelles" : "Demande N°" + numero,
                                    numero == null ? null : mail.link("/demandes/" + numero),
                                    new ArrayList<>()));
                    group.items()
                            .add(new Item(
                                    rs.getString(3),
                                    rs.getString(4),
                                    mail.link(rs.getString(5)),
                                    WHEN.format(rs.getTimestamp(6).toInstant())));
                });
        if (ids.isEmpty()) {
            return false;
        }
        record Recipient(String name, String email) {}
        List<Recipient> recipient = jdbc.sql("SELECT first_name || ' ' || last_name, email FROM app_user "
                        + "WHERE id = ? AND status = 'ACTIVE' AND email IS NOT NULL AND email <> ''")
                .param(userId)
                .query((rs, n) -> new Recipient(rs.getString(1), rs.getString(2)))
                .list();
        boolean mailed = !recipient.isEmpty();
        if (mailed) {
            Map<String, Object> vars = new LinkedHashMap<>();
            vars.put("name", recipient.getFirst().name());
            vars.put("count", ids.size());
            vars.put("groups", List.copyOf(groups.values()));
            vars.put("settingsLink", mail.link("/notifications/parametres"));
            mail.enqueue(
                    recipient.getFirst().email(),
                    "ID77 – Votre résumé quotidien : " + ids.size() + (ids.size() == 1 ? " nouvelle" : " nouvelles"),
                    "resume-quotidien",
                    vars);
        }
        jdbc.sql("DELETE FROM notification_digest_item WHERE id IN (:ids)")
                .param("ids", ids)
                .update();
        return mailed;
    }
}
