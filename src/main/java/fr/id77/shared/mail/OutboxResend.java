package fr.id77.shared.mail;

import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * « Renvoyer » on the admins' page. A plain mail gets a fresh series of tries. A failed mail that carried a
 * single-use link is never sent again as it was (its body is blanked): it is marked REPLACED and its owning module
 * is asked, through {@link LinkMailReissueRequested}, to send a new mail with a fresh link, in this transaction.
 */
@Service
class OutboxResend {

    record Target(long id, String status, String linkKind, Long linkOwner, String recipient, String subject) {}

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    OutboxResend(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Sends this mail again (soon); false when it is no longer waiting or failed (it was just sent). */
    @Transactional
    boolean resend(long id) {
        return jdbc.sql("SELECT id, status, link_kind, link_owner, recipient, subject FROM mail_outbox "
                        + "WHERE id = ? AND status IN ('FAILED', 'PENDING') FOR UPDATE")
                .param(id)
                .query(Target.class)
                .optional()
                .map(this::resend)
                .orElse(false);
    }

    /** Sends every failed mail again; returns how many. */
    @Transactional
    int resendAllFailed() {
        List<Target> failed = jdbc.sql("SELECT id, status, link_kind, link_owner, recipient, subject FROM mail_outbox "
                        + "WHERE status = 'FAILED' ORDER BY id FOR UPDATE")
                .query(Target.class)
                .list();
        failed.forEach(this::resend);
        return failed.size();
    }

    private boolean resend(Target mail) {
        if (mail.linkKind() != null && mail.linkOwner() != null && "FAILED".equals(mail.status())) {
            jdbc.sql("UPDATE mail_outbox SET status = 'REPLACED', " + OutboxSender.BLANK_LINKS + " WHERE id = ?")
                    .param(mail.id())
                    .update();
            events.publishEvent(
                    new LinkMailReissueRequested(mail.linkKind(), mail.linkOwner(), mail.recipient(), mail.subject()));
            return true;
        }
        jdbc.sql("""
                        UPDATE mail_outbox SET next_attempt_at = now(), last_error = NULL,
                               attempts = CASE WHEN status = 'FAILED' THEN 0 ELSE attempts END, status = 'PENDING'
                        WHERE id = ?""").param(mail.id()).update();
        return true;
    }
}
