package org.concordia.matching.translit;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The joint many-to-many model of one script. A name pair is generated as a sequence of graphones
 * {@code (native segment of 1-2 characters, Latin substring of 0-maxLatin letters)} ended by {@code END}; each
 * graphone is drawn given the native character and the Latin letter just before it (a joint-sequence model in the
 * sense of Bisani &amp; Ney 2008, with character rather than graphone history, so that a pair is scored by a plain
 * two-dimensional forward pass). Probabilities are Witten-Bell interpolations of {@code P(g | native, latin)},
 * {@code P(g | native)} and the EM-trained unigram {@code P(g)}.
 *
 * <p>Immutable; thread-safe.
 */
final class ScriptModel {
    static final int END = 0;
    static final int MAX_NATIVE = 2;

    final Script script;
    final int maxLatin;
    private final int[] vocab;
    /** The characters whose identity is a context (the Han characters behind pinyin units); empty for others. */
    private final int[] attrVocab;

    private final int[] gNative;
    private final int[] gLatin;
    private final byte[][] gLatinLetters;
    private final LongIntMap gIndex;
    private final Map<Integer, int[]> bySegment;
    private final double[] p0;
    private final int[] specs;
    private final LongDoubleMap[] probs;
    private final LongDoubleMap[] bows;
    final CharLm lm;
    /** Weight of the Latin prior in {@code log P(native, latin) - w log P(latin)}. */
    final double lmWeight;
    /** Logistic calibration of the per-character log-likelihood ratio into a match probability. */
    final double calA;

    final double calB;
    /** The same kind of model trained right to left (contexts that follow), or null. */
    private final ScriptModel backward;
    /**
     * Graphones that enough training alignments use to be rules rather than memorised pairs; spellings are generated
     * from these only (scoring uses all).
     */
    private final boolean[] general;

    ScriptModel(
            Script script,
            int maxLatin,
            int[] vocab,
            int[] attrVocab,
            int[] gNative,
            int[] gLatin,
            double[] p0,
            int[] specs,
            LongDoubleMap[] probs,
            LongDoubleMap[] bows,
            CharLm lm,
            double lmWeight,
            double calA,
            double calB) {
        this(
                script, maxLatin, vocab, attrVocab, gNative, gLatin, p0, specs, probs, bows, lm, lmWeight, calA, calB,
                null, null);
    }

