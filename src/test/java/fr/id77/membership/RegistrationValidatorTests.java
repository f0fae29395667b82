package fr.id77.membership;

import static org.assertj.core.api.Assertions.assertThat;

import fr.id77.membership.MembershipForms.RegistrationForm;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.validation.Errors;

/** « S'inscrire » refuses, next to each field, an identifiant or an address an account already has. */
class RegistrationValidatorTests {

    private final List<String> asked = new ArrayList<>();
    private final RegistrationValidator validator = new RegistrationValidator(
            identifiant -> asked.add(identifiant) && identifiant.equals("prise"),
            email -> asked.add(email)
                    && Set.of("prise@example.test", "pris@example.test").contains(email));

    private Errors validate(RegistrationForm form) {
        Errors errors = new DirectFieldBindingResult(form, "form");
        validator.validate(form, errors);
        return errors;
    }

    @Test
    void aTakenIdentifiantAndATakenAddressAreEachRefusedNextToTheirField() {
        Errors errors = validate(MembershipFixtures.form("prise"));
        assertThat(errors.getFieldError("identifiant").getDefaultMessage())
                .isEqualTo("Cet identifiant est déjà utilisé : choisissez-en un autre.");
        assertThat(errors.getFieldError("email").getDefaultMessage())
                .isEqualTo("Un compte utilise déjà cette adresse e-mail.");
        assertThat(errors.getErrorCount()).isEqualTo(2);
    }

    @Test
    void freeOnesPass() {
        assertThat(validate(MembershipFixtures.form("libre")).hasErrors()).isFalse();
        assertThat(asked).containsExactly("libre", "libre@example.test");
    }

    @Test
    void fieldsAlreadyRefusedAreNotLookedUp() {
        RegistrationForm form = MembershipFixtures.form("prise");
        Errors errors = new DirectFieldBindingResult(form, "form");
        errors.rejectValue(
                "identifiant", "Identifiant", "L'identifiant doit compter de 3 à 40 lettres minuscules ou chiffres.");
        errors.rejectValue("email", "Email", "Cette adresse e-mail n'est pas valide.");
        validator.validate(form, errors);
        assertThat(asked).isEmpty();
        assertThat(errors.getErrorCount()).isEqualTo(2);
        assertThat(validator.supports(RegistrationForm.class)).isTrue();
        assertThat(validator.supports(MembershipForms.ColleagueForm.class)).isFalse();
    }
}
