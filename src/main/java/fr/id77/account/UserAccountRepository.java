package fr.id77.account;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
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

    List<UserAccount> findAllByOrderByRoleAscIdentifiantAsc();

    List<UserAccount> findByRoleInOrderByLastNameAscFirstNameAscIdentifiantAsc(Collection<Role> roles);
}
