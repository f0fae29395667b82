package fr.id77.account;

import fr.id77.account.AccountForms.StaffInvitationForm;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/** « Inviter » on the admin's accounts page gives only ID77 staff roles: members are invited by their colleagues. */
class StaffInvitationValidator implements Validator {

    @Override
    public boolean supports(Class<?> type) {
        return StaffInvitationForm.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        StaffInvitationForm form = (StaffInvitationForm) target;
        if (!errors.hasFieldErrors("role") && form.role() != Role.CHEF_DE_FILE && form.role() != Role.ADMIN) {
            errors.rejectValue("role", "role", "Choisissez chef de file ou administrateur.");
        }
    }
}
