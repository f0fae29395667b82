package fr.id77.trainings;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.validation.Errors;

/** A row begun must be whole (name, function, e-mail), each person once, and the form must name someone. */
final class RegistrationFormValidator {

    private RegistrationFormValidator() {}

    static void validate(RegistrationForm form, Errors errors) {
        List<RegistrationForm.Row> rows = form.participants() == null ? List.of() : form.participants();
        Set<String> emails = new HashSet<>();
        boolean anyone = false;
        for (int i = 0; i < rows.size(); i++) {
            RegistrationForm.Row row = rows.get(i);
            if (row == null || row.isEmpty()) {
                continue;
            }
            anyone = true;
            String at = "participants[" + i + "].";
            if (row.nom() == null || row.nom().isBlank()) {
                errors.rejectValue(at + "nom", "required", "Indiquez le nom du participant.");
            }
            if (row.fonction() == null || row.fonction().isBlank()) {
                errors.rejectValue(at + "fonction", "required", "Indiquez sa fonction.");
            }
            if (row.email() == null || row.email().isBlank()) {
                errors.rejectValue(at + "email", "required", "Indiquez son adresse e-mail.");
            } else if (!errors.hasFieldErrors(at + "email")
                    && !emails.add(row.email().strip().toLowerCase(Locale.ROOT))) {
                errors.rejectValue(
                        at + "email", "duplicate", "Cette adresse figure déjà plus haut dans le formulaire.");
            }
        }
        if (!anyone && !errors.hasErrors()) {
            int first = -1;
            for (int i = 0; i < rows.size() && first < 0; i++) {
                first = rows.get(i) == null ? -1 : i;
            }
            if (first < 0) { // no row at all posted: nothing to show the message next to
                errors.reject("required", "Indiquez au moins un participant.");
            } else {
                errors.rejectValue("participants[" + first + "].nom", "required", "Indiquez au moins un participant.");
            }
        }
    }
}
