package fr.id77.audit;

import fr.id77.shared.web.DateFormats;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other modules (the admin dashboard) read of the journal of decisions: its latest lines and counts. */
@Service
public class RecentDecisions {

    /** A decision: when, by whom, what, on what, and the address of the journal showing that kind of decision. */
    public record Decision(Instant at, String actorName, String what, String subjectLabel, String journalUrl) {}

    private final JdbcClient jdbc;

    RecentDecisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The {@code limit} latest decisions, newest first (one statement on the journal's index in that order). */
    @Transactional(readOnly = true)
    public List<Decision> latest(int limit) {
        return jdbc.sql("SELECT occurred_at, actor_name, action, subject_label FROM audit_entry "
                        + "ORDER BY occurred_at DESC, id DESC LIMIT :limit")
                .param("limit", limit)
                .query((rs, n) -> {
                    AuditAction action = AuditAction.valueOf(rs.getString(3));
                    return new Decision(
                            rs.getTimestamp(1).toInstant(),
                            rs.getString(2),
                            action.label(),
                            rs.getString(4),
                            "/admin/journal?action=" + action.name());
                })
                .list();
    }

    /** How many adhesions were validated from {@code since} (a day, Paris time) on. */
    @Transactional(readOnly = true)
    public long adhesionsValidatedSince(LocalDate since) {
        return countSince(AuditAction.ADHESION_VALIDATED, since);
    }

    /** The journal's address listing the adhesions validated from {@code since} on. */
    public static String adhesionsValidatedUrl(LocalDate since) {
        return "/admin/journal?action=" + AuditAction.ADHESION_VALIDATED.name() + "&du=" + since;
    }

    private long countSince(AuditAction action, LocalDate since) {
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = :action AND occurred_at >= :since")
                .param("action", action.name())
                .param(
                        "since",
                        Timestamp.from(since.atStartOfDay(DateFormats.PARIS).toInstant()))
                .query(Long.class)
                .single();
    }
}
