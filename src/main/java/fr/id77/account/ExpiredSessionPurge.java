package fr.id77.account;

import fr.id77.shared.jobs.ClusterLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Deletes the expired sessions, every minute, on one instance at a time ({@link ClusterLock}) like every scheduled job.
 * Spring Session JDBC would otherwise run the same deletion from a scheduler of its own in every instance at the same
 * second: it is switched off ({@code spring.session.jdbc.cleanup-cron=-}) and its deletion is called from here.
 */
@Component
class ExpiredSessionPurge {

    static final long LOCK_KEY = 77_000_012L;

    private final ClusterLock lock;
    private final JdbcIndexedSessionRepository sessions;

    ExpiredSessionPurge(ClusterLock lock, JdbcIndexedSessionRepository sessions) {
        this.lock = lock;
        this.sessions = sessions;
    }

    @Scheduled(cron = "0 * * * * *")
    void purge() {
        lock.runExclusively(LOCK_KEY, sessions::cleanUpExpiredSessions);
    }
}
