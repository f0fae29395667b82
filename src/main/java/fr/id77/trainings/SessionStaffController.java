package fr.id77.trainings;

import fr.id77.account.CurrentUser;
import fr.id77.account.Role;
import fr.id77.catalogue.Offers;
import fr.id77.shared.web.ConfirmFirst;
import fr.id77.shared.web.FieldRefusal;
import fr.id77.shared.web.FormBinding;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff's sessions ({@code /gestion/sessions}): admins all of them, a chef de file those of the offers he leads. Every
 * session or registration id in an address is checked against that ({@link SessionAdmin#managed}): not found otherwise.
 */
@Controller
class SessionStaffController {

    private final SessionAdmin admin;
    private final SessionStore store;
    private final Registrations registrations;
    private final SessionFormValidator validator;
    private final FormBinding forms;
    private final Clock clock;

    SessionStaffController(
            SessionAdmin admin,
            SessionStore store,
            Registrations registrations,
            SessionFormValidator validator,
            FormBinding forms,
            Clock clock) {
        this.admin = admin;
        this.store = store;
        this.registrations = registrations;
        this.validator = validator;
        this.forms = forms;
        this.clock = clock;
    }

    @GetMapping("/gestion/sessions")
    String list(@RequestParam(name = "offre", required = false) String offre, CurrentUser user, Model model) {
        staff(user);
        List<Offers.OfferSummary> offers = admin.manageableOffers(user);
        List<Session> sessions = admin.manageable(user).stream()
                .filter(s -> offre == null || offre.isBlank() || s.offerCode().equalsIgnoreCase(offre.strip()))
                .toList();
        model.addAttribute("offers", offers);
        model.addAttribute("sessions", sessions);
        model.addAttribute("offre", offre == null ? "" : offre.strip().toUpperCase());
        model.addAttribute("now", clock.instant());
        return "trainings/staff-list";
    }

    @GetMapping("/gestion/sessions/nouvelle")
    String newForm(@RequestParam(name = "offre", required = false) String offre, CurrentUser user, Model model) {
        staff(user);
        model.addAttribute("form", SessionForm.empty());
        return form(model, admin.offerToManage(user, offre), null);
    }

    @PostMapping("/gestion/sessions")
    String create(
            @RequestParam(name = "offre", required = false) String offre,
            @Valid @ModelAttribute("form") SessionForm form,
            BindingResult binding,
            CurrentUser user,
            Model model,
            RedirectAttributes flash) {
        staff(user);
        Offers.OfferSummary offer = admin.offerToManage(user, offre);
        BindingResult errors = forms.whole(form, "form", binding, model);
        validator.validate(form, errors);
        if (errors.hasErrors()) {
            return form(model, offer, null);
        }
        long id = admin.create(user, offer.code(), form);
        flash.addFlashAttribute("success", "La session est créée : elle apparaît sur la page de l'offre.");
        return "redirect:/gestion/sessions/" + id;
    }

    @GetMapping("/gestion/sessions/{id}")
    String show(@PathVariable long id, CurrentUser user, Model model) {
        staff(user);
        Session session = admin.managed(user, id);
        List<Registration> all = store.registrations(id);
        model.addAttribute("trainingSession", session);
        model.addAttribute(
                "confirmed", all.stream().filter(Registration::isConfirmed).toList());
        model.addAttribute(
                "waiting", all.stream().filter(Registration::isWaiting).toList());
        model.addAttribute(
                "cancelled", all.stream().filter(Registration::isCancelled).toList());
        model.addAttribute("started", session.hasStarted(clock.instant()));
        return "trainings/staff-show";
    }

    @GetMapping("/gestion/sessions/{id}/modifier")
    String editForm(@PathVariable long id, CurrentUser user, Model model, RedirectAttributes flash) {
        staff(user);
        Session session = admin.managed(user, id);
        if (closed(session)) {
            return closed(session, flash);
        }
        model.addAttribute("form", SessionForm.of(session));
        return form(model, offerOf(session), session);
    }

    @PostMapping("/gestion/sessions/{id}/modifier")
    String edit(
            @PathVariable long id,
            @Valid @ModelAttribute("form") SessionForm form,
            BindingResult binding,
            CurrentUser user,
            Model model,
            RedirectAttributes flash) {
        staff(user);
        Session session = admin.managed(user, id);
        if (closed(session)) {
            return closed(session, flash);
        }
        BindingResult errors = forms.whole(form, "form", binding, model);
        validator.validate(form, errors);
        if (!errors.hasErrors()) {
            try {
                admin.update(user, id, form);
                flash.addFlashAttribute("success", "La session est modifiée.");
                return "redirect:/gestion/sessions/" + id;
            } catch (FieldRefusal e) {
                e.rejectInto(errors);
            }
        }
        return form(model, offerOf(session), session);
    }

    @GetMapping("/gestion/sessions/{id}/annulation")
    String cancelForm(@PathVariable long id, CurrentUser user, Model model, RedirectAttributes flash) {
        staff(user);
        Session session = admin.managed(user, id);
        if (closed(session)) {
            return closed(session, flash);
        }
        model.addAttribute("trainingSession", session);
        model.addAttribute("form", new CancelSessionForm(""));
        return "trainings/staff-cancel";
    }

    @PostMapping("/gestion/sessions/{id}/annulation")
    String cancel(
            @PathVariable long id,
            @Valid @ModelAttribute("form") CancelSessionForm form,
            BindingResult binding,
            CurrentUser user,
            Model model,
            RedirectAttributes flash) {
        staff(user);
        Session session = admin.managed(user, id);
        BindingResult errors = forms.whole(form, "form", binding, model);
        if (!errors.hasErrors()) {
            try {
                admin.cancel(user, id, form.motif());
                flash.addFlashAttribute(
                        "success", "La session est annulée : les participants et leurs collectivités sont prévenus.");
                return "redirect:/gestion/sessions/" + id;
            } catch (FieldRefusal e) {
                e.rejectInto(errors);
            }
        }
        model.addAttribute("trainingSession", session);
        return "trainings/staff-cancel";
    }

    @PostMapping("/gestion/sessions/{id}/presences")
    String attendance(
            @PathVariable long id,
            @RequestParam(name = "present", required = false) Set<Long> present,
            CurrentUser user,
            RedirectAttributes flash) {
        staff(user);
        try {
            admin.markAttendance(user, id, present == null ? Set.of() : present);
            flash.addFlashAttribute("success", "Les présences sont enregistrées.");
        } catch (FieldRefusal e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/gestion/sessions/" + id;
    }

    @ConfirmFirst(
            value = "Annuler cette inscription ?",
            detail = "Le participant reçoit un courriel ; sa place revient au premier inscrit de la liste d'attente.",
            button = "Oui, annuler l'inscription",
            back = "/gestion/sessions")
    @PostMapping("/gestion/inscriptions/{id}/annulation")
    String cancelRegistration(@PathVariable long id, CurrentUser user, RedirectAttributes flash) {
        staff(user);
        Registration registration = store.registration(id).orElseThrow(Registrations::notFound);
        admin.managed(user, registration.sessionId());
        try {
            registrations.cancel(user, id);
            flash.addFlashAttribute("success", "L'inscription de " + registration.name() + " est annulée.");
        } catch (FieldRefusal e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/gestion/sessions/" + registration.sessionId();
    }

    /** A session cancelled or begun is no longer edited nor cancelled. */
    private boolean closed(Session session) {
        return session.isCancelled() || session.hasStarted(clock.instant());
    }

    private static String closed(Session session, RedirectAttributes flash) {
        flash.addFlashAttribute(
                "error",
                session.isCancelled()
                        ? "Cette session est annulée : elle ne peut plus être modifiée."
                        : "Cette session a commencé : elle ne peut plus être modifiée ni annulée.");
        return "redirect:/gestion/sessions/" + session.id();
    }

    private String form(Model model, Offers.OfferSummary offer, Session session) {
        model.addAttribute("offer", offer);
        model.addAttribute("trainingSession", session);
        return "trainings/staff-form";
    }

    private Offers.OfferSummary offerOf(Session session) {
        return new Offers.OfferSummary(
                session.offerId(),
                session.offerCode(),
                session.offerTitle(),
                "",
                "",
                List.of(),
                "",
                session.chefDeFileId(),
                true,
                "");
    }

    /** Only ID77's staff reach these pages. */
    static void staff(CurrentUser user) {
        if (!user.isAdmin() && !user.hasRole(Role.CHEF_DE_FILE)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }
}
