package fr.id77.notifications;

import fr.id77.shared.devdb.EmbeddedDatabaseCondition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo data (embedded database mode only, once): the demo requests and registration already told the
 * demo accounts through the events; the older ones are marked read so the list shows both kinds and the
 * envelope a few unread.
 */
@Component
@Conditional(EmbeddedDatabaseCondition.class)
@Order(40)
class DemoNotifications implements ApplicationRunner {

    static final int LEFT_UNREAD = 3;
    private static final Logger log = LoggerFactory.getLogger(DemoNotifications.class);

    private final JdbcClient jdbc;

    DemoNotifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean untouched = jdbc.sql("""
                        SELECT count(*) > 0 AND bool_and(n.read_at IS NULL) FROM notification n
                        JOIN app_user u ON u.id = n.user_id WHERE u.identifiant IN ('admin', 'chefdefile', 'macommune')""")
                .query(Boolean.class).single();
        if (!untouched) {
            return;
        }
        int read = jdbc.sql("""
                        UPDATE notification n SET read_at = n.created_at + interval '1 hour'
                        FROM (SELECT id, row_number() OVER (PARTITION BY user_id ORDER BY created_at DESC, id DESC) AS rank
                              FROM notification) ranked
                        WHERE ranked.id = n.id AND ranked.rank > :keep""")
                .param("keep", LEFT_UNREAD).update();
        log.info("Démo : notifications des comptes de démonstration créées ({} marquées comme lues)", read);
    }
}
