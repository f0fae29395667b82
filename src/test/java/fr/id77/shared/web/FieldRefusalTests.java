package fr.id77.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.validation.BeanPropertyBindingResult;

/** The one refusal type every module throws lands next to its field, or above the form when it names none. */
class FieldRefusalTests {

    record Form(String name) {}

    @Test
    void aRefusalNamingAFieldIsShownNextToThatField() {
        var result = new BeanPropertyBindingResult(new Form("x"), "form");

        new FieldRefusal("name", "Un organisme porte déjà ce nom.").rejectInto(result);

        assertThat(result.getGlobalErrors()).isEmpty();
        assertThat(result.getFieldError("name").getDefaultMessage()).isEqualTo("Un organisme porte déjà ce nom.");
    }

    @Test
    void aRefusalNamingNoFieldIsShownAboveTheForm() {
        var result = new BeanPropertyBindingResult(new Form("x"), "form");

        new FieldRefusal(null, "L'organisme a été modifié entre-temps.").rejectInto(result);

        assertThat(result.getFieldErrors()).isEmpty();
        assertThat(result.getGlobalError().getDefaultMessage()).isEqualTo("L'organisme a été modifié entre-temps.");
    }
}
