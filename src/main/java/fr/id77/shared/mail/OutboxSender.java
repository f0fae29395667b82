package fr.id77.shared.mail;

import fr.id77.shared.jobs.ClusterLock;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the due mails of the outbox.
 * <ul>
 * <li>One pass at a time across all instances ({@link ClusterLock}); rows are also claimed with
 * {@code FOR UPDATE SKIP LOCKED}, so even two passes could never take the same row.</li>
 * <li>No transaction is held across SMTP: a batch is claimed (SENDING) in one short statement, each mail
 * is sent, then marked SENT (or given its next try) at once in its own statement. A crash therefore
 * leaves at most the mail being sent in SENDING; the next pass sends it again (counted as a try). That
 * is the only way a mail can go twice, and it keeps the same {@code Message-ID}, which lets mail
 * servers and clients drop the copy.</li>
 * <li>A failure is retried after 1, 2, 4… minutes (at most 2 h); after {@value #MAX_ATTEMPTS} tries the
 * mail is FAILED and admins can send it again ({@code /admin/courriels}). When the server cannot be
 * reached, the pass stops at the first failure instead of spending a try of every waiting mail.</li>
 * <li>A mail carrying a single-use link ({@link MailOutbox#enqueueWithLink}) has its body blanked once sent or
 * failed for good: no working link stays readable in the database.</li>
 * <li>Without a mail server ({@code spring.mail.host} absent: the embedded run mode) nothing is sent:
 * mails wait in the outbox, readable on {@code /courriels}, and leave once a server is configured.</li>
 * </ul>
 */
@Component
class OutboxSender {

    static final int MAX_ATTEMPTS = 8;
    static final int BATCH = 20;
    /** A pass stops after this many mails so that one instance never monopolises the job. */
    static final int MAX_PER_PASS = 1000;

    private static final long LOCK_KEY = 77_000_001L;
    /**
     * Blanks the body of a mail that carried a link (SQL assignments): once sent, or failed for good (a resend then
     * asks for a fresh link), the link must not stay readable in the database.
     */
    static final String BLANK_LINKS =
            "html_body = CASE WHEN link_kind IS NULL THEN html_body ELSE " + literal(MailOutbox.BLANKED_HTML) + " END, "
                    + "text_body = CASE WHEN link_kind IS NULL THEN text_body ELSE " + literal(MailOutbox.BLANKED_TEXT)
                    + " END";

    private static String literal(String constant) {
        return "'" + constant.replace("'", "''") + "'";
    }

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    record PendingMail(
            long id,
            String recipient,
            String subject,
            String htmlBody,
            String textBody,
            int attempts,
            String attachmentName,
            String attachmentType,
            byte[] attachmentBody) {}

    private final JdbcClient jdbc;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final ClusterLock lock;
    private final String from;
    private final String messageIdDomain;

    OutboxSender(
            JdbcClient jdbc,
            ObjectProvider<JavaMailSender> mailSender,
            ClusterLock lock,
            @Value("${id77.mail.from:ID77 <no-reply@id77.fr>}") String from) {
        this.jdbc = jdbc;
        this.mailSender = mailSender;
        this.lock = lock;
        this.from = from;
        int at = from.lastIndexOf('@');
        this.messageIdDomain =
                at < 0 ? "id77.fr" : from.substring(at + 1).replace(">", "").strip();
    }

    /** One pass over the due mails; returns how many were sent (0 when another instance is running a pass). */
    @Scheduled(
            fixedDelayString = "${id77.mail.poll-interval:PT10S}",
            initialDelayString = "${id77.mail.poll-interval:PT10S}")
    public int sendDue() {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            return 0;
        }
        int[] sent = {0};
        lock.runExclusively(LOCK_KEY, () -> sent[0] = pass(sender));
        return sent[0];
    }

    private int pass(JavaMailSender sender) {
        recoverInterrupted();
        int sent = 0;
        int done = 0;
        while (done < MAX_PER_PASS) {
            List<PendingMail> batch = claim();
            if (batch.isEmpty()) {
                break;
            }
            for (int i = 0; i < batch.size(); i++) {
                PendingMail mail = batch.get(i);
                done++;
                try {
                    sender.send(toMessage(sender, mail));
                    jdbc.sql(
                                    "UPDATE mail_outbox SET status = 'SENT', sent_at = now(), attempts = attempts + 1, last_error = NULL, "
                                            + BLANK_LINKS + " WHERE id = ? AND status = 'SENDING'")
                            .param(mail.id())
                            .update();
                    sent++;
                } catch (Exception e) {
                    failed(mail, e);
                    if (serverUnreachable(e)) {
                        release(batch.subList(i + 1, batch.size()));
                        return sent;
                    }
                }
            }
        }
        return sent;
    }

    /** Rows left SENDING by a pass that died (we hold the lock: no pass is running): try them again. */
    private void recoverInterrupted() {
        int recovered = jdbc.sql("""
                        UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = now(), claimed_at = NULL,
                               status = CASE WHEN attempts + 1 >= :max THEN 'FAILED' ELSE 'PENDING' END,
               html_body = CASE WHEN attempts + 1 >= :max AND link_kind IS NOT NULL THEN :blankHtml ELSE html_body END,
               text_body = CASE WHEN attempts + 1 >= :max AND link_kind IS NOT NULL THEN :blankText ELSE text_body END,
                               last_error = 'Envoi interrompu (arrêt de l''application pendant l''envoi)'
                        WHERE status = 'SENDING'""")
                .param("max", MAX_ATTEMPTS)
                .param("blankHtml", MailOutbox.BLANKED_HTML)
                .param("blankText", MailOutbox.BLANKED_TEXT)
                .update();
        if (recovered > 0) {
            log.warn("{} courriel(s) interrompu(s) pendant leur envoi : ils seront envoyés de nouveau", recovered);
        }
    }

    private List<PendingMail> claim() {
        return jdbc.sql("""
                        UPDATE mail_outbox SET status = 'SENDING', claimed_at = now()
                        WHERE id IN (SELECT id FROM mail_outbox WHERE status = 'PENDING' AND next_attempt_at <= now()
                                     ORDER BY id LIMIT :batch FOR UPDATE SKIP LOCKED)
                        RETURNING id, recipient, subject, html_body, text_body, attempts,
                                  attachment_name, attachment_type, attachment_body""").param("batch", BATCH).query(PendingMail.class).list().stream()
                .sorted(Comparator.comparingLong(PendingMail::id))
                .toList();
    }

    private void release(List<PendingMail> notTried) {
        if (!notTried.isEmpty()) {
            jdbc.sql(
                            "UPDATE mail_outbox SET status = 'PENDING', claimed_at = NULL WHERE id IN (:ids) AND status = 'SENDING'")
                    .param("ids", notTried.stream().map(PendingMail::id).toList())
                    .update();
        }
    }

    private MimeMessage toMessage(JavaMailSender sender, PendingMail mail) throws Exception {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(from);
        helper.setTo(mail.recipient());
        helper.setSubject(mail.subject());
        helper.setText(mail.textBody(), mail.htmlBody());
        if (mail.attachmentName() != null) {
            helper.addAttachment(
                    mail.attachmentName(), new ByteArrayResource(mail.attachmentBody()), mail.attachmentType());
        }
        // the same on every try: a copy sent again after a crash can be recognised as the same mail
        message.setHeader("Message-ID", "<outbox-" + mail.id() + "@" + messageIdDomain + ">");
        return message;
    }

    private void failed(PendingMail mail, Exception e) {
        int attempts = mail.attempts() + 1;
        String status = attempts >= MAX_ATTEMPTS ? "FAILED" : "PENDING";
        Instant next = Instant.now().plus(backoff(attempts));
        log.warn("Envoi du courriel {} impossible (essai {}/{}) : {}", mail.id(), attempts, MAX_ATTEMPTS, e.toString());
        jdbc.sql(
                        "UPDATE mail_outbox SET attempts = ?, status = ?, next_attempt_at = ?, last_error = ?, claimed_at = NULL"
                                + ("FAILED".equals(status) ? ", " + BLANK_LINKS : "")
                                + " WHERE id = ? AND status = 'SENDING'")
                .params(attempts, status, Timestamp.from(next), describe(e), mail.id())
                .update();
    }

    private static String describe(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = e.getMessage() + (root != e ? " (" + root + ")" : "");
        return message.length() > 1000 ? message.substring(0, 1000) : message;
    }

    /** The server cannot be reached or refuses our credentials: every other mail would fail the same way. */
    static boolean serverUnreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException || t instanceof MailAuthenticationException) {
                return true;
            }
        }
        return false;
    }

    /** 1, 2, 4, 8… minutes, at most 2 hours. */
    static Duration backoff(int attempts) {
        return Duration.ofMinutes(Math.min(120, 1L << Math.min(attempts - 1, 10)));
    }
}
