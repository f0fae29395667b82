package fr.id77.membership;

import fr.id77.account.CurrentUser;
import fr.id77.membership.MembershipForms.ProfileForm;
import fr.id77.membership.MembershipForms.RefusalForm;
import fr.id77.shared.web.ConfirmFirst;
import fr.id77.shared.web.InputSanitizer;
import fr.id77.shared.web.SearchPage;
import jakarta.validation.Valid;
import java.util.function.LongConsumer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins: the queue of registrations to validate or refuse, and every collectivity (edit, suspend, reactivate). */
@Controller
class AdhesionAdminController {

    /** The optional reason of a suspension, kept in the journal of decisions. */
    static final int MAX_REASON = 500;

    private final Adhesions adhesions;
    private final CollectivityProfiles profiles;

    AdhesionAdminController(Adhesions adhesions, CollectivityProfiles profiles) {
        this.adhesions = adhesions;
        this.profiles = profiles;
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
    String validate(CurrentUser me, @PathVariable long id, RedirectAttributes redirect) {
        return act(
                id,
                c -> adhesions.validate(c, me.id()),
                "Adhésion validée : le demandeur reçoit son identifiant et un lien pour choisir son mot de passe.",
                "/admin/adhesions",
                redirect);
    }

    @PostMapping("/admin/adhesions/{id}/refuser")
    String refuse(
            CurrentUser me,
            @PathVariable long id,
            @Valid @ModelAttribute("refusal") RefusalForm form,
            BindingResult result,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            redirect.addFlashAttribute("failure", result.getFieldError("reason").getDefaultMessage());
            return "redirect:/admin/adhesions";
        }
        return act(
                id,
                c -> adhesions.refuse(c, form.reason(), me.id()),
                "Adhésion refusée : la raison a été envoyée au demandeur.",
                "/admin/adhesions",
                redirect);
    }

    @GetMapping("/admin/collectivites")
    String collectivities(
            @RequestParam(required = false) String q, @RequestParam(required = false) String page, Model model) {
        SearchPage query = SearchPage.of("/admin/collectivites", q, page);
        model.addAttribute("query", query);
        model.addAttribute("collectivities", adhesions.page(query));
        return "membership/admin-collectivities";
    }

    /** An admin edits a collectivity's profile: the only way to change its name, SIRET or category once validated. */
    @GetMapping("/admin/collectivites/{id}")
    String editCollectivity(@PathVariable long id, Model model) {
        model.addAttribute("form", profiles.adminForm(id));
        return collectivityForm(id, model);
    }

    private static String collectivityForm(long id, Model model) {
        model.addAttribute("collectivityId", id);
        model.addAllAttributes(Choices.all());
        return "membership/admin-collectivity-form";
    }

    @PostMapping("/admin/collectivites/{id}")
    String saveCollectivity(
            @PathVariable long id,
            @Valid @ModelAttribute("form") ProfileForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            profiles.saveByAdmin(id, form);
            redirect.addFlashAttribute(
                    "success", "Le profil de « " + form.collectivity().name() + " » est enregistré.");
            return "redirect:/admin/collectivites";
        }
        return collectivityForm(id, model);
    }

    @ConfirmFirst(
            value = "Suspendre cette adhésion ?",
            detail = "Les comptes de la collectivité ne pourront plus se connecter " + "jusqu'à sa réactivation.",
            button = "Oui, suspendre",
            back = "/admin/collectivites")
    @PostMapping("/admin/collectivites/{id}/suspendre")
    String suspend(
            CurrentUser me,
            @PathVariable long id,
            @RequestParam(name = "motif", required = false) String reason,
            RedirectAttributes redirect) {
        String why = InputSanitizer.clean(reason, MAX_REASON);
        return act(
                id,
                c -> adhesions.suspend(c, why, me.id()),
                "Adhésion suspendue : ses comptes ne peuvent plus se connecter.",
                "/admin/collectivites",
                redirect);
    }

    @PostMapping("/admin/collectivites/{id}/reactiver")
    String reactivate(CurrentUser me, @PathVariable long id, RedirectAttributes redirect) {
        return act(id, c -> adhesions.reactivate(c, me.id()), "Adhésion réactivée.", "/admin/collectivites", redirect);
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
