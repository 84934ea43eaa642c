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

    @Test
    void emSettlesOnTheSamePersonClassWhenAnotherGroupOfPairsIsLarger() {
        // Fields: name and birth date are discriminating (random pairs rarely agree exactly);
        // country is not. 8 % of candidates are the same person; 60 % are compatriots whose names
        // agree weakly (blocking brought them together) and whose country always agrees: a larger,
        // tighter latent class that is not "same person".
        SplittableRandom rng = new SplittableRandom(5);
        int weak = Agreement.WEAK.ordinal();
        List<int[]> candidates = new ArrayList<>();
        for (int i = 0; i < 40_000; i++) {
            double r = rng.nextDouble();
            if (r < 0.08) {
                candidates.add(new int[] {
                    rng.nextDouble() < 0.85 ? EXACT : weak, rng.nextDouble() < 0.9 ? EXACT : DISAGREE, EXACT
                });
            } else if (r < 0.68) {
                candidates.add(new int[] {weak, rng.nextDouble() < 0.01 ? EXACT : DISAGREE, EXACT});
            } else {
                candidates.add(new int[] {rng.nextDouble() < 0.02 ? EXACT : weak, DISAGREE, DISAGREE});
            }
        }
        List<int[]> random = new ArrayList<>();
        for (int i = 0; i < 40_000; i++) {
            random.add(new int[] {
                rng.nextDouble() < 0.001 ? EXACT : DISAGREE,
                rng.nextDouble() < 0.002 ? EXACT : DISAGREE,
                rng.nextDouble() < 0.3 ? EXACT : DISAGREE
            });
        }
        FellegiSunter model = EmEstimator.estimate(List.of("name", "birthDate", "country"), candidates, random, 50);
        assertThat(model.prior()).isCloseTo(0.08, within(0.02));
        assertThat(model.probability(new int[] {EXACT, EXACT, EXACT})).isGreaterThan(0.99);
        assertThat(model.probability(new int[] {weak, DISAGREE, EXACT}))
                .as("compatriots with a weakly similar name")
                .isLessThan(0.05);
    }

    @Test
    void closerAgreementIsNeverWeakerEvidence() {
        // ratios m/u: DISAGREE 3, WEAK 0.33, CLOSE 1, EXACT 3 -> DISAGREE and WEAK pooled at 0.5/0.7
        double[] m = {0, 0.3, 0.2, 0.2, 0.3};
        double[] u = {0, 0.1, 0.6, 0.2, 0.1};
        EmEstimator.monotone(m, u);
        assertThat(m[1] / u[1]).isCloseTo(0.5 / 0.7, within(1e-9));
        assertThat(m[2] / u[2]).isCloseTo(0.5 / 0.7, within(1e-9));
        assertThat(m[3] / u[3]).isCloseTo(1, within(1e-9));
        assertThat(m[4] / u[4]).isCloseTo(3, within(1e-9));
        assertThat(m[1] + m[2] + m[3] + m[4]).as("m mass kept").isCloseTo(1, within(1e-9));
    }

    @Test
    void aModelCountedFromLabelsHasTheLabelledShares() {
        List<int[]> matches = new ArrayList<>();
        List<int[]> others = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            matches.add(new int[] {i < 90 ? EXACT : DISAGREE, MISSING});
        }
        for (int i = 0; i < 900; i++) {
            others.add(new int[] {i < 9 ? EXACT : DISAGREE, MISSING});
        }
        FellegiSunter model = EmEstimator.fromLabelled(List.of("name", "document"), matches, others);
        assertThat(model.prior()).isCloseTo(0.1, within(1e-9));
        assertThat(model.m()[0][EXACT]).isCloseTo(0.9, within(1e-9));
        assertThat(model.u()[0][EXACT]).isCloseTo(0.01, within(1e-9));
        assertThat(model.weight(1, EXACT))
                .as("a field never compared weighs nothing")
                .isZero();
    }
}
