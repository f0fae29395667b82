package fr.id77.shared.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A SIRET: exactly 14 digits (spaces allowed when typed), Luhn over the 14 digits; La Poste's own rule. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Siret.Validator.class)
public @interface Siret {

    String LA_POSTE_SIREN = "356000000";

    String message() default
            "Le SIRET doit compter exactement 14 chiffres et être valide (clé de contrôle) : vérifiez votre saisie.";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Siret, String> {

        /** Removes the spaces a person may type between groups of digits. */
        public static String normalize(String raw) {
            return raw == null ? "" : raw.replaceAll("[\\s.]", "");
        }

        /** True for a well-formed SIRET: 14 digits, Luhn key; for La Poste, digit sum multiple of 5. */
        public static boolean check(String raw) {
            String siret = normalize(raw);
            if (!siret.matches("\\d{14}")) {
                return false;
            }
            if (siret.startsWith(LA_POSTE_SIREN)) {
                int sum = 0;
                for (char c : siret.toCharArray()) {
                    sum += c - '0';
                }
                return sum % 5 == 0;
            }
            return luhn(siret);
        }

        public static boolean luhn(String digits) {
            int sum = 0;
            boolean twice = false;
            for (int i = digits.length() - 1; i >= 0; i--) {
                int d = digits.charAt(i) - '0';
                if (twice) {
                    d *= 2;
                    if (d > 9) {
                        d -= 9;
                    }
                }
                sum += d;
                twice = !twice;
            }
            return sum % 10 == 0;
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.isBlank() || check(value);
        }
    }
}
