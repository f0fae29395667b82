package fr.id77.catalogue;

import fr.id77.catalogue.CatalogueReference.DomainRef;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The lists that the admin offer form chooses from, and the free identifiers it suggests. */
@Component
class OfferChoices {

    /** « false » sorts first: Gratuite, then Payante. */
    private static final Map<String, String> BILLING =
            Collections.unmodifiableSortedMap(new TreeMap<>(Map.of("false", "Gratuite", "true", "Payante")));

    /** The lists of one offer form, as (value sent, label). */
    record FormChoices(
            Map<String, String> typologies,
            List<DomainRef> domains,
            Map<String, String> organisations,
            Map<String, String> chefs,
            Map<String, String> billing,
            String nextCodes) {}

    private final CatalogueReference reference;
    private final Organisations organisations;
    private final Staff staff;
    private final OfferCodes codes;

    OfferChoices(CatalogueReference reference, Organisations organisations, Staff staff, OfferCodes codes) {
        this.reference = reference;
        this.organisations = organisations;
        this.staff = staff;
        this.codes = codes;
    }

    /** The choices of an offer form; {@code keepChef}, the offer's current chef de file, stays offered even if inactive. */
    @Transactional(readOnly = true)
    FormChoices of(Long keepChef) {
        Map<String, String> typologies = new LinkedHashMap<>();
        reference.typologies().forEach(t -> typologies.put(String.valueOf(t.id()), t.label()));
        return new FormChoices(
                typologies,
                reference.domains(),
                organisations.choices(),
                staff.directory().choices(keepChef),
                BILLING,
                String.join(", ", codes.nextFree()));
    }
}
