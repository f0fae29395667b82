package fr.id77.shared.web;

import jakarta.validation.Validator;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * Keeps a form whole when one of its values could not be converted (a typology « abc », a version « x »). Spring then
 * still builds the form record (that field empty, the typed value kept in its error), but leaves it out of the
 * BindingResult and skips Bean Validation (Boot's validator adapter validates no single value): no other field could
 * be refused, and the page would read a null form. This puts the form back under its errors and validates it once.
 */
@Component
public class FormBinding {

    private final SpringValidatorAdapter beanValidation;

    FormBinding(Validator validator) {
        this.beanValidation = new SpringValidatorAdapter(validator);
    }

    /**
     * The BindingResult of {@code form}, Bean Validation included, also shown by the page as {@code name}: {@code binding}
     * itself when every value was converted (Bean Validation ran through {@code @Valid}).
     */
    public BindingResult whole(Object form, String name, BindingResult binding, Model model) {
        if (binding.getTarget() != null) {
            return binding;
        }
        BeanPropertyBindingResult whole = new BeanPropertyBindingResult(form, name);
        whole.addAllErrors(binding);
        beanValidation.validate(form, whole); // a field that could not be converted keeps its one reason
        model.addAttribute(name, form);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + name, whole);
        return whole;
    }
}
