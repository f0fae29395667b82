package fr.id77.membership;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CollectivityRepository extends JpaRepository<Collectivity, Long> {

    List<Collectivity> findByStatusOrderByCreatedAt(AdhesionStatus status);

    /** The collectivities whose name or SIRET matches {@code like} (a lower-case LIKE pattern, \ escapes). */
    @Query("SELECT c FROM Collectivity c WHERE :like = '%' OR lower(c.name) LIKE :like ESCAPE '\\'"
            + " OR c.siret LIKE :like ESCAPE '\\'")
    Page<Collectivity> search(String like, Pageable pageable);

    Optional<Collectivity> findByName(String name);

    /** Takes the row lock of the collectivity until the transaction ends (serialises colleague invitations). */
    @Query(value = "SELECT id FROM collectivity WHERE id = :id FOR UPDATE", nativeQuery = true)
    Optional<Long> lockById(long id);
}

interface TechnicalReferentRepository extends JpaRepository<TechnicalReferent, Long> {

    List<TechnicalReferent> findByCollectivityIdAndRemovedAtIsNullOrderById(long collectivityId);

    Optional<TechnicalReferent> findByIdAndCollectivityId(long id, long collectivityId);

    Optional<TechnicalReferent> findByUnsubscribeToken(UUID token);

    @Query(
            "SELECT r FROM TechnicalReferent r WHERE r.collectivityId = :collectivityId AND (r.removedAt IS NULL OR r.id = :alsoId) "
                    + "ORDER BY r.fullName")
    List<TechnicalReferent> findInPlaceOrById(long collectivityId, long alsoId);
}
