package fr.id77.catalogue;

import fr.id77.catalogue.CatalogueAdminForms.OrganisationForm;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * The rules of the organisation form that Bean Validation cannot hold: a name that stays visible once cleaned, and
 * that no other organisation bears (whatever its case).
 */
final class OrganisationFormValidator implements Validator {

    static final String KIND_REQUIRED = "Indiquez s'il s'agit d'un service du Département ou d'un partenaire.";
    static final String NAME_TAKEN = "Un organisme porte déjà ce nom.";

    /** Whether an organisation other than {@code except} (null for none) bears this name, whatever its case. */
    @FunctionalInterface
    interface Names {
        boolean taken(String name, Long except);
    }

    private final Names names;
    private final Long organisationId;

    /** {@code organisationId} is the organisation renamed, or null for a new one. */
    OrganisationFormValidator(Names names, Long organisationId) {
        this.names = names;
        this.organisationId = organisationId;
    }

    @Override
    public boolean supports(Class<?> type) {
        return OrganisationForm.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        if (errors.hasFieldErrors("name")) {
            return;
        }
        String name = ((OrganisationForm) target).cleanName();
        if (name.isEmpty()) {
            errors.rejectValue("name", "required", CatalogueAdminForms.NAME_REQUIRED);
        } else if (names.taken(name, organisationId)) {
            errors.rejectValue("name", "taken", NAME_TAKEN);
        }
    }
}
