package fr.id77.shared.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A sign-in identifiant: 3 to 40 lowercase letters or digits, no accent, space or punctuation. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = {})
@Pattern(regexp = "[a-z0-9]*")
@Size(min = 3, max = 40)
@ReportAsSingleViolation
public @interface Identifiant {

    String ADVICE = "Ne pas utiliser d'accent, d'espace ou de signe de ponctuation. Pour un usage simplifié, "
            + "merci d'opter pour un identifiant parlant (abréviation, acronyme faisant explicitement référence à votre collectivité).";

    String message() default
            "L'identifiant doit compter de 3 à 40 lettres minuscules ou chiffres, sans accent, espace ni ponctuation.";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
