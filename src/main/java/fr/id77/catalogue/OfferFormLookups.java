package fr.id77.catalogue;

import fr.id77.catalogue.CatalogueReference.DomainRef;
import fr.id77.catalogue.CatalogueReference.ThematicRef;
import fr.id77.catalogue.CatalogueReference.TypologyRef;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What {@link OfferFormValidator} reads, from the reference data, the organisations, the staff and the offers. */
@Component
class OfferFormLookups implements OfferFormValidator.Catalogue {

    private final CatalogueReference reference;
    private final OrganisationRepository organisations;
    private final OfferRepository offers;
    private final Staff staff;
    private final OfferCodes codes;

    OfferFormLookups(
            CatalogueReference reference,
            OrganisationRepository organisations,
            OfferRepository offers,
            Staff staff,
            OfferCodes codes) {
        this.reference = reference;
        this.organisations = organisations;
        this.offers = offers;
        this.staff = staff;
        this.codes = codes;
    }

    /** The validator of the form of this offer, or of a new offer when {@code offerId} is null. */
    OfferFormValidator validator(Long offerId) {
        return new OfferFormValidator(this, offerId);
    }

    @Override
    public TypologyRef typology(short id) {
        return reference.typology(id);
    }

    @Override
    public DomainRef domain(short id) {
        return reference.domain(id);
    }

    @Override
    public ThematicRef thematic(short id) {
        return reference.thematic(id);
    }

    @Override
    @Transactional(readOnly = true)
    public boolean organisationExists(long id) {
        return organisations.existsById(id);
    }

    @Override
    public boolean mayLead(long accountId) {
        return staff.directory().isActive(accountId);
    }

    @Override
    @Transactional(readOnly = true)
    public Long chefOf(long offerId) {
        return offers.findById(offerId).map(Offer::getChefDeFileId).orElse(null);
    }

    @Override
    public Optional<OfferCodes.Holder> holder(String code, Long exceptOffer) {
        return codes.holder(code, exceptOffer);
    }
}
