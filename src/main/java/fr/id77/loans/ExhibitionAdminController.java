package fr.id77.loans;

import fr.id77.account.CurrentUser;
import fr.id77.shared.web.FieldRefusal;
import fr.id77.shared.web.FormBinding;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An admin sets an exhibition's loans up ({@code /admin/expositions/{code}}): lengths, transport days, copies. */
@Controller
class ExhibitionAdminController {

    /** The loan rules form; {@code version}: the rules' version the form was loaded at. */
    record SettingsForm(
            @NotNull(message = "Indiquez la durée minimale d'un prêt, en jours.")
            @Min(value = 1, message = "Un prêt dure au moins 1 jour.")
            @Max(value = 366, message = "Un prêt dure au plus 366 jours.")
            Integer minDays,

            @NotNull(message = "Indiquez la durée maximale d'un prêt, en jours.")
            @Min(value = 1, message = "Un prêt dure au moins 1 jour.")
            @Max(value = 366, message = "Un prêt dure au plus 366 jours.")
            Integer maxDays,

            @NotNull(message = "Indiquez les jours de transport, 0 s'il n'y en a pas.")
            @Min(value = 0, message = "Les jours de transport ne peuvent pas être négatifs.")
            @Max(value = 60, message = "Au plus 60 jours de transport.")
            Integer bufferDays,

            long version) {}

    record CopyForm(String label) {}

    private static final String FORM = "settingsForm";

    private final Exhibitions exhibitions;
    private final LoanBookings bookings;
    private final FormBinding forms;

    ExhibitionAdminController(Exhibitions exhibitions, LoanBookings bookings, FormBinding forms) {
        this.exhibitions = exhibitions;
        this.bookings = bookings;
        this.forms = forms;
    }

    @GetMapping("/admin/expositions/{code}")
    String page(@PathVariable String code, Model model) {
        Exhibitions.ExhibitionOffer offer = offer(code);
        Exhibitions.Exhibition exhibition = exhibitions.of(offer.id());
        model.addAttribute(
                FORM,
                new SettingsForm(
                        exhibition.minDays(), exhibition.maxDays(), exhibition.bufferDays(), exhibition.version()));
        return page(model, offer);
    }

    @PostMapping("/admin/expositions/{code}")
    String save(
            @PathVariable String code,
            @Valid @ModelAttribute(FORM) SettingsForm form,
            BindingResult binding,
            CurrentUser user,
            Model model,
            RedirectAttributes flash) {
        Exhibitions.ExhibitionOffer offer = offer(code);
        BindingResult errors = forms.whole(form, FORM, binding, model);
        if (!errors.hasErrors()) {
            try {
                exhibitions.update(offer.id(), form.minDays(), form.maxDays(), form.bufferDays(), form.version());
                flash.addFlashAttribute("success", "Les règles de prêt de " + offer.code() + " sont enregistrées.");
                return "redirect:/admin/expositions/" + offer.code();
            } catch (FieldRefusal e) {
                e.rejectInto(errors);
            }
        }
        return page(model, offer);
    }

    @PostMapping("/admin/expositions/{code}/exemplaires")
    String addCopy(@PathVariable String code, @RequestParam(required = false) String label, RedirectAttributes flash) {
        Exhibitions.ExhibitionOffer offer = offer(code);
        try {
            exhibitions.ensure(offer.id());
            exhibitions.addCopy(offer.id(), label);
            flash.addFlashAttribute("success", "L'exemplaire « " + label.strip() + " » est ajouté.");
        } catch (FieldRefusal e) {
            flash.addFlashAttribute("copyError", e.getMessage());
            flash.addFlashAttribute("copyLabel", label);
        }
        return "redirect:/admin/expositions/" + offer.code() + "#exemplaires";
    }

    @PostMapping("/admin/expositions/{code}/exemplaires/{copyId}")
    String setActive(
            @PathVariable String code,
            @PathVariable long copyId,
            @RequestParam boolean actif,
            RedirectAttributes flash) {
        Exhibitions.ExhibitionOffer offer = offer(code);
        try {
            exhibitions.setActive(offer.id(), copyId, actif, bookings.today());
            flash.addFlashAttribute(
                    "success", actif ? "L'exemplaire est remis en service." : "L'exemplaire est mis hors service.");
        } catch (FieldRefusal e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/expositions/" + offer.code() + "#exemplaires";
    }

    private String page(Model model, Exhibitions.ExhibitionOffer offer) {
        model.addAttribute("offer", offer);
        model.addAttribute("exhibition", exhibitions.of(offer.id()));
        return "loans/admin";
    }

    private Exhibitions.ExhibitionOffer offer(String code) {
        return exhibitions.all().stream()
                .filter(o -> o.code().equalsIgnoreCase(code))
                .findFirst()
                .orElseThrow(LoanBookings::notFound);
    }
}
