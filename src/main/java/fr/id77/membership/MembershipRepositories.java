package fr.id77.membership;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CollectivityRepository extends JpaRepository<Collectivity, Long> {

    List<Collectivity> findByStatusOrderByCreatedAt(AdhesionStatus status);

    List<Collectivity> findAllByOrderByName();

    Optional<Collectivity> findByName(String name);

    /** Takes the row lock of the collectivity until the transaction ends (serialises colleague invitations). */
    @Query(value = "SELECT id FROM collectivity WHERE id = :id FOR UPDATE", nativeQuery = true)
    Optional<Long> lockById(long id);
}

interface TechnicalReferentRepository extends JpaRepository<TechnicalReferent, Long> {

    List<TechnicalReferent> findByCollectivityIdAndRemovedAtIsNullOrderById(long collectivityId);

    Optional<TechnicalReferent> findByIdAndCollectivityId(long id, long collectivityId);

    @Query(
            "SELECT r FROM TechnicalReferent r WHERE r.collectivityId = :collectivityId AND (r.removedAt IS NULL OR r.id = :alsoId) "
                    + "ORDER BY r.fullName")
    List<TechnicalReferent> findInPlaceOrById(long collectivityId, long alsoId);
}
