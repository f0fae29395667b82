package fr.id77.catalogue;

import fr.id77.catalogue.CatalogueReference.DomainRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The domains of a set of offers, in one statement (labels and icons come from the in-memory reference). */
@Component
class OfferDomains {

    private final JdbcClient jdbc;
    private final CatalogueReference reference;

    OfferDomains(JdbcClient jdbc, CatalogueReference reference) {
        this.jdbc = jdbc;
        this.reference = reference;
    }

    Map<Long, List<DomainRef>> of(Collection<Long> offerIds) {
        Map<Long, List<DomainRef>> result = new HashMap<>();
        if (offerIds.isEmpty()) {
            return result;
        }
        jdbc.sql("SELECT od.offer_id, od.domain_id FROM offer_domain od JOIN domain d ON d.id = od.domain_id "
                        + "WHERE od.offer_id IN (:ids) ORDER BY d.position")
                .param("ids", offerIds)
                .query(rs -> {
                    result.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(reference.domain(rs.getShort(2)));
                });
        return result;
    }
}
