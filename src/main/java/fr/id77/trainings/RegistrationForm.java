package fr.id77.trainings;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;

/**
 * « Inscrire des participants »: a few rows (name, function, e-mail), the empty ones ignored. Lengths and the e-mail's
 * form here; the rows' required fields and duplicates are {@link RegistrationFormValidator}'s.
 */
record RegistrationForm(
        @Size(max = RegistrationForm.MAX_ROWS, message = "Au plus 20 participants à la fois.")
        List<@Valid Row> participants) {

    /** Rows shown by the form. */
    static final int ROWS = 5;

    static final int MAX_ROWS = 20;

    record Row(
            @Size(max = 150, message = "Le nom dépasse 150 caractères.")
            String nom,

            @Size(max = 150, message = "La fonction dépasse 150 caractères.")
            String fonction,

            @Size(max = 254, message = "L'adresse dépasse 254 caractères.")
            @Email(message = "Saisissez une adresse e-mail valide (nom@exemple.fr).")
            String email) {

        boolean isEmpty() {
            return blank(nom) && blank(fonction) && blank(email);
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }
    }

    static RegistrationForm empty() {
        return new RegistrationForm(padded(List.of()));
    }

    /** The rows, at least {@link #ROWS} of them (empty ones added), for the page. */
    RegistrationForm padded() {
        return new RegistrationForm(padded(participants));
    }

    private static List<Row> padded(List<Row> rows) {
        List<Row> all = new ArrayList<>(rows == null ? List.of() : rows);
        all.replaceAll(r -> r == null ? new Row("", "", "") : r);
        while (all.size() < ROWS) {
            all.add(new Row("", "", ""));
        }
        return all;
    }

    /** The rows filled, with their line in the form, the values trimmed. */
    List<Registrations.Participant> filled() {
        List<Registrations.Participant> people = new ArrayList<>();
        List<Row> rows = participants == null ? List.of() : participants;
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            if (r != null && !r.isEmpty()) {
                people.add(new Registrations.Participant(i, strip(r.nom()), strip(r.fonction()), strip(r.email())));
            }
        }
        return people;
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }
}
