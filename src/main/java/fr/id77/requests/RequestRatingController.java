package fr.id77.requests;

import fr.id77.account.CurrentUser;
import fr.id77.shared.web.FieldRefusal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * « Votre avis » on a completed request: the collectivity's note and comment. A refusal comes back on the request's
 * page, next to its field, with what was typed kept.
 */
@Controller
class RequestRatingController {

    private final RequestRatings ratings;

    RequestRatingController(RequestRatings ratings) {
        this.ratings = ratings;
    }

    @PostMapping("/demandes/{numero}/avis")
    String rate(
            @PathVariable int numero,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) String commentaire,
            CurrentUser user,
            RedirectAttributes flash) {
        try {
            ratings.rate(numero, note, commentaire, RequestPages.actor(user));
            flash.addFlashAttribute("success", "Merci : votre avis a été enregistré.");
        } catch (FieldRefusal e) {
            flash.addFlashAttribute("ratingErrorField", e.field());
            flash.addFlashAttribute("ratingError", e.getMessage());
            flash.addFlashAttribute("ratingNote", note);
            flash.addFlashAttribute("ratingDraft", commentaire);
        } catch (RequestException e) {
            if (e.kind() == RequestException.Kind.NOT_FOUND) {
                throw e;
            }
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/demandes/" + numero + "#avis";
    }
}
