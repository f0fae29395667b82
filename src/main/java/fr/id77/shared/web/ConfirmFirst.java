package fr.id77.shared.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A destructive POST handler that runs only once confirmed: without {@code confirme=oui} in the post, a page asks the
 * question and posts the same values again with it. With JavaScript, the browser's confirm() of the form's
 * {@code data-confirm} adds it, so people see one question either way (see {@link Confirmations}).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ConfirmFirst {

    /** The question; {@code {name}} is replaced by the path variable of that name. */
    String value();

    /** What happens then, in a sentence (may be empty). */
    String detail() default "";

    /** The label of the confirming button (« Oui, supprimer »). */
    String button();

    /** Where « Non » leads back to. */
    String back();

    /** {@code name=value}: no confirmation needed when the post carries this parameter value (e.g. publishing, not withdrawing). */
    String unless() default "";
}