    private ScriptModel(
            Script script,
            int maxLatin,
            int[] vocab,
            int[] attrVocab,
            int[] gNative,
            int[] gLatin,
            double[] p0,
            int[] specs,
            LongDoubleMap[] probs,
            LongDoubleMap[] bows,
            CharLm lm,
            double lmWeight,
            double calA,
            double calB,
            ScriptModel backward,
            boolean[] general) {
        this.backward = backward;
        this.general = general;
        this.script = script;
        this.maxLatin = maxLatin;
        this.vocab = vocab;
        this.attrVocab = attrVocab;
        this.gNative = gNative;
        this.gLatin = gLatin;
        this.p0 = p0;
        this.specs = specs;
        this.probs = probs;
        this.bows = bows;
        this.lm = lm;
        this.lmWeight = lmWeight;
        this.calA = calA;
        this.calB = calB;
        this.gIndex = new LongIntMap(gNative.length);
        this.gLatinLetters = new byte[gNative.length][];
        Map<Integer, List<Integer>> seg = new HashMap<>();
        for (int g = 1; g < gNative.length; g++) {
            gIndex.put(graphoneKey(gNative[g], gLatin[g]), g);
            gLatinLetters[g] = latinLetters(gLatin[g]);
            seg.computeIfAbsent(gNative[g], x -> new ArrayList<>()).add(g);
        }
        this.bySegment = new HashMap<>();
        seg.forEach((k, v) ->
                bySegment.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
    }

    ScriptModel withScoring(double lmWeight, double calA, double calB) {
        return new ScriptModel(
                script, maxLatin, vocab, attrVocab, gNative, gLatin, p0, specs, probs, bows, lm, lmWeight, calA, calB,
                backward, general);
    }

    ScriptModel withGeneral(boolean[] general) {
        return new ScriptModel(
                script, maxLatin, vocab, attrVocab, gNative, gLatin, p0, specs, probs, bows, lm, lmWeight, calA, calB,
                backward, general);
    }

    ScriptModel withBackward(ScriptModel backward) {
        return new ScriptModel(
                script, maxLatin, vocab, attrVocab, gNative, gLatin, p0, specs, probs, bows, lm, lmWeight, calA, calB,
                backward, general);
    }

    /**
     * log P(native, latin), averaged over the left-to-right and the right-to-left model when there is one; minus
     * infinity when no alignment exists. {@code reversed} is {@code n.reversed()} (passed in so that a caller
     * scoring many candidates reverses once).
     */
    double logJoint(Native n, Native reversed, byte[] l) {
        double f = joint(n, l);
        double b = backward == null ? 0 : backward.joint(reversed, reversed(l));
        if (backward == null) {
            return f > 0 ? Math.log(f) : Double.NEGATIVE_INFINITY;
        }
        if (f > 0 && b > 0) {
            return 0.5 * (Math.log(f) + Math.log(b));
        }
        double one = Math.max(f, b);
        return one > 0 ? Math.log(one) - UNILATERAL_PENALTY : Double.NEGATIVE_INFINITY;
    }

    /** A scorer of many Latin candidates against one native token, with per-token tables (see {@link Scorer}). */
    Scorer scorer(Native n) {
        return new Scorer(n);
    }

    /**
     * Scores Latin candidates against one native token: the graphones of each native segment of the token sit in a
     * small table, and graphone probabilities in context are memoised, so that scoring hundreds of candidates does not
     * search the model's large tables again and again. Gives what {@link #logJoint} gives. Not thread-safe.
     */
    final class Scorer {
        private final int[] n;
        private final int[] at;
        private final int[][] keys;
        private final int[][] ids;
        private final LongDoubleMap memo = new LongDoubleMap(1 << 10);
        private final Scorer backwardScorer;

        private Scorer(Native nat) {
            n = nat.ids();
            at = nat.attrs();
            keys = new int[(n.length + 1) * MAX_NATIVE][];
            ids = new int[keys.length][];
            for (int i = 1; i <= n.length; i++) {
                for (int la = 1; la <= MAX_NATIVE && la <= i; la++) {
                    int[] gs = graphonesOf(nativeKey(n, i - la, i));
                    int cap = Integer.highestOneBit(Math.max(2, gs.length * 2) * 2 - 1);
                    int[] k = new int[cap];
                    int[] v = new int[cap];
                    Arrays.fill(k, -1);
                    for (int g : gs) {
                        int slot = (gLatin[g] * 0x9E3779B1) >>> 7 & (cap - 1);
                        while (k[slot] != -1) {
                            slot = (slot + 1) & (cap - 1);
                        }
                        k[slot] = gLatin[g];
                        v[slot] = g;
                    }
                    keys[i * MAX_NATIVE + la - 1] = k;
                    ids[i * MAX_NATIVE + la - 1] = v;
                }
            }
            backwardScorer = backward == null ? null : backward.scorer(nat.reversed());
        }

        private int graphoneAt(int i, int la, int latinKey) {
            int[] k = keys[i * MAX_NATIVE + la - 1];
            int mask = k.length - 1;
            int slot = (latinKey * 0x9E3779B1) >>> 7 & mask;
            while (k[slot] != -1) {
                if (k[slot] == latinKey) {
                    return ids[i * MAX_NATIVE + la - 1][slot];
                }
                slot = (slot + 1) & mask;
            }
            return -1;
        }

        private double probAt(int g, int start, int l1, int l2) {
            long key = ((long) g << 40) | ((long) start << 10) | (l1 << 5) | l2;
            double p = memo.get(key, -1);
            if (p < 0) {
                int nn = n.length;
                int end = start + (g == END ? 0 : (gNative[g] >= 65536 ? 2 : 1));
                p = prob(
                        g,
                        start > 0 ? n[start - 1] : 0,
                        end < nn && g != END ? n[end] : 0,
                        g == END ? 0 : at[start],
                        l1,
                        l2);
                memo.put(key, p);
            }
            return p;
        }

        /** P(native, latin) of the left-to-right model. */
        double joint(byte[] l) {
            int nn = n.length;
            int m = l.length;
            if (nn == 0 || m == 0) {
                return 0;
            }
            int w = m + 1;
            double[] a = new double[(nn + 1) * w];
            a[0] = 1;
            for (int i = 1; i <= nn; i++) {
                for (int j = 0; j <= m; j++) {
                    double sum = 0;
                    for (int la = 1; la <= MAX_NATIVE && la <= i; la++) {
                        int lk = 0;
                        int pow = 1;
                        for (int lb = 0; lb <= maxLatin && lb <= j; lb++) {
                            if (lb > 0) {
                                lk += l[j - lb] * pow;
                                pow *= 27;
                            }
                            double prev = a[(i - la) * w + j - lb];
                            if (prev == 0) {
                                continue;
                            }
                            int g = graphoneAt(i, la, lk);
                            if (g < 0) {
                                if (la == 1 && lb <= ESCAPE_LETTERS) {
                                    sum += prev * ESCAPE[lb];
                                }
                                continue;
                            }
                            sum += prev
                                    * probAt(g, i - la, j - lb > 0 ? l[j - lb - 1] : 0, j - lb > 1 ? l[j - lb - 2] : 0);
                        }
                    }
                    a[i * w + j] = sum;
                }
            }
            return a[nn * w + m] * probAt(END, nn, l[m - 1], m > 1 ? l[m - 2] : 0);
        }

        /** What {@link ScriptModel#logJoint} gives for this native token and {@code l}. */
        double logJoint(byte[] l) {
            double f = joint(l);
            if (backwardScorer == null) {
                return f > 0 ? Math.log(f) : Double.NEGATIVE_INFINITY;
            }
            double b = backwardScorer.joint(reversed(l));
            if (f > 0 && b > 0) {
                return 0.5 * (Math.log(f) + Math.log(b));
            }
            double one = Math.max(f, b);
            return one > 0 ? Math.log(one) - UNILATERAL_PENALTY : Double.NEGATIVE_INFINITY;
        }
    }

    /**
     * A native character may stand for a Latin string of up to this many letters never seen aligned with it, at a
     * small fixed probability ({@link #ESCAPE}), so that one unusual correspondence does not make a pair impossible.
     */
    static final int ESCAPE_LETTERS = 2;

    static final double ESCAPE_PROBABILITY = 1e-4;
    private static final double[] ESCAPE = {ESCAPE_PROBABILITY, ESCAPE_PROBABILITY / 26, ESCAPE_PROBABILITY / (26 * 26)
    };

    /** Penalty (nats) when only one direction can align a pair. */
    static final double UNILATERAL_PENALTY = 5;

    static long graphoneKey(int nativeKey, int latinKey) {
        return ((long) nativeKey << 32) | (latinKey & 0xFFFFFFFFL);
    }

    static int nativeKey(int[] n, int start, int end) {
        return end - start == 1 ? n[start] : n[start] * 65536 + n[start + 1];
    }

    static int latinKey(byte[] l, int start, int end) {
        int k = 0;
        for (int i = start; i < end; i++) {
            k = k * 27 + l[i];
        }
        return k;
    }

    static byte[] latinLetters(int key) {
        int len = 0;
        for (int k = key; k > 0; k /= 27) {
            len++;
        }
        byte[] b = new byte[len];
        for (int i = len - 1, k = key; i >= 0; i--, k /= 27) {
            b[i] = (byte) (k % 27);
        }
        return b;
    }

    static byte[] encodeLatin(String normalizedLatin) {
        byte[] b = new byte[normalizedLatin.length()];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (normalizedLatin.charAt(i) - 'a' + 1);
        }
        return b;
    }

