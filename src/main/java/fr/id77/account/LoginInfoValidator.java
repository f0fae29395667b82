package fr.id77.account;

import fr.id77.account.AccountForms.LoginInfoForm;
import java.util.function.Predicate;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/** « Informations de connexion »: a new e-mail address must not be another account's (the database knows). */
class LoginInfoValidator implements Validator {

    private final Predicate<String> takenByAnother;

    /** {@code takenByAnother}: whether an account other than the signed-in person's uses this address. */
    LoginInfoValidator(Predicate<String> takenByAnother) {
        this.takenByAnother = takenByAnother;
    }

    @Override
    public boolean supports(Class<?> type) {
        return LoginInfoForm.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        LoginInfoForm form = (LoginInfoForm) target;
        if (!errors.hasFieldErrors("email") && takenByAnother.test(form.email())) {
            errors.rejectValue("email", "taken", "Un compte utilise déjà cette adresse e-mail.");
        }
    }
}
