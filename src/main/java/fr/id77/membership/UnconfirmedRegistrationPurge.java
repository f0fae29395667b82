package fr.id77.membership;

import fr.id77.account.UnconfirmedApplicants;
import fr.id77.shared.jobs.ClusterLock;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes registrations whose e-mail address was not confirmed within {@link #MAX_AGE} (collectivity still
 * « E-mail à confirmer »): the collectivity, its applicant's account and links, so that the address, the
 * identifiant and the SIRET can be registered again and nobody squats them. One instance at a time runs it
 * ({@link ClusterLock}); each registration goes in its own transaction.
 */
@Component
class UnconfirmedRegistrationPurge {

    static final Duration MAX_AGE = Duration.ofDays(7);
    static final int BATCH = 500;
    static final long LOCK_KEY = 77_000_009L;
    private static final Logger log = LoggerFactory.getLogger(UnconfirmedRegistrationPurge.class);

    private final JdbcClient jdbc;
    private final ClusterLock lock;
    private final UnconfirmedApplicants applicants;
    private final TransactionTemplate transactions;

    UnconfirmedRegistrationPurge(
            JdbcClient jdbc, ClusterLock lock, UnconfirmedApplicants applicants, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.lock = lock;
        this.applicants = applicants;
        this.transactions = transactions;
    }

    /** One pass; returns how many registrations were deleted (0 when another instance is running a pass). */
    @Scheduled(
            fixedDelayString = "${id77.membership.purge-interval:PT1H}",
            initialDelayString = "${id77.membership.purge-interval:PT1H}")
    public int purge() {
        int[] deleted = {0};
        lock.runExclusively(LOCK_KEY, () -> deleted[0] = pass(Instant.now().minus(MAX_AGE)));
        return deleted[0];
    }

    private int pass(Instant registeredBefore) {
        List<Long> ids = jdbc.sql(
                        "SELECT id FROM collectivity WHERE status = 'PENDING_EMAIL' AND created_at < :before ORDER BY id LIMIT "
                                + BATCH)
                .param("before", Timestamp.from(registeredBefore))
                .query(Long.class)
                .list();
        int deleted = 0;
        for (long id : ids) {
            deleted += transactions.execute(status -> deleteRegistration(id));
        }
        if (deleted > 0) {
            log.info("{} inscription(s) non confirmée(s) en {} jours supprimée(s)", deleted, MAX_AGE.toDays());
        }
        return deleted;
    }

    /** Deletes the accounts first; the collectivity goes only if still unconfirmed and without any account left. */
    private int deleteRegistration(long id) {
        applicants.deleteFor(id);
        String unconfirmedAndEmpty = "SELECT c.id FROM collectivity c WHERE c.id = :id AND c.status = 'PENDING_EMAIL' "
                + "AND NOT EXISTS (SELECT 1 FROM app_user u WHERE u.collectivity_id = c.id)";
        jdbc.sql("DELETE FROM technical_referent WHERE collectivity_id IN (" + unconfirmedAndEmpty + ")")
                .param("id", id)
                .update();
        return jdbc.sql("DELETE FROM collectivity WHERE id IN (" + unconfirmedAndEmpty + ")")
                .param("id", id)
                .update();
    }
}
