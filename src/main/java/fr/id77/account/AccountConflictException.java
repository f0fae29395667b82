package fr.id77.account;

/** The identifiant or e-mail is already used (also when two people register it at the same moment). */
public class AccountConflictException extends RuntimeException {

    private final String field;

    public AccountConflictException(String field) {
        super(
                field.equals("identifiant")
                        ? "Cet identifiant est déjà utilisé : choisissez-en un autre."
                        : "Un compte utilise déjà cette adresse e-mail.");
        this.field = field;
    }

    /** The form field to show the message next to: {@code identifiant} or {@code email}. */
    public String field() {
        return field;
    }
}
