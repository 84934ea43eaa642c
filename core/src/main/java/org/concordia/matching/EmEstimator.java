package org.concordia.matching;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Estimates a {@link FellegiSunter} model from unlabelled data by expectation-maximisation over the
 * candidate pairs, m, u and the prior together (Dempster, Laird and Rubin 1977; Winkler, "Using the
 * EM Algorithm for Weight Computation in the Fellegi-Sunter Model of Record Linkage", 1988). u
 * starts from pairs of records drawn at random (nearly all of which are different people, as Splink
 * estimates u) and m from "the same person mostly agrees"; u is then re-estimated among the
 * candidates, because blocking selects pairs that look alike: a name that agrees weakly is rare
 * among random pairs but common among the different people that blocking brings together, and a u
 * held at its random-pair value would make EM take those look-alikes for the matching class (FEBRL
 * 4: F1 0.59 with u fixed, 0.99 re-estimated). A field that no candidate pair compares weighs
 * nothing. Identical comparison vectors are grouped, so an iteration costs the number of distinct
 * vectors, not of pairs.
 */
public final class EmEstimator {
    private static final int LEVELS = Agreement.values().length;
    /** Laplace-style floor on every probability, so no weight is infinite. */
    private static final double FLOOR = 1e-4;
    /** The levels of a field never compared: all alike. */
    private static final double[] UNIFORM = {0, 0.25, 0.25, 0.25, 0.25};
    /** A field is discriminating when random pairs agree on it exactly less often than this. */
    private static final double ANCHOR_U = 0.01;

    private EmEstimator() {}

    /**
     * @param fields field names, in vector order
     * @param candidates comparison vectors of candidate pairs (levels by {@link Agreement#ordinal()})
     * @param random comparison vectors of randomly drawn pairs
     */
    public static FellegiSunter estimate(
            List<String> fields, List<int[]> candidates, List<int[]> random, int iterations) {
        int nf = fields.size();
        double[][] u = frequencies(nf, random);
        double[][] m = new double[nf][LEVELS];
        for (int f = 0; f < nf; f++) {
            // start: agreement is likely for the same person
            m[f][Agreement.DISAGREE.ordinal()] = 0.05;
            m[f][Agreement.WEAK.ordinal()] = 0.10;
            m[f][Agreement.CLOSE.ordinal()] = 0.25;
            m[f][Agreement.EXACT.ordinal()] = 0.60;
        }
        Map<Key, int[]> grouped = new HashMap<>();
        for (int[] v : candidates) {
            grouped.computeIfAbsent(new Key(v), k -> new int[1])[0]++;
        }
        Key[] vectors = grouped.keySet().toArray(new Key[0]);
        int[] counts = new int[vectors.length];
        for (int i = 0; i < vectors.length; i++) {
            counts[i] = grouped.get(vectors[i])[0];
        }
        double prior = 0.1;
        // Start from anchors: pairs that agree exactly on two discriminating fields (exact agreement
        // rare among random pairs) and disagree on none of them: what any reader would call the same
        // person. EM then refines from the "same person" class rather than from whatever latent class
        // the data offer (people of one country, of one birth place).
        boolean[] discriminating = new boolean[nf];
        for (int f = 0; f < nf; f++) {
            discriminating[f] = u[f][Agreement.EXACT.ordinal()] < ANCHOR_U;
        }
        double[][] am = new double[nf][LEVELS];
        double[][] au = new double[nf][LEVELS];
        long anchors = 0;
        long all = 0;
        for (int i = 0; i < vectors.length; i++) {
            int[] v = vectors[i].levels;
            int exact = 0;
            boolean disagree = false;
            for (int f = 0; f < nf; f++) {
                if (discriminating[f]) {
                    exact += v[f] == Agreement.EXACT.ordinal() ? 1 : 0;
                    disagree |= v[f] == Agreement.DISAGREE.ordinal();
                }
            }
            boolean anchor = exact >= 2 && !disagree;
            anchors += anchor ? counts[i] : 0;
            all += counts[i];
            for (int f = 0; f < nf; f++) {
                if (v[f] != Agreement.MISSING.ordinal()) {
                    (anchor ? am : au)[f][v[f]] += counts[i];
                }
            }
        }
        if (anchors > 0 && anchors < all) {
            for (int f = 0; f < nf; f++) {
                normalise(am[f], m[f]);
                normalise(au[f], u[f]);
                monotone(am[f], au[f]);
            }
            m = am;
            u = au;
            prior = anchors / (double) all;
        }
        for (int it = 0; it < iterations; it++) {
            FellegiSunter model = new FellegiSunter(fields, m, u, prior);
            double[][] mNew = new double[nf][LEVELS];
            double[][] uNew = new double[nf][LEVELS];
            double[] mTotals = new double[nf];
            double[] uTotals = new double[nf];
            double matches = 0;
            double total = 0;
            for (int i = 0; i < vectors.length; i++) {
                int[] v = vectors[i].levels;
                double pm = model.probability(v);
                double p = pm * counts[i];
                double q = (1 - pm) * counts[i];
                matches += p;
                total += counts[i];
                for (int f = 0; f < nf; f++) {
                    if (v[f] != Agreement.MISSING.ordinal()) {
                        mNew[f][v[f]] += p;
                        mTotals[f] += p;
                        uNew[f][v[f]] += q;
                        uTotals[f] += q;
                    }
                }
            }
            for (int f = 0; f < nf; f++) {
                for (int l = 1; l < LEVELS; l++) {
                    mNew[f][l] = mTotals[f] == 0 ? m[f][l] : Math.max(FLOOR, mNew[f][l] / mTotals[f]);
                    uNew[f][l] = uTotals[f] == 0 ? u[f][l] : Math.max(FLOOR, uNew[f][l] / uTotals[f]);
                }
            }
            for (int f = 0; f < nf; f++) {
                monotone(mNew[f], uNew[f]);
            }
            m = mNew;
            u = uNew;
            prior = Math.min(0.999, Math.max(1e-6, total == 0 ? prior : matches / total));
        }
        for (int f = 0; f < nf; f++) {
            if (!observed(candidates, f)) {
                m[f] = u[f].clone(); // never compared among the candidates: the field weighs nothing
            }
        }
        return new FellegiSunter(fields, m, u, prior);
    }

    /**
     * The model counted from labelled comparison vectors instead of estimated: m from the pairs
     * known to be the same person, u from the others, the prior from their shares. For measuring
     * what the comparison vectors allow (an upper bound for {@link #estimate}).
     */
    public static FellegiSunter fromLabelled(List<String> fields, List<int[]> matches, List<int[]> nonMatches) {
        double prior = matches.size() / (double) Math.max(1, matches.size() + nonMatches.size());
        return new FellegiSunter(
                fields,
                frequencies(fields.size(), matches),
                frequencies(fields.size(), nonMatches),
                Math.max(1e-6, Math.min(0.999, prior)));
    }

    /**
     * Makes the likelihood ratio m/u non-decreasing from DISAGREE to EXACT by pooling adjacent
     * violators (Barlow et al., "Statistical Inference under Order Restrictions", 1972): a closer
     * agreement is never weaker evidence of the same person. Without it EM may settle on a latent
     * class that is not "same person" (one where names disagree), whatever the comparators do. A
     * pooled block keeps its m and u mass; m is spread over its levels in proportion to u.
     */
    static void monotone(double[] m, double[] u) {
        int first = Agreement.DISAGREE.ordinal();
        int[] start = new int[LEVELS];
        double[] bm = new double[LEVELS];
        double[] bu = new double[LEVELS];
        int blocks = 0;
        for (int l = first; l < LEVELS; l++) {
            start[blocks] = l;
            bm[blocks] = m[l];
            bu[blocks] = u[l];
            blocks++;
            while (blocks > 1 && bm[blocks - 2] / bu[blocks - 2] > bm[blocks - 1] / bu[blocks - 1]) {
                bm[blocks - 2] += bm[blocks - 1];
                bu[blocks - 2] += bu[blocks - 1];
                blocks--;
            }
        }
        for (int b = 0; b < blocks; b++) {
            int end = b + 1 < blocks ? start[b + 1] : LEVELS;
            double ratio = bm[b] / bu[b];
            for (int l = start[b]; l < end; l++) {
                m[l] = Math.max(FLOOR, u[l] * ratio);
            }
        }
    }

    /** Counts to probabilities (floored); {@code fallback} where the field was never compared. */
    private static void normalise(double[] counts, double[] fallback) {
        double sum = 0;
        for (int l = 1; l < LEVELS; l++) {
            sum += counts[l];
        }
        for (int l = 1; l < LEVELS; l++) {
            counts[l] = sum == 0 ? fallback[l] : Math.max(FLOOR, counts[l] / sum);
        }
    }

    private static boolean observed(List<int[]> vectors, int field) {
        for (int[] v : vectors) {
            if (v[field] != Agreement.MISSING.ordinal()) {
                return true;
            }
        }
        return false;
    }

    /** Level frequencies among non-missing values, floored. */
    static double[][] frequencies(int nf, List<int[]> vectors) {
        double[][] u = new double[nf][LEVELS];
        for (int[] v : vectors) {
            for (int f = 0; f < nf; f++) {
                if (v[f] != Agreement.MISSING.ordinal()) {
                    u[f][v[f]]++;
                }
            }
        }
        for (int f = 0; f < nf; f++) {
            normalise(u[f], UNIFORM);
        }
        return u;
    }

    private record Key(int[] levels) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(levels, k.levels);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(levels);
        }
    }
}
