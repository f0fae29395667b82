package fr.id77.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import fr.id77.catalogue.CatalogueAdminForms.OrganisationForm;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;

/** The rules of the organisation form beyond Bean Validation: a visible name that no other organisation bears (no Spring). */
class OrganisationFormValidatorTests {

    /** « CAUE 77 » is organisation 3. */
    final List<String> asked = new ArrayList<>();

    final OrganisationFormValidator.Names names = (name, except) -> {
        asked.add(name + "/" + except);
        return name.toLowerCase(Locale.ROOT).equals("caue 77")
                && !Long.valueOf(3).equals(except);
    };

    private BindingResult validate(String name, Long organisationId) {
        OrganisationForm form = new OrganisationForm(name, Organisation.Kind.PARTENAIRE, 0);
        BindingResult errors = new BeanPropertyBindingResult(form, "organisationForm");
        new OrganisationFormValidator(names, organisationId).validate(form, errors);
        return errors;
    }

    @Test
    void aNameIsVisibleAndBorneByNoOtherOrganisation() {
        assertThat(validate("Agence de l'eau", null).hasErrors()).isFalse();
        assertThat(validate("Caue  77", null).getFieldError("name").getDefaultMessage())
                .isEqualTo(OrganisationFormValidator.NAME_TAKEN);
        assertThat(asked).as("the name is compared once cleaned").contains("Caue 77/null");
        assertThat(validate("CAUE 77", 3L).hasErrors())
                .as("an organisation keeps its own name")
                .isFalse();
        assertThat(validate("\u200B\u200B", null).getFieldError("name").getDefaultMessage())
                .isEqualTo(CatalogueAdminForms.NAME_REQUIRED);
    }

    @Test
    void aNameAlreadyRefusedKeepsItsOneReason() {
        OrganisationForm form = new OrganisationForm("", Organisation.Kind.DEPARTEMENT, 0);
        BindingResult errors = new BeanPropertyBindingResult(form, "organisationForm");
        errors.rejectValue("name", "NotBlank", "Saisissez le nom de l'organisme.");
        new OrganisationFormValidator(names, null).validate(form, errors);
        assertThat(errors.getFieldErrorCount("name")).isEqualTo(1);
        assertThat(asked).isEmpty();
        assertThat(new OrganisationFormValidator(names, null).supports(OrganisationForm.class))
                .isTrue();
    }
}
