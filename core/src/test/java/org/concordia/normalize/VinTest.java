package org.concordia.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.concordia.normalize.Vin.Validity;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sources: ISO 3779:2009 (17 characters, A–Z and 0–9 without I, O, Q); 49 CFR 565.15 (check digit in
 * position 9: letters transliterated A=1 ... Z=9, weights 8 7 6 5 4 3 2 10 0 9 8 7 6 5 4 3 2, sum
 * mod 11, remainder 10 written X); docs/exchange-model.md "Vehicle identification numbers".
 */
class VinTest {

    private static final String NORTH_AMERICAN = "1M8GDM9AXKP042788";

    @Nested
    class CheckDigit {

        // 49 CFR 565.15 worked by hand: 1·8 + M(4)·7 + 8·6 + G(7)·5 + D(4)·4 + M(4)·3 + 9·2 + A(1)·10
        // + K(2)·9 + P(7)·8 + 0·7 + 4·6 + 2·5 + 7·4 + 8·3 + 8·2 = 351; 351 mod 11 = 10 → X.
        @Test
        void remainderTenIsWrittenX() {
            assertThat(Vin.checkDigit(NORTH_AMERICAN)).isEqualTo('X');
            assertThat(Vin.validate(NORTH_AMERICAN)).isEqualTo(Validity.VALID);
        }

        // All ones: 1 × (8+7+6+5+4+3+2+10+0+9+8+7+6+5+4+3+2) = 89; 89 mod 11 = 1.
        @Test
        void allOnesIsValid() {
            assertThat(Vin.checkDigit("11111111111111111")).isEqualTo('1');
            assertThat(Vin.validate("11111111111111111")).isEqualTo(Validity.VALID);
        }

        // L (value 3) in position 1 (weight 8): 24 + 81 = 105; 105 mod 11 = 6.
        @Test
        void chineseVinIsChecked() {
            assertThat(Vin.validate("L1111111" + "6" + "11111111")).isEqualTo(Validity.VALID);
            assertThat(Vin.validate("L1111111" + "1" + "11111111")).isEqualTo(Validity.BAD_CHECK_DIGIT);
        }

        @ParameterizedTest
        @ValueSource(chars = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9'})
        void changingTheNinthCharacterOfANorthAmericanVinIsABadCheckDigit(char c) {
            String changed = NORTH_AMERICAN.substring(0, 8) + c + NORTH_AMERICAN.substring(9);
            assertThat(Vin.validate(changed)).isEqualTo(Validity.BAD_CHECK_DIGIT);
        }

        // The check digit is position 9 only: weight 0, so it does not take part in its own sum.
        @Test
        void positionNineHasWeightZero() {
            assertThat(Vin.checkDigit("1M8GDM9A0KP042788")).isEqualTo(Vin.checkDigit(NORTH_AMERICAN));
        }

        // 49 CFR 565.15 transliteration: letters sharing a value are interchangeable for the sum.
        @ParameterizedTest(name = "{0} ~ {1}")
        @CsvSource({
            "A, J", "B, K", "B, S", "C, L", "C, T", "D, M", "D, U", "E, N", "E, V", "F, W", "G, P", "G, X", "H, Y",
            "R, Z"
        })
        void lettersOfTheSameTransliteratedValueGiveTheSameCheckDigit(char a, char b) {
            String base = "11111111111111111";
            String withA = base.substring(0, 10) + a + base.substring(11);
            String withB = base.substring(0, 10) + b + base.substring(11);
            assertThat(Vin.checkDigit(withA)).isEqualTo(Vin.checkDigit(withB));
        }

        @ParameterizedTest
        @ValueSource(chars = {'1', '2', '3', '4', '5', 'L'})
        void regionsThatRequireACheckDigitAreChecked(char region) {
            String wmi = region + "1111111";
            String valid = wmi + '0' + "11111111";
            valid = wmi + Vin.checkDigit(valid) + "11111111";
            assertThat(Vin.usesCheckDigit(valid)).isTrue();
            assertThat(Vin.validate(valid)).isEqualTo(Validity.VALID);
            char wrong = Vin.checkDigit(valid) == '0' ? '1' : '0';
            assertThat(Vin.validate(wmi + wrong + "11111111")).isEqualTo(Validity.BAD_CHECK_DIGIT);
        }
    }

    @Nested
    class OtherRegions {

        // ISO 3779 leaves position 9 free outside North America and China: it is not checked.
        @Test
        void europeanVinIsNotChecked() {
            String vin = "WVWZZZ1JZXW000001";
            assertThat(Vin.checkDigit(vin)).isNotEqualTo(vin.charAt(8));
            assertThat(Vin.usesCheckDigit(vin)).isFalse();
            assertThat(Vin.validate(vin)).isEqualTo(Validity.VALID);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "WVWZZZ1JZXW000001",
                    "JHMCM56557C404453",
                    "SAJWA1C78D8V38055",
                    "VF1AB000000000000",
                    "6T1BF3EK0CU123456",
                    "9BWZZZ377VT004251"
                })
        void vinOutsideTheCheckedRegionsIsValidWhenWellFormed(String vin) {
            assertThat(Vin.validate(vin)).isEqualTo(Validity.VALID);
        }
    }

    @Nested
    class Shape {

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "1M8GDM9AXKP04278", // 16 characters
                    "1M8GDM9AXKP0427888", // 18 characters
                    "",
                    "1M8GDM9AXKI042788", // I
                    "1M8GDM9AXKO042788", // O
                    "1M8GDM9AXKQ042788", // Q
                    "1m8gdm9axkp042788", // lower case: validate takes the normalised form
                    "1M8GDM9AX-P042788",
                    "WVWZZZ1JZXW00000I"
                })
        void vinNotOf17PermittedCharactersIsMalformed(String vin) {
            assertThat(Vin.validate(vin)).isEqualTo(Validity.MALFORMED);
        }

        @Test
        void europeanVinWithALetterIOrQIsStillMalformed() {
            assertThat(Vin.validate("WVWZZZ1JZQW000001")).isEqualTo(Validity.MALFORMED);
        }
    }
}