    static String decodeLatin(byte[] l) {
        char[] c = new char[l.length];
        for (int i = 0; i < l.length; i++) {
            c[i] = (char) ('a' + l[i] - 1);
        }
        return new String(c);
    }

    /** A native token as the model sees it: character ids and, per character, the id of its source character. */
    record Native(int[] ids, int[] attrs) {
        int length() {
            return ids.length;
        }

        Native reversed() {
            int len = ids.length;
            int[] i2 = new int[len];
            int[] a2 = new int[len];
            for (int i = 0; i < len; i++) {
                i2[i] = ids[len - 1 - i];
                a2[i] = attrs[len - 1 - i];
            }
            return new Native(i2, a2);
        }
    }

    static byte[] reversed(byte[] l) {
        byte[] r = new byte[l.length];
        for (int i = 0; i < l.length; i++) {
            r[i] = l[l.length - 1 - i];
        }
        return r;
    }

    /** Encodes a native-script token; characters the model never saw are left out. */
    Native encodeNative(String token) {
        String folded = TranslitText.nativeForm(token, script);
        int[] src = attrVocab.length > 0 ? TranslitText.sources(token, script) : null;
        int[] ids = new int[folded.length()];
        int[] attrs = new int[folded.length()];
        int n = 0;
        int k = 0;
        for (int i = 0; i < folded.length(); k++) {
            int cp = folded.codePointAt(i);
            i += Character.charCount(cp);
            int id = Arrays.binarySearch(vocab, cp);
            if (id >= 0) {
                ids[n] = id + 1;
                if (src != null && k < src.length) {
                    int a = Arrays.binarySearch(attrVocab, src[k]);
                    attrs[n] = a >= 0 ? a + 1 : 0;
                }
                n++;
            }
        }
        return new Native(Arrays.copyOf(ids, n), Arrays.copyOf(attrs, n));
    }

