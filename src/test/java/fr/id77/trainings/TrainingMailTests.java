package fr.id77.trainings;

import static org.assertj.core.api.Assertions.assertThat;

import fr.id77.support.MailServerTest;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The participants' mails really leave with the session's .ics (GreenMail): confirmed, then cancelled, same UID. */
class TrainingMailTests extends MailServerTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Registrations registrations;

    @Autowired
    SessionAdmin admin;

    @Test
    void theConfirmationAndTheCancellationCarryTheSessionsIcs() throws Exception {
        TrainingFixtures t = TrainingFixtures.create(jdbc);
        long session = t.session(Duration.ofDays(12), 5);
        Registrations.Participant p = TrainingFixtures.participant("Ics Person");
        registrations.register(t.member(), session, List.of(p));
        admin.cancel(t.chef(), session, "Salle indisponible");

        sendMails();

        List<MimeMessage> mails = mailsTo(p.email());
        assertThat(mails).hasSize(2);
        assertThat(subject(mails.get(0))).contains("Inscription confirmée");
        assertThat(text(mails.get(0))).contains("Ics Person").contains("Salle du conseil, Melun");
        String confirmed = ics(mails.get(0));
        assertThat(confirmed)
                .contains("BEGIN:VCALENDAR")
                .contains("UID:session-" + session + "@id77.fr")
                .contains("STATUS:CONFIRMED")
                .contains("LOCATION:Salle du conseil\\, Melun");
        assertThat(subject(mails.get(1))).contains("Session annulée");
        assertThat(text(mails.get(1))).contains("Salle indisponible");
        assertThat(ics(mails.get(1)))
                .contains("UID:session-" + session + "@id77.fr")
                .contains("STATUS:CANCELLED");
    }

    /** The text of the mail's attachment named *.ics, of type text/calendar. */
    private static String ics(Part mail) throws Exception {
        List<Part> found = new ArrayList<>();
        collect(mail, found);
        assertThat(found).as("pièce jointe .ics").hasSize(1);
        Part attachment = found.getFirst();
        assertThat(attachment.getContentType()).startsWith("text/calendar");
        assertThat(attachment.getFileName())
                .isEqualTo(attachment.getFileName().replaceAll("[^a-z0-9.-]", ""))
                .endsWith(".ics");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        attachment.getInputStream().transferTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void collect(Part part, List<Part> found) throws Exception {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            found.add(part);
        } else if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), found);
            }
        }
    }
}
