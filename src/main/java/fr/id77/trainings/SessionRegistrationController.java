package fr.id77.trainings;

import fr.id77.account.CurrentUser;
import fr.id77.shared.mail.MailQuota;
import fr.id77.shared.web.ConfirmFirst;
import fr.id77.shared.web.FieldRefusal;
import fr.id77.shared.web.FormBinding;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Members: « Inscrire des participants » to a session, and « Mes inscriptions » (their collectivity's) with cancel. */
@Controller
class SessionRegistrationController {

    private final SessionStore store;
    private final Registrations registrations;
    private final FormBinding forms;
    private final Clock clock;

    SessionRegistrationController(SessionStore store, Registrations registrations, FormBinding forms, Clock clock) {
        this.store = store;
        this.registrations = registrations;
        this.forms = forms;
        this.clock = clock;
    }

    @GetMapping("/sessions/{id}/inscription")
    String form(@PathVariable long id, CurrentUser user, Model model) {
        RegistrationForm empty = RegistrationForm.empty();
        model.addAttribute("form", empty);
        model.addAttribute("rows", empty.participants());
        model.addAttribute("formRows", 0);
        return page(id, user, model);
    }

    @PostMapping("/sessions/{id}/inscription")
    String register(
            @PathVariable long id,
            @Valid @ModelAttribute("form") RegistrationForm form,
            BindingResult binding,
            CurrentUser user,
            Model model,
            RedirectAttributes flash) {
        BindingResult errors = forms.whole(form, "form", binding, model);
        RegistrationFormValidator.validate(form, errors);
        if (!errors.hasErrors() && user.collectivityId() != null) {
            try {
                Registrations.Outcome outcome = registrations.register(user, id, form.filled());
                Session session = store.byId(id).orElseThrow(Registrations::notFound);
                flash.addFlashAttribute("success", RegistrationMessages.confirmation(outcome, session.day()));
                return "redirect:/mes-inscriptions";
            } catch (FieldRefusal e) {
                e.rejectInto(errors);
            } catch (MailQuota.Exceeded e) {
                errors.reject("quota", e.getMessage());
            }
        }
        // the rows shown, empty ones added; the form itself stays in the model with its errors
        model.addAttribute("rows", form.padded().participants());
        model.addAttribute(
                "formRows",
                form.participants() == null ? 0 : form.participants().size());
        return page(id, user, model);
    }

    private String page(long id, CurrentUser user, Model model) {
        Session session = store.byId(id).orElseThrow(Registrations::notFound);
        model.addAttribute("trainingSession", session);
        model.addAttribute("refusal", session.refusal(clock.instant()));
        model.addAttribute("member", user.collectivityId() != null);
        model.addAttribute("maxRows", RegistrationForm.MAX_ROWS);
        return "trainings/register";
    }

    /** A session and the collectivity's participants registered for it. */
    record SessionRegistrations(Session session, List<Registration> registrations, boolean open) {}

    @GetMapping("/mes-inscriptions")
    String mine(CurrentUser user, Model model) {
        if (user.collectivityId() == null) {
            model.addAttribute("sessions", List.of());
            model.addAttribute("member", false);
            return "trainings/mine";
        }
        Map<Long, List<Registration>> bySession = store.ofCollectivity(user.collectivityId()).stream()
                .collect(Collectors.groupingBy(Registration::sessionId, LinkedHashMap::new, Collectors.toList()));
        List<SessionRegistrations> sessions = store.byIds(bySession.keySet()).stream()
                .sorted((a, b) -> b.startsAt().compareTo(a.startsAt()))
                .map(s -> new SessionRegistrations(
                        s, bySession.get(s.id()), !s.hasStarted(clock.instant()) && !s.isCancelled()))
                .toList();
        model.addAttribute("sessions", sessions);
        model.addAttribute("member", true);
        return "trainings/mine";
    }

    @ConfirmFirst(
            value = "Annuler cette inscription ?",
            detail = "Le participant reçoit un courriel ; sa place revient au premier inscrit de la liste d'attente.",
            button = "Oui, annuler l'inscription",
            back = "/mes-inscriptions")
    @PostMapping("/mes-inscriptions/{id}/annulation")
    String cancel(@PathVariable long id, CurrentUser user, RedirectAttributes flash) {
        if (user.collectivityId() == null) {
            throw Registrations.notFound();
        }
        String name = store.registration(id)
                .filter(r -> r.collectivityId() == user.collectivityId())
                .map(Registration::name)
                .orElseThrow(Registrations::notFound);
        try {
            registrations.cancel(user, id);
            flash.addFlashAttribute("success", "L'inscription de " + name + " est annulée ; un courriel l'en informe.");
        } catch (FieldRefusal | MailQuota.Exceeded e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/mes-inscriptions";
    }
}
