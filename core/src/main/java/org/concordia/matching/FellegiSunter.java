package org.concordia.matching;

import java.util.List;

/**
 * A Fellegi-Sunter record-linkage model (Fellegi and Sunter, "A Theory for Record Linkage", JASA
 * 64(328), 1969): for each field and agreement level, m = P(level | same person) and u = P(level |
 * different people); a pair's match weight is the sum over fields of log2(m/u) plus the prior log
 * odds, and its match probability follows from the weight. MISSING levels weigh nothing.
 *
 * <p>Immutable and thread-safe.
 *
 * @param fields the field names, in comparison-vector order
 * @param m m[field][level], level = {@link Agreement#ordinal()}
 * @param u u[field][level]
 * @param prior P(same person) for a candidate pair
 */
public record FellegiSunter(List<String> fields, double[][] m, double[][] u, double prior) {
    public FellegiSunter {
        fields = List.copyOf(fields);
        if (m.length != fields.size() || u.length != fields.size()) {
            throw new IllegalArgumentException("one row of m and u per field");
        }
        if (!(prior > 0 && prior < 1)) {
            throw new IllegalArgumentException("prior must lie in (0, 1)");
        }
    }

    /** The match weight log2(m/u) of one field at one level; zero for MISSING. */
    public double weight(int field, int level) {
        if (level == Agreement.MISSING.ordinal()) {
            return 0;
        }
        return log2(m[field][level] / u[field][level]);
    }

    /** The total match weight of a comparison vector, with the prior's log odds. */
    public double matchWeight(int[] levels) {
        double w = log2(prior / (1 - prior));
        for (int f = 0; f < levels.length; f++) {
            w += weight(f, levels[f]);
        }
        return w;
    }

    /** The probability that the pair is the same person: 1 / (1 + 2^-weight). */
    public double probability(int[] levels) {
        return probabilityOf(matchWeight(levels));
    }

    public static double probabilityOf(double weight) {
        return 1 / (1 + Math.pow(2, -weight));
    }

    static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    /** The levels of a comparison vector. */
    public static int[] levels(List<FieldComparison> comparisons) {
        int[] l = new int[comparisons.size()];
        for (int i = 0; i < l.length; i++) {
            l[i] = comparisons.get(i).agreement().ordinal();
        }
        return l;
    }
}
