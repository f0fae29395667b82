package fr.id77.catalogue;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

interface OfferRepository extends JpaRepository<Offer, Long> {

    @EntityGraph(attributePaths = {"typology", "organisation", "domains", "thematics"})
    Optional<Offer> findByCode(String code);

    @EntityGraph(attributePaths = {"typology", "organisation", "domains", "thematics"})
    Optional<Offer> findWithClassificationById(long id);
}

interface DomainRepository extends JpaRepository<Domain, Short> {
    List<Domain> findAllByOrderByPosition();
}

interface ThematicRepository extends JpaRepository<Thematic, Short> {
    List<Thematic> findAllByOrderByDomainIdAscPositionAsc();
}

interface TypologyRepository extends JpaRepository<Typology, Short> {
    List<Typology> findAllByOrderByPosition();
}

interface OrganisationRepository extends JpaRepository<Organisation, Long> {
    Optional<Organisation> findBySlug(String slug);

    boolean existsBySlug(String slug);
}
