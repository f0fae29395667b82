package fr.id77.account;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    Optional<UserAccount> findByIdentifiant(String identifiant);

    @Query("select u from UserAccount u where u.identifiant = lower(:login) or lower(u.email) = lower(:login)")
    Optional<UserAccount> findByLogin(String login);

    @Query("select u from UserAccount u where lower(u.email) = lower(:email)")
    Optional<UserAccount> findByEmail(String email);

    boolean existsByIdentifiant(String identifiant);

    @Query("select count(u) > 0 from UserAccount u where lower(u.email) = lower(:email)")
    boolean existsByEmail(String email);

    boolean existsByRoleAndStatus(Role role, AccountStatus status);

    List<UserAccount> findByRoleAndStatusOrderById(Role role, AccountStatus status);

    List<UserAccount> findByCollectivityIdOrderByCreatedAt(long collectivityId);

    /** The accounts whose identifiant, e-mail or name matches {@code like} (a lower-case LIKE pattern, \ escapes). */
    @Query("SELECT u FROM UserAccount u WHERE :like = '%' OR lower(u.identifiant) LIKE :like ESCAPE '\\'"
            + " OR lower(u.email) LIKE :like ESCAPE '\\'"
            + " OR lower(concat(u.firstName, ' ', u.lastName)) LIKE :like ESCAPE '\\'")
    Page<UserAccount> search(String like, Pageable pageable);
}
