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

    @Test
    void theLetterBoundNeverRulesOutAPairThatReachesTheThreshold() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(7);
        String alphabet = "AEIOUBDHKLMNRST";
        int ruledOut = 0;
        for (int k = 0; k < 200_000; k++) {
            String a = random(rng, alphabet, 1 + rng.nextInt(9));
            String b = rng.nextInt(4) == 0 ? mutate(rng, a, alphabet) : random(rng, alphabet, 1 + rng.nextInt(9));
            double jw = JaroWinkler.similarity(a, b);
            for (double threshold : new double[] {0.75, 0.8, 0.9}) {
                boolean may = JaroWinkler.mayReach(a, JaroWinkler.letters(a), b, JaroWinkler.letters(b), threshold);
                if (jw >= threshold) {
                    assertThat(may).as("%s %s %.4f", a, b, jw).isTrue();
                } else if (!may) {
                    ruledOut++;
                }
            }
        }
        assertThat(ruledOut).as("the bound rules out most dissimilar pairs").isGreaterThan(200_000);
        assertThat(JaroWinkler.mayReach(
                        "MARTHA", JaroWinkler.letters("MARTHA"), "KOWALSKI", JaroWinkler.letters("KOWALSKI"), 0.8))
                .isFalse();
    }

    private static String random(java.util.SplittableRandom rng, String alphabet, int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(rng.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    /** One or two letters changed, dropped or swapped: the pairs near the threshold. */
    private static String mutate(java.util.SplittableRandom rng, String a, String alphabet) {
        StringBuilder s = new StringBuilder(a);
        for (int e = 0; e < 1 + rng.nextInt(2) && s.length() > 1; e++) {
            int i = rng.nextInt(s.length());
            switch (rng.nextInt(3)) {
                case 0 -> s.setCharAt(i, alphabet.charAt(rng.nextInt(alphabet.length())));
                case 1 -> s.deleteCharAt(i);
                default -> {
                    if (i + 1 < s.length()) {
                        char c = s.charAt(i);
                        s.setCharAt(i, s.charAt(i + 1));
                        s.setCharAt(i + 1, c);
                    }
                }
            }
        }
        return s.toString();
    }
}
