package fr.id77.catalogue;

import fr.id77.catalogue.CatalogueAdminForms.OrganisationForm;
import fr.id77.shared.web.ConfirmFirst;
import fr.id77.shared.web.FieldRefusal;
import fr.id77.shared.web.FormBinding;
import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins: the organisations leading offers (« organismes porteurs »): add, rename, remove an unused one. */
@Controller
class OrganisationAdminController {

    static final String FORM = "organisationForm";
    private static final String LIST = "redirect:/admin/organismes";
    private static final Map<String, String> KINDS = kinds();

    private static Map<String, String> kinds() {
        Map<String, String> kinds = new LinkedHashMap<>();
        for (Organisation.Kind k : Organisation.Kind.values()) {
            kinds.put(k.name(), k.label());
        }
        return kinds;
    }

    private final Organisations organisations;
    private final FormBinding forms;

    OrganisationAdminController(Organisations organisations, FormBinding forms) {
        this.organisations = organisations;
        this.forms = forms;
    }

    @GetMapping("/admin/organismes")
    String list(Model model) {
        if (!model.containsAttribute(FORM)) {
            model.addAttribute(FORM, OrganisationForm.blank());
        }
        model.addAttribute("organisations", organisations.all());
        model.addAttribute("kindChoices", KINDS);
        return "catalogue/admin-organisations";
    }

    @PostMapping("/admin/organismes")
    String add(
            @Valid @ModelAttribute(FORM) OrganisationForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        BindingResult result = forms.whole(form, FORM, binding, model);
        new OrganisationFormValidator(organisations::nameTaken, null).validate(form, result);
        if (!result.hasErrors()) {
            try {
                redirect.addFlashAttribute(
                        "success",
                        "« " + organisations.add(form)
                                + " » est ajouté : vous pouvez le choisir comme organisme porteur d'une offre.");
                return LIST;
            } catch (FieldRefusal e) {
                e.rejectInto(result);
            }
        }
        return list(model);
    }

    @GetMapping("/admin/organismes/{id}")
    String edit(@PathVariable long id, Model model) {
        Organisations.Line line = organisations.all().stream()
                .filter(o -> o.id() == id)
                .findFirst()
                .orElseThrow(CatalogueAdmin.Missing::new);
        if (!model.containsAttribute(FORM)) {
            model.addAttribute(FORM, new OrganisationForm(line.name(), line.kind(), line.version()));
        }
        model.addAttribute("organisation", line);
        model.addAttribute("kindChoices", KINDS);
        return "catalogue/admin-organisation-form";
    }

    @PostMapping("/admin/organismes/{id}")
    String rename(
            @PathVariable long id,
            @Valid @ModelAttribute(FORM) OrganisationForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        BindingResult result = forms.whole(form, FORM, binding, model);
        new OrganisationFormValidator(organisations::nameTaken, id).validate(form, result);
        if (!result.hasErrors()) {
            try {
                redirect.addFlashAttribute(
                        "success", "L'organisme s'appelle désormais « " + organisations.rename(id, form) + " ».");
                return LIST;
            } catch (FieldRefusal e) {
                e.rejectInto(result);
            }
        }
        return edit(id, model);
    }

    @ConfirmFirst(value = "Supprimer cet organisme porteur ?", button = "Oui, supprimer", back = "/admin/organismes")
    @PostMapping("/admin/organismes/{id}/suppression")
    String remove(@PathVariable long id, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("success", "« " + organisations.remove(id) + " » est supprimé.");
        } catch (FieldRefusal e) {
            redirect.addFlashAttribute("failure", e.getMessage());
        }
        return LIST;
    }
}
