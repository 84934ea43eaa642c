package org.concordia.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FellegiSunterTest {
    static final int MISSING = Agreement.MISSING.ordinal();
    static final int DISAGREE = Agreement.DISAGREE.ordinal();
    static final int EXACT = Agreement.EXACT.ordinal();

    @Test
    void theMatchWeightIsTheSumOfLogLikelihoodRatiosPlusThePriorLogOdds() {
        // Fellegi-Sunter 1969: w = sum log2(m/u); with m=0.9, u=0.1 on agreement the weight is log2(9).
        double[][] m = {{0, 0.1, 0, 0, 0.9}};
        double[][] u = {{0, 0.9, 0, 0, 0.1}};
        FellegiSunter model = new FellegiSunter(List.of("name"), m, u, 0.5);
        assertThat(model.matchWeight(new int[] {EXACT})).isCloseTo(Math.log(9) / Math.log(2), within(1e-9));
        assertThat(model.probability(new int[] {EXACT})).isCloseTo(0.9, within(1e-9));
        assertThat(model.probability(new int[] {DISAGREE})).isCloseTo(0.1, within(1e-9));
        assertThat(model.probability(new int[] {MISSING}))
                .as("a missing field says nothing")
                .isCloseTo(0.5, within(1e-9));
    }

    @Test
    void emRecoversTheParametersOfDataDrawnFromAKnownModel() {
        // Three conditionally independent fields; true m(EXACT) = 0.9, 0.8, 0.7 and u(EXACT) = 0.05,
        // 0.2, 0.1; 20 % of candidate pairs match.
        SplittableRandom rng = new SplittableRandom(3);
        double[] mExact = {0.9, 0.8, 0.7};
        double[] uExact = {0.05, 0.2, 0.1};
        List<int[]> candidates = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            boolean match = rng.nextDouble() < 0.2;
            int[] v = new int[3];
            for (int f = 0; f < 3; f++) {
                double pExact = match ? mExact[f] : uExact[f];
                v[f] = rng.nextDouble() < pExact ? EXACT : DISAGREE;
            }
            candidates.add(v);
        }
        List<int[]> random = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            int[] v = new int[3];
            for (int f = 0; f < 3; f++) {
                v[f] = rng.nextDouble() < uExact[f] ? EXACT : DISAGREE;
            }
            random.add(v);
        }
        FellegiSunter model = EmEstimator.estimate(List.of("a", "b", "c"), candidates, random, 200);
        assertThat(model.prior()).isCloseTo(0.2, within(0.02));
        assertThat(model.m()[0][EXACT]).isCloseTo(0.9, within(0.02));
        assertThat(model.m()[1][EXACT]).isCloseTo(0.8, within(0.02));
        assertThat(model.m()[2][EXACT]).isCloseTo(0.7, within(0.02));
        assertThat(model.u()[0][EXACT]).isCloseTo(0.05, within(0.01));
    }
}
