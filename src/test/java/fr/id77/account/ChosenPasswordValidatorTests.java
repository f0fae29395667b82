package fr.id77.account;

import static org.assertj.core.api.Assertions.assertThat;

import fr.id77.account.AccountForms.ChangePasswordForm;
import fr.id77.account.AccountForms.NewPasswordForm;
import org.junit.jupiter.api.Test;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.validation.Errors;

/** The password forms refuse, next to the field, a password the policy refuses and a second typing that differs. */
class ChosenPasswordValidatorTests {

    private final ChosenPasswordValidator validator = new ChosenPasswordValidator(new PasswordPolicy(), "macommune");

    private Errors validate(Object form) {
        Errors errors = new DirectFieldBindingResult(form, "form");
        validator.validate(form, errors);
        return errors;
    }

    @Test
    void aGoodPasswordTypedTwiceIsAccepted() {
        assertThat(validate(new NewPasswordForm("jeton", "cheval agrafe pile", "cheval agrafe pile"))
                        .hasErrors())
                .isFalse();
        assertThat(validate(new ChangePasswordForm("actuel", "cheval agrafe pile", "cheval agrafe pile"))
                        .hasErrors())
                .isFalse();
    }

    @Test
    void thePolicyIsAppliedWithTheHoldersIdentifiant() {
        assertThat(validate(new NewPasswordForm("jeton", "onze-carac!", "onze-carac!"))
                        .getFieldError("password")
                        .getDefaultMessage())
                .contains("12 caractères");
        assertThat(validate(new NewPasswordForm("jeton", "douze-carac!", "douze-carac!"))
                        .hasErrors())
                .as("12 suffisent")
                .isFalse();
        assertThat(validate(new ChangePasswordForm("x", "MaCommune-2026!", "MaCommune-2026!"))
                        .getFieldError("password")
                        .getDefaultMessage())
                .contains("identifiant");
        assertThat(validate(new ChangePasswordForm("x", "azertyuiop123", "azertyuiop123"))
                        .getFieldError("password")
                        .getDefaultMessage())
                .contains("courant");
    }

    @Test
    void theSecondTypingMustBeTheSame() {
        Errors errors = validate(new NewPasswordForm("jeton", "cheval agrafe pile", "cheval agrafe pilE"));
        assertThat(errors.getFieldError("confirmation").getDefaultMessage())
                .isEqualTo("Les deux saisies ne sont pas identiques.");
        assertThat(errors.hasFieldErrors("password")).isFalse();
        assertThat(validate(new NewPasswordForm("jeton", " cheval agrafe pile", "cheval agrafe pile"))
                        .hasFieldErrors("confirmation"))
                .as("a space counts: passwords are never trimmed")
                .isTrue();
    }

    @Test
    void aFieldAlreadyRefusedIsNotJudgedAgain() {
        NewPasswordForm blank = new NewPasswordForm("jeton", "", "autre chose");
        Errors errors = new DirectFieldBindingResult(blank, "form");
        errors.rejectValue("password", "NotBlank", "Choisissez un mot de passe.");
        validator.validate(blank, errors);
        assertThat(errors.getErrorCount()).isEqualTo(1);
    }

    @Test
    void withoutAKnownHolderThePolicyStillApplies() {
        ChosenPasswordValidator unknownHolder = new ChosenPasswordValidator(new PasswordPolicy(), null);
        NewPasswordForm form = new NewPasswordForm("perime", "court", "court");
        Errors errors = new DirectFieldBindingResult(form, "form");
        unknownHolder.validate(form, errors);
        assertThat(errors.getFieldError("password").getDefaultMessage()).contains("12 caractères");
        assertThat(unknownHolder.supports(ChangePasswordForm.class)).isTrue();
        assertThat(unknownHolder.supports(AccountForms.LoginInfoForm.class)).isFalse();
    }
}
