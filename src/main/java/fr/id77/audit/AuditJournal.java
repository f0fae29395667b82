package fr.id77.audit;

import fr.id77.account.Accounts;
import fr.id77.shared.web.DateFormats;
import fr.id77.shared.web.LikePattern;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the journal of decisions (one row per decision, in the decision's transaction, never changed
 * afterwards: the table's trigger refuses it) and reads it back for admins, newest first, filtered.
 */
@Service
class AuditJournal {

    static final int PAGE_SIZE = 50;

    /** One decision, as the journal shows it. */
    record Entry(
            long id, Instant occurredAt, String actorName, AuditAction action, String subjectLabel, String detail) {}

    /** A page of the journal and how many entries match the filters. */
    record Page(List<Entry> entries, long total, int page, int totalPages) {}

    private final JdbcClient jdbc;
    private final Accounts accounts;

    AuditJournal(JdbcClient jdbc, Accounts accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    /** Records a decision taken by the account {@code actorId}; {@code detail} is its reason or what changed. */
    @Transactional
    void record(long actorId, AuditAction action, long subjectId, String subjectLabel, String detail) {
        String actorName = accounts.summary(actorId)
                .map(a -> a.displayName() + " (" + a.identifiant() + ")")
                .orElse("Compte n° " + actorId);
        jdbc.sql("""
                        INSERT INTO audit_entry (actor_id, actor_name, action, subject_type, subject_id, subject_label, detail)
                        VALUES (:actor, :actorName, :action, :type, :subject, :label, :detail)""")
                .param("actor", actorId)
                .param("actorName", cut(actorName, 220))
                .param("action", action.name())
                .param("type", action.subject().name())
                .param("subject", subjectId)
                .param("label", cut(subjectLabel, 400))
                .param("detail", detail == null || detail.isBlank() ? null : detail.strip())
                .update();
    }

    @Transactional(readOnly = true)
    Page page(AuditQuery q) {
        StringBuilder where = new StringBuilder(" WHERE true");
        Map<String, Object> params = new HashMap<>();
        if (q.action() != null) {
            where.append(" AND action = :action");
            params.put("action", q.action().name());
        }
        if (!q.subject().isEmpty()) {
            where.append(" AND lower(subject_label) LIKE :subject ESCAPE '\\'");
            params.put("subject", LikePattern.containing(q.subject()));
        }
        if (q.from() != null) {
            where.append(" AND occurred_at >= :from");
            params.put(
                    "from",
                    Timestamp.from(q.from().atStartOfDay(DateFormats.PARIS).toInstant()));
        }
        if (q.to() != null) {
            where.append(" AND occurred_at < :to");
            params.put(
                    "to",
                    Timestamp.from(
                            q.to().plusDays(1).atStartOfDay(DateFormats.PARIS).toInstant()));
        }
        long total = jdbc.sql("SELECT count(*) FROM audit_entry" + where)
                .params(params)
                .query(Long.class)
                .single();
        int totalPages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int page = Math.min(q.page(), totalPages);
        params.put("limit", PAGE_SIZE);
        params.put("offset", (long) (page - 1) * PAGE_SIZE);
        List<Entry> entries = new ArrayList<>(
                jdbc.sql("SELECT id, occurred_at, actor_name, action, subject_label, detail FROM audit_entry" + where
                                + " ORDER BY occurred_at DESC, id DESC LIMIT :limit OFFSET :offset")
                        .params(params)
                        .query((rs, n) -> new Entry(
                                rs.getLong(1),
                                rs.getTimestamp(2).toInstant(),
                                rs.getString(3),
                                AuditAction.valueOf(rs.getString(4)),
                                rs.getString(5),
                                rs.getString(6)))
                        .list());
        return new Page(entries, total, page, totalPages);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