    int graphone(int nativeKey, int latinKey) {
        return gIndex.get(graphoneKey(nativeKey, latinKey), -1);
    }

    int[] graphonesOf(int nativeKey) {
        return bySegment.getOrDefault(nativeKey, new int[0]);
    }

    int graphoneCount() {
        return gNative.length;
    }

    /** Context features: the native character before the segment, the one after it, the two Latin letters before. */
    static final int PREV = 1;

    static final int NEXT = 2;
    static final int LAT1 = 4;
    static final int LAT2 = 8;
    static final int ATTR = 16;

    /** The context of a level with feature set {@code spec}; native ids take 12 bits, source ids 14, letters 5. */
    static long context(int spec, int prev, int next, int attr, int l1, int l2) {
        long c = 0;
        if ((spec & PREV) != 0) {
            c |= (long) prev << 36;
        }
        if ((spec & NEXT) != 0) {
            c |= (long) next << 24;
        }
        if ((spec & ATTR) != 0) {
            c |= (long) attr << 10;
        }
        if ((spec & LAT1) != 0) {
            c |= l1 << 5;
        }
        if ((spec & LAT2) != 0) {
            c |= l2;
        }
        return c;
    }

    static long entryKey(int g, long context) {
        return ((long) g << 48) | context;
    }

    /** P(g | context), the interpolated chain from the most specific level down to the unigram. */
    double prob(int g, int prev, int next, int attr, int l1, int l2) {
        return probFrom(0, g, prev, next, attr, l1, l2);
    }

