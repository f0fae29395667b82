package fr.id77.account;

import fr.id77.account.AccountForms.ChosenPassword;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * The rules of a password being chosen that a single field cannot check: the policy (which needs the holder's
 * identifiant) and the second typing equal to the first. Shown next to each field; the account enforces the policy again.
 */
class ChosenPasswordValidator implements Validator {

    private final PasswordPolicy policy;
    private final String identifiant;

    /** {@code identifiant}: of the account the password is for, or null when unknown (a link no longer valid). */
    ChosenPasswordValidator(PasswordPolicy policy, String identifiant) {
        this.policy = policy;
        this.identifiant = identifiant;
    }

    @Override
    public boolean supports(Class<?> type) {
        return ChosenPassword.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        ChosenPassword form = (ChosenPassword) target;
        if (errors.hasFieldErrors("password")) {
            return;
        }
        policy.problem(form.password(), identifiant)
                .ifPresent(problem -> errors.rejectValue("password", "policy", problem));
        if (!errors.hasFieldErrors("confirmation") && !form.password().equals(form.confirmation())) {
            errors.rejectValue("confirmation", "confirmation", "Les deux saisies ne sont pas identiques.");
        }
    }
}
