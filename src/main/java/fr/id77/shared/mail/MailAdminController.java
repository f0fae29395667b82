package fr.id77.shared.mail;

import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admins: the mails not sent yet (failed after every try, or waiting for their next try), with
 * « Renvoyer » ({@link OutboxResend}). The body of a mail that carries a single-use link is never shown (nor even
 * read from the database): whoever can read this page must not be able to use someone else's link.
 */
@Controller
class MailAdminController {

    static final int SHOWN = 100;

    record OutboxLine(
            long id,
            String recipient,
            String subject,
            String status,
            int attempts,
            Instant createdAt,
            Instant nextAttemptAt,
            String lastError,
            String textBody,
            boolean carriesLink) {}

    private final JdbcClient jdbc;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final OutboxResend resender;

    private final MailOutbox outbox;

    MailAdminController(
            JdbcClient jdbc, ObjectProvider<JavaMailSender> mailSender, OutboxResend resender, MailOutbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.mailSender = mailSender;
        this.resender = resender;
    }

    @GetMapping("/admin/courriels")
    String list(Model model) {
        MailOutbox.Backlog backlog = outbox.backlog();
        model.addAttribute("failed", rows("status = 'FAILED'", "created_at DESC"));
        model.addAttribute("waiting", rows("status IN ('PENDING', 'SENDING')", "created_at"));
        model.addAttribute("failedCount", backlog.failed());
        model.addAttribute("waitingCount", backlog.waiting());
        model.addAttribute("shown", SHOWN);
        model.addAttribute("maxAttempts", OutboxSender.MAX_ATTEMPTS);
        model.addAttribute("noServer", mailSender.getIfAvailable() == null);
        return "pages/admin-courriels";
    }

    @PostMapping("/admin/courriels/{id}/renvoi")
    String resend(@PathVariable long id, RedirectAttributes flash) {
        boolean resent = resender.resend(id);
        flash.addFlashAttribute(
                resent ? "success" : "error",
                resent
                        ? "Le courriel sera envoyé dans quelques instants."
                        : "Ce courriel n'est plus en attente : il vient sans doute d'être envoyé.");
        return "redirect:/admin/courriels";
    }

    @PostMapping("/admin/courriels/renvoi")
    String resendAllFailed(RedirectAttributes flash) {
        int changed = resender.resendAllFailed();
        flash.addFlashAttribute(
                "success",
                changed == 0
                        ? "Aucun courriel en échec."
                        : changed == 1
                                ? "Le courriel en échec sera envoyé dans quelques instants."
                                : changed + " courriels en échec seront envoyés dans quelques instants.");
        return "redirect:/admin/courriels";
    }

    private List<OutboxLine> rows(String where, String order) {
        return jdbc.sql("SELECT id, recipient, subject, status, attempts, created_at, next_attempt_at, last_error, "
                        + "CASE WHEN link_kind IS NULL THEN text_body END, link_kind IS NOT NULL FROM mail_outbox WHERE "
                        + where + " ORDER BY " + order + " LIMIT " + SHOWN)
                .query((rs, n) -> new OutboxLine(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getInt(5),
                        rs.getTimestamp(6).toInstant(),
                        rs.getTimestamp(7).toInstant(),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getBoolean(10)))
                .list();
    }
}
