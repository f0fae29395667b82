package fr.id77.account;

import static org.assertj.core.api.Assertions.assertThat;

import fr.id77.account.AccountForms.StaffInvitationForm;
import org.junit.jupiter.api.Test;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.validation.Errors;

/** An admin invites chefs de file and administrators only, never a member without a collectivity. */
class StaffInvitationValidatorTests {

    private static Errors validate(Role role) {
        StaffInvitationForm form = new StaffInvitationForm("paul", "paul@id77.example", "Paul", "Chef", role);
        Errors errors = new DirectFieldBindingResult(form, "form");
        new StaffInvitationValidator().validate(form, errors);
        return errors;
    }

    @Test
    void staffRolesPass() {
        assertThat(validate(Role.CHEF_DE_FILE).hasErrors()).isFalse();
        assertThat(validate(Role.ADMIN).hasErrors()).isFalse();
    }

    @Test
    void aMemberRoleIsRefusedNextToTheRole() {
        assertThat(validate(Role.ADHERENT).getFieldError("role").getDefaultMessage())
                .isEqualTo("Choisissez chef de file ou administrateur.");
        assertThat(new StaffInvitationValidator().supports(StaffInvitationForm.class))
                .isTrue();
    }

    @Test
    void aMissingRoleIsLeftToItsOwnMessage() {
        StaffInvitationForm form = new StaffInvitationForm("paul", "paul@id77.example", "Paul", "Chef", null);
        Errors errors = new DirectFieldBindingResult(form, "form");
        errors.rejectValue("role", "NotNull", "Choisissez un rôle.");
        new StaffInvitationValidator().validate(form, errors);
        assertThat(errors.getErrorCount()).isEqualTo(1);
    }
}
