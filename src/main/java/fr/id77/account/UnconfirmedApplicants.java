package fr.id77.account;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removes registrations whose e-mail address was never confirmed, so that nobody can hold an address by
 * registering it: the membership module decides which registrations are too old, this deletes their accounts.
 */
@Service
public class UnconfirmedApplicants {

    /** The applicants of a collectivity who never used their confirmation link (and so never signed in). */
    private static final String UNCONFIRMED =
            "SELECT id FROM app_user WHERE collectivity_id = :c AND status = 'PENDING' "
                    + "AND email_confirmed_at IS NULL";

    private final JdbcClient jdbc;

    UnconfirmedApplicants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Deletes this collectivity's unconfirmed applicants and their links completely (the identifiant and the
     * address are free again); returns how many accounts were deleted. An applicant who confirms at the same
     * moment keeps the account: each statement checks the confirmation again.
     */
    @Transactional
    public int deleteFor(long collectivityId) {
        jdbc.sql("DELETE FROM account_token WHERE user_id IN (" + UNCONFIRMED + ")")
                .param("c", collectivityId)
                .update();
        return jdbc.sql("DELETE FROM app_user WHERE id IN (" + UNCONFIRMED + ")")
                .param("c", collectivityId)
                .update();
    }
}
