package fr.id77.loans;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * « Réserver cette exposition » as submitted: the wished period, the technical referent, the message to the chef de
 * file, the form's one-time token ({@code envoi}) and which button was pressed ({@code action}: {@value #CHECK} only
 * checks the period, anything else files the request). The rules that need the exhibition are {@link LoanRules}'.
 */
record BookingForm(
        @NotNull(message = "Indiquez la date de début du prêt.") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        LocalDate debut,

        @NotNull(message = "Indiquez la date de fin du prêt.") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        LocalDate fin,

        Long referent,

        @Size(max = 10_000, message = "Votre message dépasse 10 000 caractères : raccourcissez-le.")
        String message,

        String envoi,
        String action) {

    static final String CHECK = "verifier";

    static BookingForm empty() {
        return new BookingForm(null, null, null, "", java.util.UUID.randomUUID().toString(), null);
    }

    boolean onlyCheck() {
        return CHECK.equals(action);
    }

    java.util.UUID token() {
        try {
            return envoi == null ? null : java.util.UUID.fromString(envoi);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
