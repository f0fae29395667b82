package fr.id77.account;

import static org.assertj.core.api.Assertions.assertThat;

import fr.id77.account.AccountForms.LoginInfoForm;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.validation.Errors;

/** « Informations de connexion » refuses, next to the e-mail field, an address another account uses. */
class LoginInfoValidatorTests {

    private final List<String> asked = new ArrayList<>();
    private final LoginInfoValidator validator = new LoginInfoValidator(email -> {
        asked.add(email);
        return email.equals("prise@example.fr");
    });

    private static LoginInfoForm form(String email) {
        return new LoginInfoForm("MME", "Anne", "Test", email, "", 3, null);
    }

    @Test
    void anAddressOfAnotherAccountIsRefusedNextToTheField() {
        LoginInfoForm form = form("prise@example.fr");
        Errors errors = new DirectFieldBindingResult(form, "form");
        validator.validate(form, errors);
        assertThat(errors.getFieldError("email").getDefaultMessage())
                .isEqualTo("Un compte utilise déjà cette adresse e-mail.");
        assertThat(errors.getErrorCount()).isEqualTo(1);
    }

    @Test
    void aFreeAddressPasses() {
        LoginInfoForm form = form("libre@example.fr");
        Errors errors = new DirectFieldBindingResult(form, "form");
        validator.validate(form, errors);
        assertThat(errors.hasErrors()).isFalse();
        assertThat(asked).containsExactly("libre@example.fr");
    }

    @Test
    void anAddressAlreadyRefusedIsNotLookedUp() {
        LoginInfoForm form = form("pas-une-adresse");
        Errors errors = new DirectFieldBindingResult(form, "form");
        errors.rejectValue("email", "Email", "Cette adresse e-mail n'est pas valide.");
        validator.validate(form, errors);
        assertThat(asked).isEmpty();
        assertThat(errors.getErrorCount()).isEqualTo(1);
        assertThat(validator.supports(LoginInfoForm.class)).isTrue();
        assertThat(validator.supports(AccountForms.ChangePasswordForm.class)).isFalse();
    }
}
