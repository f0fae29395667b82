package fr.id77.shared.mail;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends the due mails of the outbox. Rows are taken with {@code FOR UPDATE SKIP LOCKED}, so several
 * application instances never send the same mail twice. A failure is retried with a growing delay,
 * and the mail is marked FAILED after {@value #MAX_ATTEMPTS} tries. Without a mail server
 * ({@code spring.mail.host} absent: the embedded run mode) mails stay readable in the outbox only.
 */
@Component
class OutboxSender {

    static final int MAX_ATTEMPTS = 8;
    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    record PendingMail(long id, String recipient, String subject, String htmlBody, String textBody, int attempts) {
    }

    private final JdbcClient jdbc;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final String from;

    OutboxSender(JdbcClient jdbc, ObjectProvider<JavaMailSender> mailSender,
                 @Value("${id77.mail.from:ID77 <no-reply@id77.fr>}") String from) {
        this.jdbc = jdbc;
        this.mailSender = mailSender;
        this.from = from;
    }

    @Scheduled(fixedDelayString = "${id77.mail.poll-interval:PT10S}", initialDelayString = "${id77.mail.poll-interval:PT10S}")
    @Transactional
    public void sendDue() {
        List<PendingMail> due = jdbc.sql("""
                        SELECT id, recipient, subject, html_body, text_body, attempts FROM mail_outbox
                        WHERE status = 'PENDING' AND next_attempt_at <= now()
                        ORDER BY id LIMIT 20 FOR UPDATE SKIP LOCKED""")
                .query(PendingMail.class).list();
        JavaMailSender sender = mailSender.getIfAvailable();
        for (PendingMail mail : due) {
            try {
                if (sender != null) {
                    sender.send(toMessage(sender, mail));
                }
                jdbc.sql("UPDATE mail_outbox SET status = 'SENT', sent_at = now(), attempts = attempts + 1 WHERE id = ?")
                        .param(mail.id()).update();
            } catch (Exception e) {
                failed(mail, e);
            }
        }
    }

    private MimeMessage toMessage(JavaMailSender sender, PendingMail mail) throws Exception {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(from);
        helper.setTo(mail.recipient());
        helper.setSubject(mail.subject());
        helper.setText(mail.textBody(), mail.htmlBody());
        return message;
    }

    private void failed(PendingMail mail, Exception e) {
        int attempts = mail.attempts() + 1;
        String status = attempts >= MAX_ATTEMPTS ? "FAILED" : "PENDING";
        Instant next = Instant.now().plus(backoff(attempts));
        log.warn("Envoi du courriel {} impossible (essai {}/{}) : {}", mail.id(), attempts, MAX_ATTEMPTS, e.toString());
        jdbc.sql("UPDATE mail_outbox SET attempts = ?, status = ?, next_attempt_at = ?, last_error = ? WHERE id = ?")
                .params(attempts, status, java.sql.Timestamp.from(next), String.valueOf(e.getMessage()), mail.id())
                .update();
    }

    /** 1, 2, 4, 8… minutes, at most 2 hours. */
    static Duration backoff(int attempts) {
        return Duration.ofMinutes(Math.min(120, 1L << Math.min(attempts - 1, 10)));
    }
}
