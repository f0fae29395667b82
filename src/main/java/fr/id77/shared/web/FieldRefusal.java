package fr.id77.shared.web;

import org.springframework.validation.BindingResult;

/**
 * A rule of the domain refused what the user asked for; every module throws this one type so that
 * every form shows the refusal the same way: next to {@link #field()}, or above the form when it is null.
 */
public class FieldRefusal extends RuntimeException {

    private final String field;

    /** {@code field} names the form field the message belongs next to, or is null for the whole form. */
    public FieldRefusal(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    /** The form field concerned, or null when the refusal is about the whole form. */
    public String field() {
        return field;
    }

    /** Writes the refusal into the form's errors, where the form fragments show it. */
    public void rejectInto(BindingResult result) {
        if (field == null) {
            result.reject("refused", getMessage());
        } else {
            result.rejectValue(field, "refused", getMessage());
        }
    }
}
