package fr.id77.membership;

import fr.id77.membership.MembershipForms.RegistrationForm;
import java.util.function.Predicate;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * « S'inscrire »: the identifiant and the e-mail address must not be an existing account's (the database knows),
 * said next to each field with everything else the form refused.
 */
class RegistrationValidator implements Validator {

    private final Predicate<String> identifiantTaken;
    private final Predicate<String> emailTaken;

    RegistrationValidator(Predicate<String> identifiantTaken, Predicate<String> emailTaken) {
        this.identifiantTaken = identifiantTaken;
        this.emailTaken = emailTaken;
    }

    @Override
    public boolean supports(Class<?> type) {
        return RegistrationForm.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        RegistrationForm form = (RegistrationForm) target;
        if (!errors.hasFieldErrors("identifiant") && identifiantTaken.test(form.identifiant())) {
            errors.rejectValue("identifiant", "taken", "Cet identifiant est déjà utilisé : choisissez-en un autre.");
        }
        if (!errors.hasFieldErrors("email") && emailTaken.test(form.email())) {
            errors.rejectValue("email", "taken", "Un compte utilise déjà cette adresse e-mail.");
        }
    }
}
