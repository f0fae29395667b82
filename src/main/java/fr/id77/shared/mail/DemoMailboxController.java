package fr.id77.shared.mail;

import fr.id77.shared.devdb.EmbeddedDatabaseCondition;
import java.sql.Timestamp;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Conditional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Demo only (embedded database mode): lets the person trying the application read the mails it sent. */
@Controller
@Conditional(EmbeddedDatabaseCondition.class)
class DemoMailboxController {

    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    record DemoMail(long id, String recipient, String subject, String textBody, Timestamp createdAt) {
        public List<String> links() {
            Matcher m = LINK.matcher(textBody);
            return m.results().map(r -> r.group()).toList();
        }
    }

    private final JdbcClient jdbc;

    DemoMailboxController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/courriels")
    String mails(Model model) {
        model.addAttribute("mails", jdbc.sql("""
                        SELECT id, recipient, subject, text_body, created_at FROM mail_outbox ORDER BY id DESC LIMIT 50""").query(DemoMail.class).list());
        return "pages/courriels";
    }
}
