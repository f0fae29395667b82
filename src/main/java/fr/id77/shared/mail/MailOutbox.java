package fr.id77.shared.mail;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Writes e-mails to the persistent outbox, in the caller's transaction: the mail leaves only if the
 * change that caused it is committed, and a mail server outage loses nothing ({@link OutboxSender} sends).
 */
@Service
public class MailOutbox {

    private final JdbcClient jdbc;
    private final TemplateEngine mailTemplates;
    private final String baseUrl;

    MailOutbox(JdbcClient jdbc, MailTemplates mailTemplates, @Value("${id77.base-url}") String baseUrl) {
        this.jdbc = jdbc;
        this.mailTemplates = mailTemplates.engine();
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /**
     * Renders {@code templates/mail/{templateName}.html} and {@code .txt} with the variables (plus
     * {@code baseUrl}) and queues the mail. Links in templates are written {@code ${baseUrl} + '/path'}.
     */
    @Transactional
    public void enqueue(String to, String subject, String templateName, Map<String, ?> variables) {
        insert(to, subject, templateName, variables, null, null, null);
    }

    /** A file sent with a mail (a training session's {@code .ics}): its name, media type and content. */
    public record Attachment(String name, String contentType, byte[] body) {}

    /** Like {@link #enqueue(String, String, String, Map)}, the mail carrying {@code attachment}. */
    @Transactional
    public void enqueue(
            String to, String subject, String templateName, Map<String, ?> variables, Attachment attachment) {
        insert(to, subject, templateName, variables, null, null, attachment);
    }

    /**
     * Queues a mail carrying a live single-use link. Its body is blanked once sent (or failed for good), the admins'
     * page never shows it, and « Renvoyer » on it publishes {@link LinkMailReissueRequested} with this {@code linkKind}
     * and {@code owner}, so that the module owning the link sends a fresh one instead of the old body.
     */
    @Transactional
    public void enqueueWithLink(
            String to, String subject, String templateName, Map<String, ?> variables, String linkKind, long owner) {
        insert(to, subject, templateName, variables, linkKind, owner, null);
    }

    private void insert(
            String to,
            String subject,
            String templateName,
            Map<String, ?> variables,
            String linkKind,
            Long owner,
            Attachment attachment) {
        subject = oneLine(subject, 300);
        Map<String, Object> vars = new HashMap<>(variables);
        vars.put("baseUrl", baseUrl);
        vars.put("subject", subject);
        Context context = new Context(Locale.FRANCE, vars);
        String html = mailTemplates.process(templateName + ".html", context);
        String text = mailTemplates.process(templateName + ".txt", context);
        jdbc.sql("INSERT INTO mail_outbox (recipient, subject, html_body, text_body, link_kind, link_owner, "
                        + "attachment_name, attachment_type, attachment_body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        to,
                        subject,
                        html,
                        text,
                        linkKind,
                        owner,
                        attachment == null ? null : oneLine(attachment.name(), 200),
                        attachment == null ? null : attachment.contentType(),
                        attachment == null ? null : attachment.body())
                .update();
    }

    /** What is left of the body of a mail that carried a link, once sent: the link must not stay readable. */
    static final String BLANKED_TEXT =
            "(Contenu effacé après l'envoi : ce courriel contenait un lien personnel à usage unique.)";

    static final String BLANKED_HTML = "<p>" + BLANKED_TEXT + "</p>";

    /** A header value on one line (no CR/LF from user data can reach it), cut to the column's length. */
    static String oneLine(String value, int max) {
        String line = value.replaceAll("[\\r\\n\\t]+", " ").strip();
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }

    /** The mails not sent: failed for good (until resent) and waiting (queued, or being sent right now). */
    public record Backlog(long failed, long waiting) {}

    /** How many mails failed and wait (one statement over the unsent ones, which the outbox's indexes keep few). */
    @Transactional(readOnly = true)
    public Backlog backlog() {
        return jdbc.sql("SELECT count(*) FILTER (WHERE status = 'FAILED'), count(*) FILTER (WHERE status IN "
                        + "('PENDING', 'SENDING')) FROM mail_outbox WHERE status <> 'SENT'")
                .query((rs, n) -> new Backlog(rs.getLong(1), rs.getLong(2)))
                .single();
    }

    /** Absolute address of a path of the application, for links sent by e-mail. */
    public String link(String path) {
        return baseUrl + path;
    }
}