    /** P(g | context) using the levels from {@code level} on (the trainer fills the levels from the last). */
    double probFrom(int level, int g, int prev, int next, int attr, int l1, int l2) {
        double w = 1;
        for (int k = level; k < specs.length; k++) {
            long ctx = context(specs[k], prev, next, attr, l1, l2);
            double v = probs[k].get(entryKey(g, ctx), -1);
            if (v >= 0) {
                return w * v;
            }
            w *= bows[k].get(ctx, 1);
        }
        return w * p0[g];
    }

    /** P(native, latin) summed over all alignments (forward algorithm). */
    double joint(Native nat, byte[] l) {
        int[] n = nat.ids();
        int[] at = nat.attrs();
        int nn = n.length;
        int m = l.length;
        if (nn == 0 || m == 0) {
            return 0;
        }
        int w = m + 1;
        double[] a = new double[(nn + 1) * w];
        a[0] = 1;
        for (int i = 1; i <= nn; i++) {
            for (int j = 0; j <= m; j++) {
                double sum = 0;
                for (int la = 1; la <= MAX_NATIVE && la <= i; la++) {
                    int nk = nativeKey(n, i - la, i);
                    int n1 = i - la > 0 ? n[i - la - 1] : 0;
                    int nx = i < nn ? n[i] : 0;
                    int lk = 0;
                    int pow = 1;
                    for (int lb = 0; lb <= maxLatin && lb <= j; lb++) {
                        if (lb > 0) {
                            lk += l[j - lb] * pow;
                            pow *= 27;
                        }
                        double prev = a[(i - la) * w + j - lb];
                        if (prev == 0) {
                            continue;
                        }
                        int g = graphone(nk, lk);
                        if (g < 0) {
                            if (la == 1 && lb <= ESCAPE_LETTERS) {
                                sum += prev * ESCAPE[lb];
                            }
                            continue;
                        }
                        sum += prev
                                * prob(
                                        g,
                                        n1,
                                        nx,
                                        at[i - la],
                                        j - lb > 0 ? l[j - lb - 1] : 0,
                                        j - lb > 1 ? l[j - lb - 2] : 0);
                    }
                }
                a[i * w + j] = sum;
            }
        }
        return a[nn * w + m] * prob(END, n[nn - 1], 0, 0, l[m - 1], m > 1 ? l[m - 2] : 0);
    }

    /** The channel score {@code log P(native, latin) - lmWeight * log P(latin)}; minus infinity when impossible. */
    double channel(Native n, byte[] l) {
        double j = logJoint(n, n.reversed(), l);
        return j > Double.NEGATIVE_INFINITY ? j - lmWeight * lm.logProb(l) : Double.NEGATIVE_INFINITY;
    }

    /** The calibrated probability that {@code l} spells {@code n}. */
    double probability(Native n, byte[] l) {
        return calibrate(channel(n, l), n.length());
    }

    /** The calibrated probability of a channel score of a native token of {@code nativeLength} characters. */
    double calibrate(double channel, int nativeLength) {
        if (channel == Double.NEGATIVE_INFINITY || nativeLength == 0) {
            return 0;
        }
        return 1 / (1 + Math.exp(-(calA * channel / nativeLength + calB)));
    }

