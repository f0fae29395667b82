package fr.id77.favourites;

import fr.id77.account.CurrentUser;
import fr.id77.catalogue.Offers;
import fr.id77.catalogue.Offers.OfferSummary;
import fr.id77.shared.web.ConfirmFirst;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** « Favoris »: the star of each offer and the page listing them. */
@Controller
class FavouritesController {

    private final Favourites favourites;
    private final Offers offers;

    FavouritesController(Favourites favourites, Offers offers) {
        this.favourites = favourites;
        this.offers = offers;
    }

    @GetMapping("/favoris")
    String list(Authentication authentication, Model model) {
        model.addAttribute("favourites", favourites.of(user(authentication).id()));
        return "favourites/list";
    }

    /** Where a visitor's « Favoris » click lands after signing in: confirm, then add. */
    @GetMapping("/favoris/ajout")
    String confirmAdd(@RequestParam(name = "offre", required = false) String code, Model model) {
        model.addAttribute("offer", offer(code));
        return "favourites/add";
    }

    /** Toggles the star; htmx gets the new star back, a plain form post goes back where it came from. */
    @PostMapping("/favoris/{code}")
    String toggle(
            @PathVariable String code,
            @RequestParam(required = false) String retour,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Authentication authentication,
            Model model,
            RedirectAttributes flash) {
        OfferSummary offer = offer(code);
        boolean now = favourites.toggle(user(authentication).id(), offer.id());
        if (htmx != null) {
            model.addAttribute("code", offer.code());
            model.addAttribute("favourite", now);
            model.addAttribute("retour", safeReturn(retour));
            return "favourites/star";
        }
        flash.addFlashAttribute(
                "success",
                now
                        ? offer.code() + " – " + offer.title() + " a été ajoutée à vos favoris."
                        : offer.code() + " – " + offer.title() + " a été retirée de vos favoris.");
        return "redirect:" + safeReturn(retour);
    }

    @ConfirmFirst(value = "Supprimer l'offre {code} de vos favoris ?", button = "Oui, supprimer", back = "/favoris")
    @PostMapping("/favoris/{code}/supprimer")
    String remove(@PathVariable String code, Authentication authentication, RedirectAttributes flash) {
        OfferSummary offer = offer(code);
        favourites.remove(user(authentication).id(), offer.id());
        flash.addFlashAttribute("success", offer.code() + " – " + offer.title() + " a été supprimée de vos favoris.");
        return "redirect:/favoris";
    }

    private OfferSummary offer(String code) {
        return offers.publishedByCode(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static CurrentUser user(Authentication authentication) {
        return CurrentUser.from(authentication).orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
    }

    /** Only a path of this site: never another host (no open redirect), nothing a redirect would expand. */
    static String safeReturn(String retour) {
        if (retour == null
                || !retour.startsWith("/")
                || retour.startsWith("//")
                || retour.startsWith("/\\")
                || retour.contains("\r")
                || retour.contains("\n")
                || retour.length() > 2000
                || retour.contains("{")
                || retour.contains("}")) { // braces would be read as URI template variables
            return "/favoris";
        }
        return retour;
    }
}
