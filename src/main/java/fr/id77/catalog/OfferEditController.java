package fr.id77.catalog;

import fr.id77.account.CurrentUser;
import fr.id77.catalog.CatalogueAdminForms.OfferForm;
import jakarta.validation.Valid;
import java.util.Objects;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admins: « Nouvelle offre » and « Modifier l'offre ». A refused form comes back with everything typed and
 * a reason next to each field; a form overtaken by another admin's save comes back with the current values.
 */
@Controller
class OfferEditController {

    private static final String VIEW = "catalog/admin-offer-form";
    private static final String AFTER_SAVE = "redirect:/admin/offres?tri=" + AdminOfferQuery.BY_CHANGE;

    private final CatalogueAdmin admin;
    private final CatalogueReference reference;

    OfferEditController(CatalogueAdmin admin, CatalogueReference reference) {
        this.admin = admin;
        this.reference = reference;
    }

    @GetMapping("/admin/offres/nouvelle")
    String newOffer(Model model) {
        model.addAttribute("form", OfferForm.blank());
        return form(model, null);
    }

    @PostMapping("/admin/offres/nouvelle")
    String create(CurrentUser me, @Valid @ModelAttribute("form") OfferForm form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        if (refused(form, null, result)) {
            return form(model, null);
        }
        try {
            Offer offer = admin.create(form, me.id());
            redirect.addFlashAttribute("success", "L'offre " + offer.getCode() + " est créée"
                    + (offer.isPublished() ? " et publiée." : " ; elle n'est pas encore publiée.")
                    + (offer.getChefDeFileId() == null ? " Pensez à lui donner un chef de file." : ""));
            return AFTER_SAVE;
        } catch (CatalogueAdmin.Invalid e) {
            reject(e, result);
            return form(model, null);
        }
    }

    @GetMapping("/admin/offres/{id}")
    String edit(@PathVariable long id, Model model) {
        CatalogueAdmin.Edited edited = admin.edited(id);
        model.addAttribute("form", edited.form());
        return form(model, edited);
    }

    @PostMapping("/admin/offres/{id}")
    String update(CurrentUser me, @PathVariable long id, @Valid @ModelAttribute("form") OfferForm form,
                  BindingResult result, Model model, RedirectAttributes redirect) {
        CatalogueAdmin.Edited edited = admin.edited(id);
        if (!Objects.equals(form.version(), edited.form().version())) {
            return changedMeanwhile(id, form, redirect);
        }
        if (refused(form, id, result)) {
            return form(model, edited);
        }
        try {
            String code = admin.update(id, form, me.id());
            redirect.addFlashAttribute("success", "L'offre " + code + " est enregistrée.");
            return AFTER_SAVE;
        } catch (CatalogueAdmin.Invalid e) {
            reject(e, result);
            return form(model, edited);
        } catch (CatalogueAdmin.Changed e) {
            return changedMeanwhile(id, form, redirect);
        }
    }

    /** Back to the offer as it is now, with what this admin typed differently listed beside it. */
    private String changedMeanwhile(long id, OfferForm typed, RedirectAttributes redirect) {
        CatalogueAdmin.Edited now = admin.edited(id);
        redirect.addFlashAttribute("conflict", OfferConflict.differences(typed, now.form(),
                admin.choices(now.chefDeFileId()), reference));
        return "redirect:/admin/offres/" + id;
    }

    /** Adds what the service refuses to what bean validation found (one reason per field); true when refused. */
    private boolean refused(OfferForm form, Long id, BindingResult result) {
        admin.problems(form, id).stream()
                .filter(p -> !result.hasFieldErrors(p.field()))
                .forEach(p -> result.rejectValue(p.field(), "invalid", p.message()));
        return result.hasErrors();
    }

    private static void reject(CatalogueAdmin.Invalid e, BindingResult result) {
        e.problems.forEach(p -> result.rejectValue(p.field(), "invalid", p.message()));
    }

    private String form(Model model, CatalogueAdmin.Edited edited) {
        model.addAttribute("edited", edited);
        model.addAttribute("choices", admin.choices(edited == null ? null : edited.chefDeFileId()));
        return VIEW;
    }
}
