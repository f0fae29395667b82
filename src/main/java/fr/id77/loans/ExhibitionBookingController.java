package fr.id77.loans;

import fr.id77.account.CurrentUser;
import fr.id77.catalogue.Offers;
import fr.id77.membership.Collectivities;
import fr.id77.requests.Actor;
import fr.id77.requests.RequestException;
import fr.id77.shared.web.FieldRefusal;
import fr.id77.shared.web.FormBinding;
import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * « Réserver cette exposition »: the wished period with « Vérifier la disponibilité » (the form again, with whether a
 * copy is free and else the next free periods), the technical referent and the message, then « Envoyer la demande »,
 * which files the request and its booking together.
 */
@Controller
class ExhibitionBookingController {

    private static final String FORM = "bookingForm";

    private final Exhibitions exhibitions;
    private final LoanBookings bookings;
    private final Collectivities collectivities;
    private final FormBinding forms;

    ExhibitionBookingController(
            Exhibitions exhibitions, LoanBookings bookings, Collectivities collectivities, FormBinding forms) {
        this.exhibitions = exhibitions;
        this.bookings = bookings;
        this.collectivities = collectivities;
        this.forms = forms;
    }

    @GetMapping("/expositions/{code}/reserver")
    String form(@PathVariable String code, CurrentUser user, Model model) {
        Offers.OfferSummary offer = offer(code);
        model.addAttribute(FORM, BookingForm.empty());
        return page(model, user, offer);
    }

    @PostMapping("/expositions/{code}/reserver")
    String book(
            @PathVariable String code,
            @Valid @ModelAttribute(FORM) BookingForm form,
            BindingResult binding,
            CurrentUser user,
            Model model,
            RedirectAttributes flash) {
        Offers.OfferSummary offer = offer(code);
        if (user.collectivityId() == null) {
            return page(model, user, offer);
        }
        BindingResult errors = forms.whole(form, FORM, binding, model);
        Exhibitions.Exhibition exhibition = exhibitions.of(offer.id());
        if (!errors.hasFieldErrors("debut") && !errors.hasFieldErrors("fin")) {
            try {
                LoanRules.Period period =
                        LoanRules.wished(form.debut(), form.fin(), exhibition.settings(), bookings.today());
                if (form.onlyCheck()) {
                    model.addAttribute("answer", bookings.check(offer.id(), period));
                    return page(model, user, offer);
                }
            } catch (FieldRefusal e) {
                e.rejectInto(errors);
            }
        }
        if (!form.onlyCheck() && form.referent() == null) {
            errors.rejectValue("referent", "required", "Choisissez le référent technique qui suivra la demande.");
        }
        if (errors.hasErrors()) {
            return page(model, user, offer);
        }
        int numero;
        try {
            numero = bookings.book(
                    Actor.of(user), offer, form.debut(), form.fin(), form.referent(), form.message(), form.token());
        } catch (FieldRefusal e) {
            e.rejectInto(errors);
            return page(model, user, offer);
        } catch (RequestException e) {
            errors.reject("refused", e.getMessage());
            return page(model, user, offer);
        }
        flash.addFlashAttribute(
                "success",
                "Votre demande N°" + numero + " a été envoyée au chef de file avec la période "
                        + new LoanRules.Period(form.debut(), form.fin()).label()
                        + ". Elle est « En attente » : la réservation sera confirmée quand il l'acceptera.");
        return "redirect:/demandes/" + numero;
    }

    private String page(Model model, CurrentUser user, Offers.OfferSummary offer) {
        model.addAttribute("offer", offer);
        if (user.collectivityId() == null) {
            return "requests/staff-cannot-file";
        }
        Exhibitions.Exhibition exhibition = exhibitions.of(offer.id());
        Map<Long, String> referents = new LinkedHashMap<>();
        collectivities
                .activeReferents(user.collectivityId())
                .forEach(r -> referents.put(
                        r.id(),
                        r.fullName() + (r.service() == null || r.service().isBlank() ? "" : " (" + r.service() + ")")));
        model.addAttribute("referents", referents);
        model.addAttribute("exhibition", exhibition);
        model.addAttribute(
                "calendar",
                AvailabilityCalendar.of(
                        exhibition.activeCopies(), bookings.occupations(offer.id(), false, null), bookings.today()));
        model.addAttribute(
                "collectivity", collectivities.byId(user.collectivityId()).orElse(null));
        return "loans/book";
    }

    private Offers.OfferSummary offer(String code) {
        return exhibitions
                .publishedExhibition(code)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
