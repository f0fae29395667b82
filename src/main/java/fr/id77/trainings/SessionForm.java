package fr.id77.trainings;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalTime;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A session as staff create or edit it: its day, hours (Paris time), place or « à distance », seats and the last day
 * of registration. Single-field rules here; those between fields are {@link SessionFormValidator}'s.
 */
record SessionForm(
        @NotNull(message = "Indiquez la date de la session.") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        LocalDate date,

        @NotNull(message = "Indiquez l'heure de début.") @DateTimeFormat(pattern = "HH:mm")
        LocalTime debut,

        @NotNull(message = "Indiquez l'heure de fin.") @DateTimeFormat(pattern = "HH:mm")
        LocalTime fin,

        @Size(max = 300, message = "Le lieu dépasse 300 caractères : raccourcissez-le.")
        String lieu,

        Boolean distance,

        @NotNull(message = "Indiquez le nombre de places.")
        @Min(value = 1, message = "Il faut au moins une place.")
        @Max(value = 1000, message = "Au plus 1 000 places.")
        Integer places,

        @NotNull(message = "Indiquez la date limite d'inscription.") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        LocalDate dateLimite,

        Integer version) {

    static SessionForm empty() {
        return new SessionForm(null, LocalTime.of(9, 30), LocalTime.of(12, 0), "", false, 10, null, null);
    }

    static SessionForm of(Session s) {
        return new SessionForm(
                s.localStart().toLocalDate(),
                s.localStart().toLocalTime(),
                s.localEnd().toLocalTime(),
                s.place(),
                s.remote(),
                s.seats(),
                s.registrationDeadline(),
                s.version());
    }

    /** Whether « À distance » was ticked (an unticked box sends nothing). */
    boolean remote() {
        return Boolean.TRUE.equals(distance);
    }

    String place() {
        return lieu == null || lieu.isBlank() ? null : lieu.strip();
    }
}
