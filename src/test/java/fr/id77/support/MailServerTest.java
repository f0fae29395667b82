package fr.id77.support;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import fr.id77.shared.mail.TestOutbox;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that read the mails the application really sends: a GreenMail SMTP server on a
 * free port (other engineers' builds may hold the usual test port), which a test may stop and start
 * again to play a mail server outage. The outbox's schedule is pushed back an hour: tests run the
 * sender themselves ({@link #sendMails()}), so nothing depends on timing. All subclasses share one
 * application context.
 */
@SpringBootTest
@AutoConfigureMockMvc
public abstract class MailServerTest {

    private static final int PORT = freePort();
    private static GreenMail server;

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "localhost");
        registry.add("spring.mail.port", () -> PORT);
        registry.add("id77.mail.poll-interval", () -> "PT1H");
    }

    @Autowired
    protected ApplicationContext context;

    @BeforeEach
    void serverUp() {
        startMailServer();
    }

    /** Starts the SMTP server if it is not running. */
    protected static synchronized void startMailServer() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(PORT, "localhost", ServerSetup.PROTOCOL_SMTP))
                    .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
            server.start();
        }
    }

    /** Stops the SMTP server: the application cannot reach it until {@link #startMailServer()}. */
    protected static synchronized void stopMailServer() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** Runs the outbox sender until nothing is left to send now; returns how many mails left. */
    protected int sendMails() {
        return TestOutbox.sendAllDue(context);
    }

    /** Every mail the server received for this address. */
    protected static List<MimeMessage> mailsTo(String address) {
        if (server == null) {
            return List.of();
        }
        return Arrays.stream(server.getReceivedMessages())
                .filter(m -> isFor(m, address))
                .toList();
    }

    private static boolean isFor(MimeMessage message, String address) {
        try {
            Address[] to = message.getAllRecipients();
            return to != null && Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    protected static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plain-text part of a mail. */
    protected static String text(MimeMessage message) {
        return part(message, "text/plain");
    }

    /** The HTML part of a mail. */
    protected static String html(MimeMessage message) {
        return part(message, "text/html");
    }

    private static String part(Part part, String type) {
        try {
            if (part.isMimeType(type)) {
                return String.valueOf(part.getContent());
            }
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    String found = part(multipart.getBodyPart(i), type);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
