package fr.id77.catalogue;

import fr.id77.account.CurrentUser;
import fr.id77.shared.web.PageSection;
import java.util.Optional;

/**
 * What another module adds to an offer's page (beans of this type, in their {@code @Order}), shown under its
 * description. The anonymous offer page is kept rendered in {@link CataloguePageCache} until the catalogue's version
 * moves: a contributor whose section changes with its own data bumps that version in the same transaction (trigger
 * {@code catalogue_version_bump()} on its tables, as V38 does for the catalogue's).
 */
public interface OfferPageSections {

    /** The offer as a contributor sees it: {@code typology} is its slug ({@code exposition}, ...). */
    record Offer(long id, String code, String title, String typology, Long chefDeFileId, boolean published) {

        public boolean isExhibition() {
            return "exposition".equals(typology);
        }

        public boolean isTraining() {
            return "sensibilisation-formation".equals(typology);
        }
    }

    /** Its section for this offer and this person ({@code user} empty: an anonymous visitor), if it has one. */
    Optional<PageSection> section(Offer offer, Optional<CurrentUser> user);
}
