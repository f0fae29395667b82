package fr.id77.account;

import fr.id77.shared.jobs.ClusterLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * First admin of a new installation: when {@code id77.bootstrap-admin.email} and {@code .identifiant}
 * are set and no active admin exists, creates one and mails (and logs) a link to choose its password.
 */
@Component
class BootstrapAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);
    /** Instances starting at once create the first administrator one after the other (once, then). */
    static final long LOCK_KEY = 77_000_202L;

    private final UserAccountRepository users;
    private final Accounts accounts;
    private final String email;
    private final String identifiant;
    private final ClusterLock lock;

    BootstrapAdmin(
            UserAccountRepository users,
            Accounts accounts,
            ClusterLock lock,
            @Value("${id77.bootstrap-admin.email:}") String email,
            @Value("${id77.bootstrap-admin.identifiant:}") String identifiant) {
        this.users = users;
        this.accounts = accounts;
        this.email = email;
        this.identifiant = identifiant;
        this.lock = lock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (email.isBlank() || identifiant.isBlank()) {
            return;
        }
        lock.holdUntilTransactionEnds(LOCK_KEY);
        if (users.existsByRoleAndStatus(Role.ADMIN, AccountStatus.ACTIVE)) {
            return;
        }
        if (users.existsByIdentifiant(identifiant) || users.existsByEmail(email)) {
            log.warn(
                    "Premier administrateur non créé : l'identifiant {} ou l'adresse {} est déjà utilisé",
                    identifiant,
                    email);
            return;
        }
        accounts.invite(new NewAccount(identifiant, email, null, "Administrateur", "ID77", null, Role.ADMIN, null));
        log.warn(
                "Premier administrateur « {} » créé : un lien pour choisir son mot de passe est envoyé à {} "
                        + "(voir la table mail_outbox s'il n'y a pas de serveur de courriel)",
                identifiant,
                email);
    }
}
