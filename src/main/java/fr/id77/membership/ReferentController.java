package fr.id77.membership;

import fr.id77.account.CurrentUser;
import fr.id77.membership.MembershipForms.ReferentForm;
import fr.id77.shared.web.ConfirmFirst;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** « Contacts techniques »: add, edit, remove; only those of the signed-in member's collectivity. */
@Controller
class ReferentController {

    private final TechnicalReferents referents;

    ReferentController(TechnicalReferents referents) {
        this.referents = referents;
    }

    @PostMapping("/compte/referents")
    String add(
            CurrentUser me,
            @Valid @ModelAttribute("referentForm") ReferentForm form,
            BindingResult result,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            redirect.addFlashAttribute("org.springframework.validation.BindingResult.referentForm", result);
            redirect.addFlashAttribute("referentForm", form);
            redirect.addFlashAttribute(
                    "failure", "Le contact technique n'a pas été ajouté : corrigez les champs signalés.");
            return "redirect:/compte#referents";
        }
        referents.add(me, form);
        redirect.addFlashAttribute("success", "Contact technique ajouté : " + form.fullName() + ".");
        return "redirect:/compte#referents";
    }

    @GetMapping("/compte/referents/{id}")
    String edit(CurrentUser me, @PathVariable long id, Model model) {
        model.addAttribute("form", referents.referent(me, id).toForm());
        model.addAttribute("referentId", id);
        return "membership/referent-form";
    }

    @PostMapping("/compte/referents/{id}")
    String update(
            CurrentUser me,
            @PathVariable long id,
            @Valid @ModelAttribute("form") ReferentForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            referents.update(me, id, form);
            redirect.addFlashAttribute("success", "Contact technique enregistré.");
            return "redirect:/compte#referents";
        }
        referents.referent(me, id);
        model.addAttribute("referentId", id);
        return "membership/referent-form";
    }

    @ConfirmFirst(
            value = "Retirer ce contact technique ?",
            detail = "Il ne pourra plus être choisi pour suivre une demande.",
            button = "Oui, retirer",
            back = "/compte#referents")
    @PostMapping("/compte/referents/{id}/supprimer")
    String remove(CurrentUser me, @PathVariable long id, RedirectAttributes redirect) {
        referents.remove(me, id);
        redirect.addFlashAttribute("success", "Contact technique retiré.");
        return "redirect:/compte#referents";
    }
}
