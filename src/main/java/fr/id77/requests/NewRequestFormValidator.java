package fr.id77.requests;

import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;
import org.springframework.validation.SmartValidator;

/**
 * The rules of the « Faire une demande » form that a field alone cannot tell: the referent must be one of the
 * filing collectivity's (passed as validation hint), and every file must pass the attachment rules (one message per
 * refused file, under the file field).
 */
@Component
class NewRequestFormValidator implements SmartValidator {

    private final RequestParticipants participants;
    private final RequestFiles files;

    NewRequestFormValidator(RequestParticipants participants, RequestFiles files) {
        this.participants = participants;
        this.files = files;
    }

    @Override
    public boolean supports(Class<?> type) {
        return NewRequestForm.class.equals(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        for (String problem : files.problems(((NewRequestForm) target).files())) {
            errors.rejectValue(RequestFiles.FIELD, "fichier.refuse", problem);
        }
    }

    /** {@code hints}: the filing collectivity's id. */
    @Override
    public void validate(Object target, Errors errors, Object... hints) {
        NewRequestForm form = (NewRequestForm) target;
        long collectivityId = (Long) hints[0];
        if (form.referent() != null
                && !errors.hasFieldErrors("referent")
                && !participants.acceptsReferent(collectivityId, form.referent())) {
            errors.rejectValue("referent", "referent.refuse", RequestParticipants.REFERENT_REFUSED);
        }
        validate(target, errors);
    }
}
