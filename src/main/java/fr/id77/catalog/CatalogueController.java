package fr.id77.catalog;

import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The public catalogue: home page with search and filters, and one page per offer. */
@Controller
class CatalogueController {

    private final CatalogueSearch search;
    private final CatalogueReference reference;
    private final OfferRepository offers;

    CatalogueController(CatalogueSearch search, CatalogueReference reference, OfferRepository offers) {
        this.search = search;
        this.reference = reference;
        this.offers = offers;
    }

    @GetMapping("/")
    String catalogue(@RequestParam(required = false) String q,
                     @RequestParam(required = false) String code,
                     @RequestParam(required = false) List<String> domaine,
                     @RequestParam(required = false) List<String> thematique,
                     @RequestParam(required = false) String typologie,
                     @RequestParam(required = false) String tri,
                     @RequestParam(required = false) String page,
                     Model model) {
        CatalogueQuery query = CatalogueQuery.from(reference, q, code, domaine, thematique, typologie, tri, page);
        model.addAttribute("result", search.search(query));
        model.addAttribute("query", query);
        model.addAttribute("domains", reference.domains());
        model.addAttribute("typologies", reference.typologies());
        model.addAttribute("sorts", CatalogueQuery.Sort.values());
        return "catalog/catalogue";
    }

    @GetMapping("/offres/{code}")
    String offer(@PathVariable String code, Model model) {
        String normalized = code.strip().toUpperCase(Locale.ROOT);
        if (!normalized.matches("[A-Z][0-9]{1,4}")) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (!normalized.equals(code)) {
            return "redirect:/offres/" + normalized;
        }
        Offer offer = offers.findByCodeAndPublishedTrue(normalized)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("offer", OfferDetails.of(offer));
        return "catalog/offer";
    }
}
