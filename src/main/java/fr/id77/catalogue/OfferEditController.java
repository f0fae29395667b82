package fr.id77.catalogue;

import fr.id77.account.CurrentUser;
import fr.id77.catalogue.CatalogueAdminForms.OfferForm;
import fr.id77.shared.web.FieldRefusal;
import fr.id77.shared.web.FormBinding;
import fr.id77.shared.web.Versions;
import jakarta.validation.Valid;
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
 * a reason next to each field; a form overtaken by another admin's save gets the « modifiée entre-temps » page
 * ({@link fr.id77.shared.web.ModifiedMeanwhile}), which gives back what was typed.
 */
@Controller
class OfferEditController {

    static final String FORM = "offerForm";
    private static final String VIEW = "catalogue/admin-offer-form";
    private static final String AFTER_SAVE = "redirect:/admin/offres?tri=" + AdminOfferQuery.BY_CHANGE;

    private final CatalogueAdmin admin;
    private final OfferChoices choices;
    private final OfferFormLookups lookups;
    private final FormBinding forms;

    OfferEditController(CatalogueAdmin admin, OfferChoices choices, OfferFormLookups lookups, FormBinding forms) {
        this.admin = admin;
        this.choices = choices;
        this.lookups = lookups;
        this.forms = forms;
    }

    @GetMapping("/admin/offres/nouvelle")
    String newOffer(Model model) {
        model.addAttribute(FORM, OfferForm.blank());
        return form(model, null);
    }

    @PostMapping("/admin/offres/nouvelle")
    String create(
            CurrentUser me,
            @Valid @ModelAttribute(FORM) OfferForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        BindingResult result = forms.whole(form, FORM, binding, model);
        lookups.validator(null).validate(form, result);
        if (!result.hasErrors()) {
            try {
                Offer offer = admin.create(form, me.id());
                redirect.addFlashAttribute(
                        "success",
                        "L'offre " + offer.getCode() + " est créée"
                                + (offer.isPublished() ? " et publiée." : " ; elle n'est pas encore publiée.")
                                + (offer.getChefDeFileId() == null ? " Pensez à lui donner un chef de file." : ""));
                return AFTER_SAVE;
            } catch (FieldRefusal e) {
                e.rejectInto(result);
            }
        }
        return form(model, null);
    }

    @GetMapping("/admin/offres/{id}")
    String edit(@PathVariable long id, Model model) {
        CatalogueAdmin.Edited edited = admin.edited(id);
        model.addAttribute(FORM, edited.form());
        return form(model, edited);
    }

    @PostMapping("/admin/offres/{id}")
    String update(
            CurrentUser me,
            @PathVariable long id,
            @Valid @ModelAttribute(FORM) OfferForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        BindingResult result = forms.whole(form, FORM, binding, model);
        lookups.validator(id).validate(form, result);
        if (!result.hasErrors()) {
            try {
                String code = admin.update(id, form, me.id());
                redirect.addFlashAttribute("success", "L'offre " + code + " est enregistrée.");
                return AFTER_SAVE;
            } catch (FieldRefusal e) {
                e.rejectInto(result);
            }
        }
        CatalogueAdmin.Edited edited = admin.edited(id);
        if (!result.hasFieldErrors("version")) {
            // a form read before another admin's save is « modifiée entre-temps » before being wrong: correcting it
            // would be lost
            Versions.requireCurrent(form.version(), edited.version(), Offer.class, id);
        }
        return form(model, edited);
    }

    private String form(Model model, CatalogueAdmin.Edited edited) {
        model.addAttribute("edited", edited);
        model.addAttribute("choices", choices.of(edited == null ? null : edited.chefDeFileId()));
        return VIEW;
    }
}
