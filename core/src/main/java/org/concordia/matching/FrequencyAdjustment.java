package org.concordia.matching;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Term-frequency adjustment of exact agreements, as Splink applies it (after Winkler, "Frequency-based
 * matching in the Fellegi-Sunter model of record linkage", 1989/2000): two records that agree exactly
 * on a value shared by a thousand records are weaker evidence than two that agree on a value shared
 * by two. The model's weight for an exact agreement is shifted by {@code log2(uExact / f(v))}, where
 * {@code uExact} is how often two randomly drawn records agree exactly on the field and {@code f(v)}
 * is the share of records holding the agreed value {@code v} (the rarest value the two have in common,
 * from {@link RecordComparator#valueKeys}). The shift is bounded to ±{@value #MAX_BITS} bits.
 *
 * <p>Immutable after construction; thread-safe.
 */
public final class FrequencyAdjustment<P> {
    /** The largest shift, in bits, either way. */
    public static final double MAX_BITS = 8;

    private static final int EXACT = Agreement.EXACT.ordinal();

    private final RecordComparator<P> comparator;
    private final List<Map<String, Integer>> counts;
    private final double[] uExact;
    private final int records;

    private FrequencyAdjustment(
            RecordComparator<P> comparator, List<Map<String, Integer>> counts, double[] uExact, int records) {
        this.comparator = comparator;
        this.counts = counts;
        this.uExact = uExact;
        this.records = records;
    }

    /** No adjustment at all. */
    public static <P> FrequencyAdjustment<P> none(RecordComparator<P> comparator) {
        return new FrequencyAdjustment<>(comparator, List.of(), new double[0], 0);
    }

    /**
     * Counts the values of every record and the rate of exact agreement among random pairs.
     *
     * @param random comparison levels of randomly drawn pairs (as given to {@link EmEstimator})
     */
    public static <P> FrequencyAdjustment<P> of(RecordComparator<P> comparator, List<P> prepared, List<int[]> random) {
        int nf = comparator.fields().size();
        List<Map<String, Integer>> counts = new java.util.ArrayList<>(nf);
        double[] uExact = new double[nf];
        for (int f = 0; f < nf; f++) {
            Map<String, Integer> c = new HashMap<>();
            for (P p : prepared) {
                List<String> keys = comparator.valueKeys(p, f);
                if (keys.size() == 1) {
                    c.merge(keys.getFirst(), 1, Integer::sum);
                } else if (!keys.isEmpty()) {
                    for (String k : new HashSet<>(keys)) {
                        c.merge(k, 1, Integer::sum);
                    }
                }
            }
            counts.add(c);
            long compared = 0;
            long exact = 0;
            for (int[] v : random) {
                if (v[f] != Agreement.MISSING.ordinal()) {
                    compared++;
                    if (v[f] == EXACT) {
                        exact++;
                    }
                }
            }
            // never below one agreement in the sample: a value can't be rarer than that measures
            uExact[f] = compared == 0 ? 0 : Math.max(1, exact) / (double) compared;
        }
        return new FrequencyAdjustment<>(comparator, List.copyOf(counts), uExact, prepared.size());
    }

    /** The shift, in bits, to add to the model's match weight for the pair {@code a}, {@code b}. */
    public double bits(List<FieldComparison> vector, P a, P b) {
        if (counts.isEmpty()) {
            return 0;
        }
        double bits = 0;
        for (int f = 0; f < vector.size(); f++) {
            if (vector.get(f).agreement() != Agreement.EXACT
                    || uExact[f] == 0
                    || counts.get(f).isEmpty()) {
                continue;
            }
            int rarest = Integer.MAX_VALUE;
            List<String> ka = comparator.valueKeys(a, f);
            if (ka.isEmpty()) {
                continue;
            }
            for (String k : comparator.valueKeys(b, f)) {
                if (ka.contains(k)) { // a person has a handful of names: a list beats hashing here
                    rarest = Math.min(rarest, counts.get(f).getOrDefault(k, 1));
                }
            }
            if (rarest == Integer.MAX_VALUE) {
                continue;
            }
            double share = Math.max(rarest, 1) / (double) records;
            double shift = FellegiSunter.log2(uExact[f] / share);
            bits += Math.max(-MAX_BITS, Math.min(MAX_BITS, shift));
        }
        return bits;
    }

    /** The match probability of a pair with the adjustment. */
    public double probability(FellegiSunter model, List<FieldComparison> vector, P a, P b) {
        return FellegiSunter.probabilityOf(model.matchWeight(FellegiSunter.levels(vector)) + bits(vector, a, b));
    }
}
