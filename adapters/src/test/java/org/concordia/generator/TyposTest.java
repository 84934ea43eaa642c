package org.concordia.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TyposTest {
    @ParameterizedTest
    @ValueSource(strings = {"Mohamed", "SCHMIDT", "Iuliia", "Юлия", "al-Shammari", "Zhi Qiang"})
    void makeOneOrTwoEditsAndKeepTheFirstLetter(String name) {
        SplittableRandom rng = new SplittableRandom(11);
        for (int i = 0; i < 300; i++) {
            String typo = Typos.apply(name, rng);
            assertThat(typo).isNotEqualTo(name);
            assertThat(typo.charAt(0)).isEqualTo(name.charAt(0));
            assertThat(distance(name, typo)).as(typo).isBetween(1, 2);
            assertThat(typo.codePoints().filter(Character::isLetter).count()).isGreaterThanOrEqualTo(3);
        }
    }

    /** Damerau-Levenshtein distance (Lowrance and Wagner 1975): insertions, deletions, substitutions, transpositions. */
    private static int distance(String a, String b) {
        int inf = a.length() + b.length();
        int[][] d = new int[a.length() + 2][b.length() + 2];
        java.util.Map<Character, Integer> lastRow = new java.util.HashMap<>();
        d[0][0] = inf;
        for (int i = 0; i <= a.length(); i++) {
            d[i + 1][0] = inf;
            d[i + 1][1] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j + 1] = inf;
            d[1][j + 1] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int lastMatchCol = 0;
            for (int j = 1; j <= b.length(); j++) {
                int k = lastRow.getOrDefault(b.charAt(j - 1), 0);
                int l = lastMatchCol;
                int cost = 1;
                if (a.charAt(i - 1) == b.charAt(j - 1)) {
                    cost = 0;
                    lastMatchCol = j;
                }
                d[i + 1][j + 1] = Math.min(
                        Math.min(d[i][j] + cost, d[i + 1][j] + 1),
                        Math.min(d[i][j + 1] + 1, d[k][l] + (i - k - 1) + 1 + (j - l - 1)));
            }
            lastRow.put(a.charAt(i - 1), i);
        }
        return d[a.length() + 1][b.length() + 1];
    }
}
