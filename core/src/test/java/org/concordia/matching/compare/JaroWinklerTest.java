package org.concordia.matching.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Source: Winkler, "String Comparator Metrics and Enhanced Decision Rules in the Fellegi-Sunter Model
 * of Record Linkage" (1990), worked examples as the Wikipedia summary of it gives them (three decimals).
 */
class JaroWinklerTest {

    @ParameterizedTest(name = "{0}/{1}: Jaro {2}, Jaro-Winkler {3}")
    @CsvSource({"MARTHA, MARHTA, 0.944, 0.961", "DWAYNE, DUANE, 0.822, 0.840", "DIXON, DICKSONX, 0.767, 0.813"})
    void winklersWorkedExamplesAreReproduced(String a, String b, double jaro, double jaroWinkler) {
        assertThat(JaroWinkler.jaro(a, b)).isCloseTo(jaro, within(0.0005));
        assertThat(JaroWinkler.similarity(a, b)).isCloseTo(jaroWinkler, within(0.0005));
    }

    @Test
    void similarityIsSymmetric() {
        assertThat(JaroWinkler.similarity("MOHAMED", "MUHAMMAD"))
                .isEqualTo(JaroWinkler.similarity("MUHAMMAD", "MOHAMED"));
        assertThat(JaroWinkler.jaro("ABC", "ACB")).isEqualTo(JaroWinkler.jaro("ACB", "ABC"));
    }

    @Test
    void equalStringsAreOneAndStringsWithoutCommonCharactersZero() {
        assertThat(JaroWinkler.similarity("", "")).isEqualTo(1);
        assertThat(JaroWinkler.similarity("SMITH", "SMITH")).isEqualTo(1);
        assertThat(JaroWinkler.similarity("", "SMITH")).isZero();
        assertThat(JaroWinkler.similarity("ABC", "XYZ")).isZero();
    }

    @Test
    void thePrefixBonusAppliesOnlyAboveTheBoostThreshold() {
        // JOHN/JANE: Jaro 0.667, below 0.7, so the common J earns nothing
        assertThat(JaroWinkler.similarity("JOHN", "JANE")).isEqualTo(JaroWinkler.jaro("JOHN", "JANE"));
    }

    @Test
    void stringsLongerThanSixtyFourCharactersGiveTheSameMeasure() {
        String a = "A".repeat(40) + "MARTHA" + "B".repeat(30);
        String b = "A".repeat(40) + "MARHTA" + "B".repeat(30);
        assertThat(a.length()).isGreaterThan(64);
        double j = JaroWinkler.jaro(a, b);
        assertThat(j).isGreaterThan(0.97).isLessThan(1);
        assertThat(JaroWinkler.jaro(b, a)).isEqualTo(j);
    }
}