    /** The most likely alignment as a list of graphone ids with END last, or null when none exists. */
    int[] viterbi(Native nat, byte[] l) {
        int[] n = nat.ids();
        int[] at = nat.attrs();
        int nn = n.length;
        int m = l.length;
        if (nn == 0 || m == 0) {
            return null;
        }
        int w = m + 1;
        double[] a = new double[(nn + 1) * w];
        int[] back = new int[(nn + 1) * w];
        a[0] = 1;
        for (int i = 1; i <= nn; i++) {
            for (int j = 0; j <= m; j++) {
                double best = 0;
                int arg = -1;
                for (int la = 1; la <= MAX_NATIVE && la <= i; la++) {
                    int nk = nativeKey(n, i - la, i);
                    int n1 = i - la > 0 ? n[i - la - 1] : 0;
                    int nx = i < nn ? n[i] : 0;
                    int lk = 0;
                    int pow = 1;
                    for (int lb = 0; lb <= maxLatin && lb <= j; lb++) {
                        if (lb > 0) {
                            lk += l[j - lb] * pow;
                            pow *= 27;
                        }
                        double prev = a[(i - la) * w + j - lb];
                        if (prev == 0) {
                            continue;
                        }
                        int g = graphone(nk, lk);
                        if (g < 0) {
                            continue;
                        }
                        double s = prev
                                * prob(
                                        g,
                                        n1,
                                        nx,
                                        at[i - la],
                                        j - lb > 0 ? l[j - lb - 1] : 0,
                                        j - lb > 1 ? l[j - lb - 2] : 0);
                        if (s > best) {
                            best = s;
                            arg = la * 16 + lb;
                        }
                    }
                }
                a[i * w + j] = best;
                back[i * w + j] = arg;
            }
        }
        if (a[nn * w + m] == 0) {
            return null;
        }
        List<Integer> path = new ArrayList<>();
        path.add(END);
        int i = nn;
        int j = m;
        while (i > 0) {
            int arg = back[i * w + j];
            int la = arg / 16;
            int lb = arg % 16;
            path.add(graphone(nativeKey(n, i - la, i), latinKey(l, j - lb, j)));
            i -= la;
            j -= lb;
        }
        int[] out = new int[path.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = path.get(path.size() - 1 - k);
        }
        return out;
    }

    /** A generated Latin spelling and its joint log-probability. */
    record Spelling(byte[] latin, double logJoint) {}

    /**
     * The most likely Latin spellings of a native token by beam search over native positions (hypotheses that spell
     * the same letters are merged by summing), best first.
     */
    List<Spelling> generate(Native nat, int beam, int k) {
        int[] n = nat.ids();
        int[] at = nat.attrs();
        int nn = n.length;
        if (nn == 0) {
            return List.of();
        }
        List<Map<String, Hyp>> columns = new ArrayList<>();
        for (int i = 0; i <= nn; i++) {
            columns.add(new HashMap<>());
        }
        columns.get(0).put("", new Hyp(new byte[0], 1));
        for (int i = 0; i < nn; i++) {
            List<Hyp> hyps = new ArrayList<>(columns.get(i).values());
            hyps.sort((x, y) -> Double.compare(y.p, x.p));
            if (hyps.size() > beam) {
                hyps = hyps.subList(0, beam);
            }
            int n1 = i > 0 ? n[i - 1] : 0;
            for (int la = 1; la <= MAX_NATIVE && i + la <= nn; la++) {
                int[] gs = graphonesOf(nativeKey(n, i, i + la));
                int nx = i + la < nn ? n[i + la] : 0;
                Map<String, Hyp> next = columns.get(i + la);
                for (Hyp h : hyps) {
                    int hl = h.latin.length;
                    int l1 = hl > 0 ? h.latin[hl - 1] : 0;
                    int l2 = hl > 1 ? h.latin[hl - 2] : 0;
                    for (int g : gs) {
                        if (general != null && !general[g]) {
                            continue;
                        }
                        double p = h.p * prob(g, n1, nx, at[i], l1, l2);
                        if (p == 0) {
                            continue;
                        }
                        byte[] add = gLatinLetters[g];
                        byte[] latin = Arrays.copyOf(h.latin, h.latin.length + add.length);
                        System.arraycopy(add, 0, latin, h.latin.length, add.length);
                        String key = new String(latin, java.nio.charset.StandardCharsets.ISO_8859_1);
                        Hyp old = next.get(key);
                        if (old == null) {
                            next.put(key, new Hyp(latin, p));
                        } else {
                            old.p += p;
                        }
                    }
                }
            }
        }
        List<Spelling> out = new ArrayList<>();
        for (Hyp h : columns.get(nn).values()) {
            if (h.latin.length == 0) {
                continue;
            }
            int hl = h.latin.length;
            double p = h.p * prob(END, n[nn - 1], 0, 0, h.latin[hl - 1], hl > 1 ? h.latin[hl - 2] : 0);
            if (p > 0) {
                out.add(new Spelling(h.latin, Math.log(p)));
            }
        }
        out.sort((x, y) -> Double.compare(y.logJoint, x.logJoint));
        return out.size() > k ? new ArrayList<>(out.subList(0, k)) : out;
    }

