package fr.id77.shared.mail;

import fr.id77.shared.jobs.ClusterLock;
import java.time.Duration;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Limits the mails anyone can make the application send (registration, new confirmation link, forgotten password,
 * invitation): at most {@code max-per-address} to one address and {@code max-per-client} caused by one client
 * address per window, counted in PostgreSQL (one atomic upsert per counter, so every instance shares them). The
 * client is the address of the web request being served; a mail not caused by a web request only counts for its
 * recipient.
 */
@Component
public class MailQuota {

    /** A limit was reached: nothing was sent; the message is for the person. */
    public static class Exceeded extends RuntimeException {
        public Exceeded() {
            super("Trop de courriels ont été demandés en peu de temps pour cette adresse ou depuis votre connexion : "
                    + "aucun courriel n'a été envoyé. Réessayez dans une heure.");
        }
    }

    private static final long PURGE_LOCK_KEY = 77_000_011L;

    private final JdbcClient jdbc;
    private final ClusterLock lock;
    private final int maxPerAddress;
    private final int maxPerClient;
    private final Duration window;

    MailQuota(
            JdbcClient jdbc,
            ClusterLock lock,
            @Value("${id77.mail.max-per-address:3}") int maxPerAddress,
            @Value("${id77.mail.max-per-client:20}") int maxPerClient,
            @Value("${id77.mail.quota-window:PT1H}") Duration window) {
        this.jdbc = jdbc;
        this.lock = lock;
        this.maxPerAddress = maxPerAddress;
        this.maxPerClient = maxPerClient;
        this.window = window;
    }

    /**
     * Counts one mail to {@code recipient} caused by the current request; false if either limit is passed (then
     * send nothing). Called in the transaction that queues the mail: if it rolls back, so does the count.
     */
    public boolean tryAcquire(String recipient) {
        boolean address = tryCount("to:" + recipient.strip().toLowerCase(Locale.ROOT), maxPerAddress);
        String client = currentClient();
        return address && (client == null || tryCount("client:" + client, maxPerClient));
    }

    /** How many mails one address may receive per window (to tell people why nothing more arrives). */
    public int maxPerAddress() {
        return maxPerAddress;
    }

    /** Like {@link #tryAcquire} but throws {@link Exceeded}, for callers that tell the person. */
    public void acquire(String recipient) {
        if (!tryAcquire(recipient)) {
            throw new Exceeded();
        }
    }

    private boolean tryCount(String key, int max) {
        int used = jdbc.sql("""
                        INSERT INTO mail_quota AS q (quota_key, used, window_start) VALUES (:key, 1, now())
                        ON CONFLICT (quota_key) DO UPDATE SET
                            used = CASE WHEN q.window_start <= now() - :seconds * interval '1 second' THEN 1 ELSE q.used + 1 END,
                            window_start = CASE WHEN q.window_start <= now() - :seconds * interval '1 second' THEN now() ELSE q.window_start END
                        RETURNING used""")
                .param("key", key)
                .param("seconds", window.toSeconds())
                .query(Integer.class)
                .single();
        return used <= max;
    }

    private static String currentClient() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest().getRemoteAddr()
                : null;
    }

    /** Forgets counters older than a day; one instance at a time, as every scheduled job ({@link ClusterLock}). */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT7M")
    void purge() {
        lock.runExclusively(
                PURGE_LOCK_KEY,
                () -> jdbc.sql("DELETE FROM mail_quota WHERE window_start < now() - interval '1 day'")
                        .update());
    }
}
