package fr.id77.notifications;

import fr.id77.account.AccountSummary;
import fr.id77.account.Accounts;
import fr.id77.shared.devdb.EmbeddedDatabaseCondition;
import java.util.List;
import java.util.Optional;
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
    private final Accounts accounts;

    DemoNotifications(JdbcClient jdbc, Accounts accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<Long> demoAccounts = List.of("admin", "chefdefile", "macommune").stream()
                .map(accounts::byIdentifiant)
                .flatMap(Optional::stream)
                .map(AccountSummary::id)
                .toList();
        boolean untouched = !demoAccounts.isEmpty()
                && jdbc.sql("""
                        SELECT count(*) > 0 AND bool_and(n.read_at IS NULL) FROM notification n WHERE n.user_id IN (:users)""")
                        .param("users", demoAccounts)
                        .query(Boolean.class)
                        .single();
        if (!untouched) {
            return;
        }
        int read = jdbc.sql("""
                        UPDATE notification n SET read_at = n.created_at + interval '1 hour'
                        FROM (SELECT id, row_number() OVER (PARTITION BY user_id ORDER BY created_at DESC, id DESC) AS rank
                              FROM notification) ranked
                        WHERE ranked.id = n.id AND ranked.rank > :keep""").param("keep", LEFT_UNREAD).update();
        log.info("Démo : notifications des comptes de démonstration créées ({} marquées comme lues)", read);
    }
}