    /** Key hypotheses less likely than this fraction of the best one at their position are not extended. */
    static final double KEY_PRUNE = 1e-7;

    /** A generated {@link SoundKey} and its probability. */
    record Key(long key, double p) {}

    /**
     * The most likely {@link SoundKey}s of the Latin spellings of a native token, by beam search with the context
     * levels that do not look at Latin letters (so that spellings sharing a key merge early), best first.
     */
    List<Key> generateKeys(Native nat, int beam, int k) {
        int[] n = nat.ids();
        int[] at = nat.attrs();
        int nn = n.length;
        if (nn == 0) {
            return List.of();
        }
        int level = 0;
        while (level < specs.length && (specs[level] & (LAT1 | LAT2)) != 0) {
            level++;
        }
        LongDoubleMap[] columns = new LongDoubleMap[nn + 1];
        columns[0] = new LongDoubleMap(4);
        columns[0].put(SoundKey.START, 1);
        long[] states = new long[16];
        double[] ps = new double[16];
        for (int i = 0; i < nn; i++) {
            if (columns[i] == null) {
                continue;
            }
            int count = top(columns[i], beam, states, ps);
            if (states.length < columns[i].size()) {
                states = new long[columns[i].size() * 2];
                ps = new double[columns[i].size() * 2];
                count = top(columns[i], beam, states, ps);
            }
            int n1 = i > 0 ? n[i - 1] : 0;
            for (int la = 1; la <= MAX_NATIVE && i + la <= nn; la++) {
                int[] gs = graphonesOf(nativeKey(n, i, i + la));
                if (gs.length == 0) {
                    continue;
                }
                int nx = i + la < nn ? n[i + la] : 0;
                if (columns[i + la] == null) {
                    columns[i + la] = new LongDoubleMap(256);
                }
                LongDoubleMap next = columns[i + la];
                double floor = ps[0] * KEY_PRUNE;
                for (int g : gs) {
                    double pg = probFrom(level, g, n1, nx, at[i], 0, 0);
                    byte[] letters = gLatinLetters[g];
                    for (int h = 0; h < count; h++) {
                        if (ps[h] * pg < floor) {
                            break;
                        }
                        long state = states[h];
                        for (byte b : letters) {
                            state = SoundKey.append(state, b);
                        }
                        next.add(state, ps[h] * pg);
                    }
                }
            }
        }
        if (columns[nn] == null) {
            return List.of();
        }
        LongDoubleMap keys = new LongDoubleMap(256);
        columns[nn].forEach((state, p) -> {
            if (state != SoundKey.START) {
                keys.add(SoundKey.keyOf(state), p);
            }
        });
        long[] ks = new long[keys.size()];
        double[] kp = new double[keys.size()];
        int count = top(keys, k, ks, kp);
        List<Key> out = new ArrayList<>(count);
        for (int x = 0; x < count; x++) {
            out.add(new Key(ks[x], kp[x]));
        }
        return out;
    }

