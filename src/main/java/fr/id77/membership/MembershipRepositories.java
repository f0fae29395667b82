package fr.id77.membership;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CollectivityRepository extends JpaRepository<Collectivity, Long> {

    List<Collectivity> findByStatusOrderByCreatedAt(AdhesionStatus status);

    List<Collectivity> findAllByOrderByName();

    Optional<Collectivity> findByName(String name);
}

interface TechnicalReferentRepository extends JpaRepository<TechnicalReferent, Long> {

    List<TechnicalReferent> findByCollectivityIdAndRemovedAtIsNullOrderById(long collectivityId);

    Optional<TechnicalReferent> findByIdAndCollectivityId(long id, long collectivityId);
}
