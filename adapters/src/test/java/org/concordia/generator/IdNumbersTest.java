package org.concordia.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Generated national numbers carry correct check digits; each check is first tested on a published example. */
class IdNumbersTest {
    private static final LocalDate BIRTH = LocalDate.of(1984, 3, 7);

    @Test
    void chineseIdsHoldTheBirthDateAndAnIso7064Check() {
        assertThat(chineseCheckOk("11010519491231002X")).isTrue(); // the example of GB 11643-1999
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < 200; i++) {
            String id = IdNumbers.nationalId(Country.of("CHN"), BIRTH, 'M', rng);
            assertThat(id).hasSize(18).contains("19840307");
            assertThat((id.charAt(16) - '0') % 2).as("odd sequence for a man").isEqualTo(1);
            assertThat(chineseCheckOk(id)).as(id).isTrue();
        }
    }

    @Test
    void spanishDniEndsWithTheLetterOfTheNumberModulo23() {
        assertThat(dniOk("12345678Z")).isTrue();
        SplittableRandom rng = new SplittableRandom(2);
        for (int i = 0; i < 200; i++) {
            String id = IdNumbers.nationalId(Country.of("ESP"), BIRTH, 'F', rng);
            assertThat(dniOk(id)).as(id).isTrue();
        }
    }

    @Test
    void brazilianCpfHasBothCheckDigits() {
        assertThat(cpfOk("111.444.777-35")).isTrue();
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < 200; i++) {
            String id = IdNumbers.nationalId(Country.of("BRA"), BIRTH, 'M', rng);
            assertThat(id).matches("\\d{3}\\.\\d{3}\\.\\d{3}-\\d{2}");
            assertThat(cpfOk(id)).as(id).isTrue();
        }
    }

    @Test
    void emiratesIdsHoldTheBirthYearAndALuhnCheck() {
        assertThat(luhnOk("79927398713")).isTrue();
        SplittableRandom rng = new SplittableRandom(4);
        for (int i = 0; i < 200; i++) {
            String id = IdNumbers.nationalId(Country.of("ARE"), BIRTH, 'M', rng);
            assertThat(id).matches("784-1984-\\d{7}-\\d");
            assertThat(luhnOk(id.replace("-", ""))).as(id).isTrue();
        }
    }

    @Test
    void thaiIdsHaveThirteenDigitsWithAMod11Check() {
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < 200; i++) {
            String id = IdNumbers.nationalId(Country.of("THA"), BIRTH, 'F', rng);
            assertThat(id).matches("\\d-\\d{4}-\\d{5}-\\d{2}-\\d");
            String d = id.replace("-", "");
            int sum = 0;
            for (int k = 0; k < 12; k++) {
                sum += (d.charAt(k) - '0') * (13 - k);
            }
            assertThat(d.charAt(12) - '0').as(id).isEqualTo((11 - sum % 11) % 10);
        }
    }

    @Test
    void passportsFollowTheCountrysShape() {
        SplittableRandom rng = new SplittableRandom(6);
        assertThat(IdNumbers.passport(Country.of("RUS"), rng)).matches("\\d{2} \\d{7}");
        assertThat(IdNumbers.passport(Country.of("CHN"), rng)).matches("E\\d{8}");
        assertThat(IdNumbers.passport(Country.of("FRA"), rng)).matches("\\d{2}[A-Z]{2}\\d{5}");
    }

    private static boolean chineseCheckOk(String id) {
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * w[i];
        }
        return "10X98765432".charAt(sum % 11) == id.charAt(17);
    }

    private static boolean dniOk(String id) {
        return id.matches("\\d{8}[A-Z]")
                && "TRWAGMYFPDXBNJZSQVHLCKE".charAt(Integer.parseInt(id.substring(0, 8)) % 23) == id.charAt(8);
    }

    private static boolean cpfOk(String formatted) {
        String d = formatted.replaceAll("\\D", "");
        for (int n = 9; n <= 10; n++) {
            int sum = 0;
            for (int i = 0; i < n; i++) {
                sum += (d.charAt(i) - '0') * (n + 1 - i);
            }
            int check = sum % 11 < 2 ? 0 : 11 - sum % 11;
            if (d.charAt(n) - '0' != check) {
                return false;
            }
        }
        return true;
    }

    private static boolean luhnOk(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
        }
        return sum % 10 == 0;
    }
}
