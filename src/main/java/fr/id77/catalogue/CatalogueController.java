package fr.id77.catalogue;

import fr.id77.account.CurrentUser;
import fr.id77.shared.web.PageSection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** The public catalogue: home page with search and filters, and one page per offer. */
@Controller
class CatalogueController {

    private final CatalogueSearch search;
    private final CatalogueReference reference;
    private final OfferRepository offers;

    private final ObjectProvider<FavouriteMarks> favouriteMarks;
    private final List<OfferPageSections> sections;

    CatalogueController(
            CatalogueSearch search,
            CatalogueReference reference,
            OfferRepository offers,
            ObjectProvider<FavouriteMarks> favouriteMarks,
            ObjectProvider<OfferPageSections> sections) {
        this.search = search;
        this.reference = reference;
        this.offers = offers;
        this.favouriteMarks = favouriteMarks;
        this.sections = sections.orderedStream().toList();
    }

    /** The favourites among these offers for a signed-in person; null for a visitor (no star to light). */
    private Set<Long> favourites(Authentication authentication, List<Long> offerIds) {
        Optional<CurrentUser> user = CurrentUser.from(authentication);
        FavouriteMarks marks = favouriteMarks.getIfAvailable();
        if (user.isEmpty() || marks == null) {
            return null;
        }
        return marks.favouritesAmong(user.get().id(), offerIds);
    }

    /** The filters come in one object; what cannot be read (an unknown domain, a page that is not a number) is ignored with a notice. */
    @GetMapping("/")
    String catalogue(
            @ModelAttribute("filtres") CatalogueQuery.Filters filters,
            BindingResult binding,
            Authentication authentication,
            Model model) {
        CatalogueQuery query = CatalogueQuery.from(reference, filters, binding);
        CataloguePage result = search.search(query);
        model.addAttribute("result", result);
        model.addAttribute(
                "favourites",
                favourites(
                        authentication,
                        result.offers().stream().map(OfferCard::id).toList()));
        model.addAttribute("query", query);
        model.addAttribute("domains", reference.domains());
        model.addAttribute("typologies", reference.typologies());
        model.addAttribute("sorts", CatalogueQuery.Sort.values());
        return "catalogue/catalogue";
    }

    @GetMapping("/offres/{code}")
    String offer(@PathVariable String code, Authentication authentication, Model model) {
        String normalized = code.strip().toUpperCase(Locale.ROOT);
        if (!normalized.matches("[A-Z][0-9]{1,4}")) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (!normalized.equals(code)) {
            return "redirect:/offres/" + normalized;
        }
        // an offer withdrawn from the catalogue is gone for everyone but admins, who preview it
        boolean admin =
                CurrentUser.from(authentication).map(CurrentUser::isAdmin).orElse(false);
        Offer offer = offers.findByCode(normalized)
                .filter(o -> o.isPublished() || admin)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("offer", OfferDetails.of(offer));
        model.addAttribute("sections", sections(offer, CurrentUser.from(authentication)));
        Set<Long> favourite = favourites(authentication, List.of(offer.getId()));
        model.addAttribute("favourite", favourite == null ? null : !favourite.isEmpty());
        return "catalogue/offer";
    }

    /** What other modules add to this offer's page (an exhibition's calendar, a training's sessions). */
    private List<PageSection> sections(Offer offer, Optional<CurrentUser> user) {
        OfferPageSections.Offer seen = new OfferPageSections.Offer(
                offer.getId(),
                offer.getCode(),
                offer.getTitle(),
                offer.getTypology().getSlug(),
                offer.getChefDeFileId(),
                offer.isPublished());
        return sections.stream()
                .map(s -> s.section(seen, user))
                .flatMap(Optional::stream)
                .toList();
    }
}
