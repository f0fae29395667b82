package fr.id77.shared.validation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shared form constraints (SIRET, French phone, identifiant) on their own, without Spring. */
class ValidationRulesTests {

    private final Validator validator =
            Validation.buildDefaultValidatorFactory().getValidator();

    record IdentifiantHolder(@Identifiant String value) {}

    @ParameterizedTest
    @ValueSource(
            strings = {"21770288500013", "2177 0288 5000 13", "73282932000074", "35600000000001", "35600000049837"})
    void acceptsValidSirets(String siret) {
        assertThat(Siret.Validator.check(siret)).as(siret).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "12345678911123",
                "21770288500019",
                "2177028850001",
                "217702885000133",
                "2177028850001A",
                "35600000000002",
                ""
            })
    void refusesInvalidSirets(String siret) {
        assertThat(Siret.Validator.check(siret)).as(siret).isFalse();
    }

    @Test
    void laPosteUsesTheDigitSumRuleNotLuhn() {
        // 35600000049837: digit sum 3+5+6+4+9+8+3+7 = 45, a multiple of 5, although its Luhn key is wrong
        assertThat(Siret.Validator.luhn("35600000049837")).isFalse();
        assertThat(Siret.Validator.check("35600000049837")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0134543212",
                "01 34 54 32 12",
                "01.34.54.32.12",
                "+33 1 34 54 32 12",
                "+33134543212",
                "06-12-34-56-78"
            })
    void acceptsFrenchPhones(String phone) {
        assertThat(FrenchPhone.Validator.check(phone)).as(phone).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "134543212",
                "013454321",
                "01345432123",
                "+44 20 7946 0958",
                "00 34 54 32 12",
                "abc",
                "0134 54 32 1x"
            })
    void refusesOtherPhones(String phone) {
        assertThat(FrenchPhone.Validator.check(phone)).as(phone).isFalse();
    }

    @Test
    void formatsPhonesInTheNationalForm() {
        assertThat(FrenchPhone.Validator.format("+33134543212")).isEqualTo("01 34 54 32 12");
        assertThat(FrenchPhone.Validator.format("01.64.14.73.56")).isEqualTo("01 64 14 73 56");
    }

    @ParameterizedTest
    @ValueSource(strings = {"macommune", "ccpm77", "sieprovins"})
    void acceptsLowercaseLettersAndDigits(String identifiant) {
        assertThat(validator.validate(new IdentifiantHolder(identifiant))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "MaCommune",
                "ma commune",
                "ma-commune",
                "mairie.de",
                "élancourt",
                "ab",
                "abcdefghijabcdefghijabcdefghijabcdefghijk"
            })
    void refusesAccentsSpacesPunctuationAndCapitals(String identifiant) {
        assertThat(validator.validate(new IdentifiantHolder(identifiant))).hasSize(1);
    }

    record SiretHolder(@Siret String value) {}

    record PhoneHolder(@FrenchPhone String value) {}

    @Test
    void anEmptySiretIsLeftToNotBlankAndAWrongOneIsRefused() {
        assertThat(validator.validate(new SiretHolder(null))).isEmpty();
        assertThat(validator.validate(new SiretHolder("  "))).isEmpty();
        assertThat(validator.validate(new SiretHolder("21770288500013"))).isEmpty();
        assertThat(validator.validate(new SiretHolder("21770288500019")))
                .singleElement()
                .satisfies(v -> assertThat(v.getMessage()).contains("SIRET"));
        assertThat(Siret.Validator.check(null)).isFalse();
        assertThat(Siret.Validator.normalize(null)).isEmpty();
        assertThat(Siret.Validator.normalize(" 217 702.885 00013 ")).isEqualTo("21770288500013");
    }

    @Test
    void anEmptyPhoneIsLeftToNotBlankAndAWrongOneIsRefused() {
        assertThat(validator.validate(new PhoneHolder(null))).isEmpty();
        assertThat(validator.validate(new PhoneHolder(" "))).isEmpty();
        assertThat(validator.validate(new PhoneHolder("01 64 14 73 56"))).isEmpty();
        assertThat(validator.validate(new PhoneHolder("01 64 14 73")))
                .singleElement()
                .satisfies(v -> assertThat(v.getMessage()).contains("téléphone"));
        assertThat(FrenchPhone.Validator.check(null)).isFalse();
    }

    @Test
    void aPhoneThatCannotBeFormattedIsShownAsTyped() {
        assertThat(FrenchPhone.Validator.format(null)).isEmpty();
        assertThat(FrenchPhone.Validator.format("  01 64 14 ")).isEqualTo("01 64 14");
        assertThat(FrenchPhone.Validator.format("0164147356")).isEqualTo("01 64 14 73 56");
        assertThat(FrenchPhone.Validator.format("+33 (0)1 64 14 73 56")).isEqualTo("01 64 14 73 56");
    }
}
