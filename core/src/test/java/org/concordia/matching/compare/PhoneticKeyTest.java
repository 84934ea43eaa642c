package org.concordia.matching.compare;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Source: the examples of the PhoneticKey rules (ICAO Doc 9303, BGN/PCGN, German and French usage). */
class PhoneticKeyTest {

    @ParameterizedTest(name = "{0} ~ {1}")
    @CsvSource({
        "YULIYA, IULIIA",
        "YULIYA, JULIJA",
        "YULIYA, IOULIA",
        "YOUSSEF, YUSEF",
        "MARIYA, MARIA",
        "HUSSEIN, HUSAIN",
        "MUELLER, MULLER",
        "DMITRIY, DMITRII",
        "DMITRIY, DMITRY",
        "ALEKSANDR, ALEXANDRE",
        "YASMINE, YASMIN",
        "FATIMAH, FATIMA",
        "TSCHAIKOWSKI, CHAIKOVSKI"
    })
    void spellingsOfOneNameAcrossTransliterationSystemsShareAKey(String a, String b) {
        assertThat(PhoneticKey.of(a)).isEqualTo(PhoneticKey.of(b));
    }

    @ParameterizedTest(name = "{0} !~ {1}")
    @CsvSource({"MARIA, MARTA", "IVAN, IGOR", "OLGA, OLEG", "JOHN, JANE", "MAYA, MAIA"})
    void differentNamesKeepDifferentKeys(String a, String b) {
        assertThat(PhoneticKey.of(a)).isNotEqualTo(PhoneticKey.of(b));
    }

    @Test
    void theEmptyTokenHasTheEmptyKey() {
        assertThat(PhoneticKey.of("")).isEmpty();
    }
}
