package org.concordia.matching.translit;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Collection;

/**
 * A character n-gram language model of Latin name tokens (letters 1-26, end of word 27), interpolated with
 * Witten-Bell smoothing (Witten &amp; Bell 1991). It gives {@code P(latin)}, the prior that turns the joint model's
 * {@code P(native, latin)} into the channel probability {@code P(native | latin)} that ranks a closed set of Latin
 * candidates fairly whatever their length.
 *
 * <p>Immutable once built; thread-safe.
 */
final class CharLm {
    static final int EOS = 27;
    private final int order;
    private final LongDoubleMap prob;
    private final LongDoubleMap backoff;

    private CharLm(int order, LongDoubleMap prob, LongDoubleMap backoff) {
        this.order = order;
        this.prob = prob;
        this.backoff = backoff;
    }

    private static long key(int level, long history, int c) {
        return ((long) level << 56) | (history * 28 + c);
    }

    private static long historyKey(int level, long history) {
        return ((long) level << 56) | history;
    }

    /** The history of length {@code level} before position {@code t}: letters base 28, 0 before the word start. */
    private static long history(byte[] word, int t, int level) {
        long h = 0;
        for (int i = t - level; i < t; i++) {
            h = h * 28 + (i < 0 ? 0 : word[i]);
        }
        return h;
    }

    /** Builds a model of the given order from words of letters 1-26, each counted {@code weight} times. */
    static CharLm train(Collection<byte[]> words, int order) {
        LongDoubleMap counts = new LongDoubleMap(1 << 16);
        for (byte[] w : words) {
            for (int t = 0; t <= w.length; t++) {
                int c = t < w.length ? w[t] : EOS;
                for (int level = 0; level < order; level++) {
                    counts.add(key(level, history(w, t, level), c), 1);
                }
            }
        }
        LongDoubleMap totals = new LongDoubleMap(1 << 14);
        LongDoubleMap types = new LongDoubleMap(1 << 14);
        counts.forEach((k, v) -> {
            long hk = k - (k & ((1L << 56) - 1)) + (k & ((1L << 56) - 1)) / 28;
            totals.add(hk, v);
            types.add(hk, 1);
        });
        LongDoubleMap prob = new LongDoubleMap(counts.size());
        LongDoubleMap backoff = new LongDoubleMap(totals.size());
        CharLm lm = new CharLm(order, prob, backoff);
        for (int level = 0; level < order; level++) {
            int lv = level;
            counts.forEach((k, v) -> {
                if ((k >>> 56) != lv) {
                    return;
                }
                long body = k & ((1L << 56) - 1);
                long hk = historyKey(lv, body / 28);
                int c = (int) (body % 28);
                double n = totals.get(hk, 0);
                double t = types.get(hk, 0);
                double lower = lm.lowerProb(body / 28, lv, c);
                prob.put(k, (v + t * lower) / (n + t));
            });
            totals.forEach((hk, n) -> {
                if ((hk >>> 56) == lv) {
                    double t = types.get(hk, 0);
                    backoff.put(hk, t / (n + t));
                }
            });
        }
        return lm;
    }

    /** P(c | the history without its first letter), from the levels below {@code level}. */
    private double lowerProb(long history, int level, int c) {
        if (level == 0) {
            return 1.0 / EOS;
        }
        long shorter = history % pow28(level - 1);
        return prob(shorter, level - 1, c);
    }

    private static long pow28(int e) {
        long p = 1;
        for (int i = 0; i < e; i++) {
            p *= 28;
        }
        return p;
    }

    /** P(c | history of length level). */
    private double prob(long history, int level, int c) {
        double w = 1;
        long h = history;
        for (int lv = level; lv >= 0; lv--) {
            long hk = historyKey(lv, h);
            double b = backoff.get(hk, -1);
            if (b >= 0) {
                double p = prob.get(key(lv, h, c), -1);
                if (p >= 0) {
                    return w * p;
                }
                w *= b;
            }
            if (lv > 0) {
                h = h % pow28(lv - 1);
            }
        }
        return w / EOS;
    }

    /** The natural log of P(word), end of word included. */
    double logProb(byte[] word) {
        double sum = 0;
        for (int t = 0; t <= word.length; t++) {
            int c = t < word.length ? word[t] : EOS;
            sum += Math.log(prob(history(word, t, order - 1), order - 1, c));
        }
        return sum;
    }

    void write(DataOutputStream out) throws IOException {
        out.writeByte(order);
        ModelIo.writeMap(out, prob);
        ModelIo.writeMap(out, backoff);
    }

    static CharLm read(DataInputStream in) throws IOException {
        int order = in.readByte();
        LongDoubleMap prob = ModelIo.readMap(in);
        LongDoubleMap backoff = ModelIo.readMap(in);
        return new CharLm(order, prob, backoff);
    }
}
