package org.concordia.matching.compare;

/**
 * The Jaro and Jaro-Winkler string similarities, as defined by Jaro ("Advances in Record-Linkage
 * Methodology as Applied to Matching the 1985 Census of Tampa, Florida", JASA 84(406), 1989) and
 * Winkler ("String Comparator Metrics and Enhanced Decision Rules in the Fellegi-Sunter Model of
 * Record Linkage", Proceedings of the Section on Survey Research Methods, ASA, 1990).
 *
 * <p>Contract:
 *
 * <ul>
 *   <li>Characters are compared as they are (no case folding): callers pass normalised tokens.
 *   <li>Two equal strings, the empty string included, have similarity 1; an empty string and a
 *       non-empty one have similarity 0; so have two strings without a common character within the
 *       match window.
 *   <li>Jaro: with m the characters of {@code a} and {@code b} that are equal and no further apart
 *       than {@code max(|a|, |b|) / 2 - 1} positions (each matched once), and t half the number of
 *       matched characters that appear in a different order, {@code jaro = (m/|a| + m/|b| + (m - t)/m)
 *       / 3}.
 *   <li>Jaro-Winkler: {@code jaro + l * 0.1 * (1 - jaro)}, l the length of the common prefix, at most
 *       4, applied when the Jaro similarity exceeds Winkler's boost threshold of 0.7 (as in the
 *       Census Bureau's {@code strcmp95}).
 *   <li>Symmetric, in [0, 1]. Allocation free for strings of up to 64 characters (matched positions
 *       kept in two {@code long} bit sets); longer strings use two boolean arrays.
 * </ul>
 *
 * Worked examples from Winkler (1990) and the Wikipedia summary of it: MARTHA/MARHTA Jaro 0.944,
 * Jaro-Winkler 0.961; DWAYNE/DUANE 0.822, 0.840; DIXON/DICKSONX 0.767, 0.813.
 *
 * <p>Stateless and thread-safe.
 */
public final class JaroWinkler {
    /** Winkler's prefix scale. */
    public static final double PREFIX_SCALE = 0.1;
    /** The longest common prefix that counts. */
    public static final int MAX_PREFIX = 4;
    /** The Jaro similarity above which the prefix bonus applies. */
    public static final double BOOST_THRESHOLD = 0.7;

    private JaroWinkler() {}

    /** The Jaro similarity of {@code a} and {@code b}, in [0, 1]. */
    public static double jaro(String a, String b) {
        if (a.equals(b)) {
            return 1;
        }
        int la = a.length();
        int lb = b.length();
        if (la == 0 || lb == 0) {
            return 0;
        }
        if (la > lb || (la == lb && a.compareTo(b) > 0)) { // a fixed order keeps the measure symmetric
            String s = a;
            a = b;
            b = s;
            la = a.length();
            lb = b.length();
        }
        if (lb <= 64) {
            return jaroSmall(a, b, la, lb);
        }
        return jaroLarge(a, b, la, lb);
    }

    /** The Jaro-Winkler similarity of {@code a} and {@code b}, in [0, 1]. */
    public static double similarity(String a, String b) {
        double j = jaro(a, b);
        if (j <= BOOST_THRESHOLD || j == 1) {
            return j;
        }
        int max = Math.min(MAX_PREFIX, Math.min(a.length(), b.length()));
        int l = 0;
        while (l < max && a.charAt(l) == b.charAt(l)) {
            l++;
        }
        return j + l * PREFIX_SCALE * (1 - j);
    }

    /**
     * The characters of {@code s} as a 64-bit set (bit {@code c & 63} for each character {@code c}), for
     * {@link #mayReach}. Characters that share a bit only make the bound looser, never wrong.
     */
    public static long letters(String s) {
        long set = 0;
        for (int i = 0; i < s.length(); i++) {
            set |= 1L << (s.charAt(i) & 63);
        }
        return set;
    }

    /**
     * False only when the Jaro-Winkler similarity of {@code a} and {@code b} is certainly below {@code
     * threshold}, decided from the lengths and the {@link #letters} sets alone: a character of one string
     * that the other lacks cannot be matched, so each bit set in one set and not in the other takes at
     * least one character off the matches m; with no transpositions, {@code jaro <= (m/|a| + m/|b| +
     * 1) / 3}, and the Winkler bonus is at most {@code 0.4 * (1 - jaro)}, increasing in jaro. An exact
     * filter: {@code similarity(a, b) >= threshold} implies {@code mayReach(...)}.
     */
    public static boolean mayReach(String a, long lettersA, String b, long lettersB, double threshold) {
        int la = a.length();
        int lb = b.length();
        if (la == 0 || lb == 0) {
            return true; // the equal-strings rule decides; rare
        }
        int m = Math.min(la - Long.bitCount(lettersA & ~lettersB), lb - Long.bitCount(lettersB & ~lettersA));
        if (m <= 0) {
            return threshold <= 0;
        }
        double jaro = ((double) m / la + (double) m / lb + 1) / 3.0;
        double bound = jaro > BOOST_THRESHOLD ? jaro + MAX_PREFIX * PREFIX_SCALE * (1 - jaro) : jaro;
        return bound >= threshold - 1e-12;
    }

    private static double jaroSmall(String a, String b, int la, int lb) {
        int window = Math.max(0, lb / 2 - 1);
        long matchedB = 0;
        long matchedA = 0;
        int m = 0;
        for (int i = 0; i < la; i++) {
            char c = a.charAt(i);
            int from = Math.max(0, i - window);
            int to = Math.min(lb - 1, i + window);
            for (int j = from; j <= to; j++) {
                if ((matchedB & (1L << j)) == 0 && b.charAt(j) == c) {
                    matchedB |= 1L << j;
                    matchedA |= 1L << i;
                    m++;
                    break;
                }
            }
        }
        if (m == 0) {
            return 0;
        }
        int halfTranspositions = 0;
        int j = 0;
        for (int i = 0; i < la; i++) {
            if ((matchedA & (1L << i)) != 0) {
                while ((matchedB & (1L << j)) == 0) {
                    j++;
                }
                if (a.charAt(i) != b.charAt(j)) {
                    halfTranspositions++;
                }
                j++;
            }
        }
        return score(m, halfTranspositions, la, lb);
    }

    private static double jaroLarge(String a, String b, int la, int lb) {
        int window = Math.max(0, lb / 2 - 1);
        boolean[] matchedA = new boolean[la];
        boolean[] matchedB = new boolean[lb];
        int m = 0;
        for (int i = 0; i < la; i++) {
            char c = a.charAt(i);
            int from = Math.max(0, i - window);
            int to = Math.min(lb - 1, i + window);
            for (int j = from; j <= to; j++) {
                if (!matchedB[j] && b.charAt(j) == c) {
                    matchedB[j] = true;
                    matchedA[i] = true;
                    m++;
                    break;
                }
            }
        }
        if (m == 0) {
            return 0;
        }
        int halfTranspositions = 0;
        int j = 0;
        for (int i = 0; i < la; i++) {
            if (matchedA[i]) {
                while (!matchedB[j]) {
                    j++;
                }
                if (a.charAt(i) != b.charAt(j)) {
                    halfTranspositions++;
                }
                j++;
            }
        }
        return score(m, halfTranspositions, la, lb);
    }

    private static double score(int m, int halfTranspositions, int la, int lb) {
        double t = halfTranspositions / 2.0;
        return ((double) m / la + (double) m / lb + (m - t) / m) / 3.0;
    }
}
