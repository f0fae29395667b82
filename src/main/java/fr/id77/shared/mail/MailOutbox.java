package fr.id77.shared.mail;

import java.util.HashMap;
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
        subject = oneLine(subject, 300);
        Map<String, Object> vars = new HashMap<>(variables);
        vars.put("baseUrl", baseUrl);
        vars.put("subject", subject);
        Context context = new Context(java.util.Locale.FRANCE, vars);
        String html = mailTemplates.process(templateName + ".html", context);
        String text = mailTemplates.process(templateName + ".txt", context);
        jdbc.sql("INSERT INTO mail_outbox (recipient, subject, html_body, text_body) VALUES (?, ?, ?, ?)")
                .params(to, subject, html, text)
                .update();
    }

    /** A header value on one line (no CR/LF from user data can reach it), cut to the column's length. */
    static String oneLine(String value, int max) {
        String line = value.replaceAll("[\\r\\n\\t]+", " ").strip();
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }

    /** Absolute address of a path of the application, for links sent by e-mail. */
    public String link(String path) {
        return baseUrl + path;
    }
}
