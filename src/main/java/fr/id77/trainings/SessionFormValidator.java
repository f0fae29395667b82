package fr.id77.trainings;

import fr.id77.shared.time.TimeConfiguration;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

/** The rules of a session's form between its fields, each refusal next to the field to correct. */
@Component
class SessionFormValidator {

    private final Clock clock;

    SessionFormValidator(Clock clock) {
        this.clock = clock;
    }

    void validate(SessionForm form, Errors errors) {
        LocalDate today = LocalDate.now(clock.withZone(TimeConfiguration.PARIS));
        rules(form, today, errors);
    }

    static void rules(SessionForm form, LocalDate today, Errors errors) {
        if (form.date() != null
                && !errors.hasFieldErrors("date")
                && !form.date().isAfter(today)) {
            errors.rejectValue("date", "past", "La session doit avoir lieu après aujourd'hui.");
        }
        if (form.debut() != null
                && form.fin() != null
                && !errors.hasFieldErrors("fin")
                && !form.fin().isAfter(form.debut())) {
            errors.rejectValue("fin", "order", "L'heure de fin doit suivre l'heure de début.");
        }
        if (!form.remote() && form.place() == null && !errors.hasFieldErrors("lieu")) {
            errors.rejectValue("lieu", "required", "Indiquez le lieu, ou cochez « À distance ».");
        }
        if (form.dateLimite() != null && form.date() != null && !errors.hasFieldErrors("dateLimite")) {
            if (form.dateLimite().isAfter(form.date())) {
                errors.rejectValue(
                        "dateLimite",
                        "after",
                        "La date limite d'inscription doit précéder la session (ou être le jour même).");
            } else if (form.dateLimite().isBefore(today)) {
                errors.rejectValue("dateLimite", "past", "La date limite d'inscription est déjà passée.");
            }
        }
    }
}