    /** The {@code limit} entries of {@code map} with the highest values, best first, into the arrays; their count. */
    private static int top(LongDoubleMap map, int limit, long[] keys, double[] values) {
        int size = map.size();
        if (keys.length < size) {
            return 0;
        }
        int[] n = {0};
        map.forEach((k, v) -> {
            keys[n[0]] = k;
            values[n[0]] = v;
            n[0]++;
        });
        Integer[] order = new Integer[size];
        for (int x = 0; x < size; x++) {
            order[x] = x;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[b], values[a]));
        int count = Math.min(limit, size);
        long[] k2 = new long[count];
        double[] v2 = new double[count];
        for (int x = 0; x < count; x++) {
            k2[x] = keys[order[x]];
            v2[x] = values[order[x]];
        }
        System.arraycopy(k2, 0, keys, 0, count);
        System.arraycopy(v2, 0, values, 0, count);
        return count;
    }

    private static final class Hyp {
        final byte[] latin;
        double p;

        Hyp(byte[] latin, double p) {
            this.latin = latin;
            this.p = p;
        }
    }

    void write(DataOutputStream out) throws IOException {
        out.writeUTF(script.code);
        out.writeByte(maxLatin);
        out.writeInt(vocab.length);
        for (int cp : vocab) {
            ModelIo.writeVarLong(out, cp);
        }
        out.writeInt(attrVocab.length);
        for (int cp : attrVocab) {
            ModelIo.writeVarLong(out, cp);
        }
        out.writeInt(gNative.length);
        for (int g = 1; g < gNative.length; g++) {
            ModelIo.writeVarLong(out, gNative[g]);
            ModelIo.writeVarLong(out, gLatin[g]);
        }
        for (double p : p0) {
            out.writeChar(ModelIo.quantize(p));
        }
        out.writeByte(specs.length);
        for (int k = 0; k < specs.length; k++) {
            out.writeByte(specs[k]);
            ModelIo.writeMap(out, probs[k]);
            ModelIo.writeMap(out, bows[k]);
        }
        lm.write(out);
        out.writeDouble(lmWeight);
        out.writeDouble(calA);
        out.writeDouble(calB);
        for (int g = 1; g < gNative.length; g++) {
            out.writeBoolean(general == null || general[g]);
        }
        out.writeBoolean(backward != null);
        if (backward != null) {
            backward.write(out);
        }
    }

    static ScriptModel read(DataInputStream in) throws IOException {
        Script script = Script.of(in.readUTF());
        int maxLatin = in.readByte();
        int[] vocab = new int[in.readInt()];
        for (int i = 0; i < vocab.length; i++) {
            vocab[i] = (int) ModelIo.readVarLong(in);
        }
        int[] attrVocab = new int[in.readInt()];
        for (int i = 0; i < attrVocab.length; i++) {
            attrVocab[i] = (int) ModelIo.readVarLong(in);
        }
        int size = in.readInt();
        int[] gNative = new int[size];
        int[] gLatin = new int[size];
        for (int g = 1; g < size; g++) {
            gNative[g] = (int) ModelIo.readVarLong(in);
            gLatin[g] = (int) ModelIo.readVarLong(in);
        }
        double[] p0 = new double[size];
        for (int g = 0; g < size; g++) {
            p0[g] = ModelIo.dequantize(in.readChar());
        }
        int levels = in.readByte();
        int[] specs = new int[levels];
        LongDoubleMap[] probs = new LongDoubleMap[levels];
        LongDoubleMap[] bows = new LongDoubleMap[levels];
        for (int k = 0; k < levels; k++) {
            specs[k] = in.readByte();
            probs[k] = ModelIo.readMap(in);
            bows[k] = ModelIo.readMap(in);
        }
        CharLm lm = CharLm.read(in);
        double lmWeight = in.readDouble();
        double calA = in.readDouble();
        double calB = in.readDouble();
        boolean[] general = new boolean[size];
        general[END] = true;
        for (int g = 1; g < size; g++) {
            general[g] = in.readBoolean();
        }
        ScriptModel backward = in.readBoolean() ? read(in) : null;
        return new ScriptModel(
                script, maxLatin, vocab, attrVocab, gNative, gLatin, p0, specs, probs, bows, lm, lmWeight, calA, calB,
                backward, general);
    }
}
