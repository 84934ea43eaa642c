package org.concordia.generator;

import java.util.SplittableRandom;

/** Small random choices over a {@link SplittableRandom}, so that every draw goes through the seeded generator. */
final class Dice {
    private Dice() {}

    static boolean chance(SplittableRandom rng, double p) {
        return rng.nextDouble() < p;
    }

    static <T> T pick(T[] values, SplittableRandom rng) {
        return values[rng.nextInt(values.length)];
    }

    /**
     * The first value with probability {@code first}, otherwise any value: the first spelling of a name
     * is its most common one, the others are seen less often.
     */
    static String preferFirst(String[] values, double first, SplittableRandom rng) {
        return preferFirst(values, 0, first, rng);
    }

    /** As {@link #preferFirst(String[], double, SplittableRandom)} over {@code values[from..]}. */
    static String preferFirst(String[] values, int from, double first, SplittableRandom rng) {
        int n = values.length - from;
        if (n == 1 || chance(rng, first)) {
            return values[from];
        }
        return values[from + rng.nextInt(n)];
    }

    /** An index drawn with the given non-negative weights (at least one positive). */
    static int weighted(int[] weights, SplittableRandom rng) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = rng.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        throw new IllegalStateException("weights must not all be zero");
    }

    /** {@code n} as a string of at least {@code width} digits, zero-padded (no String.format: it is slow). */
    static String pad(int n, int width) {
        String s = Integer.toString(n);
        if (s.length() >= width) {
            return s;
        }
        StringBuilder sb = new StringBuilder(width);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(s).toString();
    }
}
