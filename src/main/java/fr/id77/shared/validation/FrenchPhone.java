package fr.id77.shared.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

/** A French phone number: 10 digits starting with 0, or +33 and 9 digits; spaces, dots and dashes allowed. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = FrenchPhone.Validator.class)
public @interface FrenchPhone {

    String message() default
            "Saisissez un numéro de téléphone français : 10 chiffres commençant par 0 (ex. 01 64 14 73 56) ou +33.";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<FrenchPhone, String> {

        static final Pattern FORMAT = Pattern.compile("(0[1-9]|\\+33 ?\\(?0?\\)? ?[1-9])([ .-]?\\d{2}){4}");

        public static boolean check(String raw) {
            return raw != null && FORMAT.matcher(raw.strip()).matches();
        }

        /** Shows the number as 01 64 14 73 56 (a +33 number is written back in its national form). */
        public static String format(String raw) {
            if (!check(raw)) {
                return raw == null ? "" : raw.strip();
            }
            String digits = raw.replaceAll("\\D", "");
            if (digits.startsWith("33")) {
                digits = "0" + digits.substring(digits.length() - 9);
            }
            return digits.replaceAll("(\\d{2})(?=\\d)", "$1 ");
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.isBlank() || check(value);
        }
    }
}
