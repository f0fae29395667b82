package fr.id77.membership;

import fr.id77.membership.MembershipForms.RefusalForm;
import fr.id77.shared.web.ConfirmFirst;
import jakarta.validation.Valid;
import java.util.function.LongConsumer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins: the queue of registrations to validate or refuse, and every collectivity (suspend, reactivate). */
@Controller
class AdhesionAdminController {

    private final Adhesions adhesions;

    AdhesionAdminController(Adhesions adhesions) {
        this.adhesions = adhesions;
    }

    @GetMapping("/admin/adhesions")
    String queue(Model model) {
        model.addAttribute("queue", adhesions.queue());
        if (!model.containsAttribute("refusal")) {
            model.addAttribute("refusal", new RefusalForm(""));
        }
        return "membership/admin-queue";
    }

    @PostMapping("/admin/adhesions/{id}/valider")
    String validate(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, adhesions::validate, "Adhésion validée : le demandeur reçoit son identifiant et un lien pour choisir son mot de passe.",
                "/admin/adhesions", redirect);
    }

    @PostMapping("/admin/adhesions/{id}/refuser")
    String refuse(@PathVariable long id, @Valid @ModelAttribute("refusal") RefusalForm form, BindingResult result,
                  RedirectAttributes redirect) {
        if (result.hasErrors()) {
            redirect.addFlashAttribute("failure", result.getFieldError("reason").getDefaultMessage());
            return "redirect:/admin/adhesions";
        }
        return act(id, c -> adhesions.refuse(c, form.reason()), "Adhésion refusée : la raison a été envoyée au demandeur.",
                "/admin/adhesions", redirect);
    }

    @GetMapping("/admin/collectivites")
    String collectivities(Model model) {
        model.addAttribute("collectivities", adhesions.all());
        return "membership/admin-collectivities";
    }

    @ConfirmFirst(value = "Suspendre cette adhésion ?", detail = "Les comptes de la collectivité ne pourront plus se connecter "
            + "jusqu'à sa réactivation.", button = "Oui, suspendre", back = "/admin/collectivites")
    @PostMapping("/admin/collectivites/{id}/suspendre")
    String suspend(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, adhesions::suspend, "Adhésion suspendue : ses comptes ne peuvent plus se connecter.", "/admin/collectivites", redirect);
    }

    @PostMapping("/admin/collectivites/{id}/reactiver")
    String reactivate(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, adhesions::reactivate, "Adhésion réactivée.", "/admin/collectivites", redirect);
    }

    private String act(long id, LongConsumer action, String success, String back, RedirectAttributes redirect) {
        try {
            action.accept(id);
            redirect.addFlashAttribute("success", success);
        } catch (IllegalStateException e) {
            redirect.addFlashAttribute("failure", e.getMessage());
        }
        return "redirect:" + back;
    }
}
