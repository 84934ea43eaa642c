package org.concordia.matching.translit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A known set of Latin name tokens that native-script name parts are matched against: for a native token, the model
 * generates the likeliest {@link SoundKey}s of its Latin spellings, the tokens under those keys form a shortlist, and
 * the shortlist is ranked by the channel score {@code log P(native, latin) - w log P(latin)} of the
 * {@link CrossScriptModel}.
 *
 * <p>Immutable after construction; thread-safe.
 */
public final class LatinNameIndex {
    static final int KEY_BEAM = 64;
    static final int KEY_COUNT = 100;
    static final int SHORTLIST = 250;

    private final CrossScriptModel model;
    private final String[] names;
    private final byte[][] letters;
    private final Map<Long, int[]> byKey;
    private final Map<Script, double[]> latinPrior = new ConcurrentHashMap<>();

    /** Indexes the distinct normalised forms (lower-case ASCII letters) of {@code latinTokens}. */
    public LatinNameIndex(CrossScriptModel model, Collection<String> latinTokens) {
        this.model = model;
        Map<String, Integer> ids = new LinkedHashMap<>();
        for (String t : latinTokens) {
            String norm = TranslitText.latin(t);
            if (!norm.isEmpty()) {
                ids.putIfAbsent(norm, ids.size());
            }
        }
        names = ids.keySet().toArray(new String[0]);
        letters = new byte[names.length][];
        Map<Long, List<Integer>> keys = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            letters[i] = ScriptModel.encodeLatin(names[i]);
            keys.computeIfAbsent(SoundKey.of(letters[i]), k -> new ArrayList<>())
                    .add(i);
        }
        byKey = new HashMap<>();
        keys.forEach(
                (k, v) -> byKey.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
    }

    /** How many distinct normalised tokens are indexed. */
    public int size() {
        return names.length;
    }

    private double[] prior(ScriptModel m) {
        return latinPrior.computeIfAbsent(m.script, s -> {
            double[] p = new double[letters.length];
            for (int i = 0; i < p.length; i++) {
                p[i] = m.lm.logProb(letters[i]);
            }
            return p;
        });
    }

    /** The indexed ids worth scoring for a native token, likeliest sound keys first. */
    int[] shortlist(ScriptModel m, ScriptModel.Native n) {
        List<ScriptModel.Key> keys = m.generateKeys(n, KEY_BEAM, KEY_COUNT);
        int[] out = new int[SHORTLIST];
        int size = 0;
        for (ScriptModel.Key k : keys) {
            int[] ids = byKey.get(k.key());
            if (ids == null) {
                continue;
            }
            for (int id : ids) {
                if (size == SHORTLIST) {
                    return out;
                }
                out[size++] = id;
            }
        }
        return java.util.Arrays.copyOf(out, size);
    }

    /**
     * The {@code k} indexed tokens that most likely spell {@code nativeToken}, best first, with the calibrated match
     * probability of {@link CrossScriptModel#score}.
     */
    public List<CrossScriptModel.Candidate> rank(String nativeToken, String script, int k) {
        ScriptModel m = model.model(script);
        ScriptModel.Native n = m.encodeNative(nativeToken);
        if (n.length() == 0) {
            return List.of();
        }
        double[] prior = prior(m);
        int[] ids = shortlist(m, n);
        double[] scores = new double[ids.length];
        Integer[] order = new Integer[ids.length];
        ScriptModel.Scorer scorer = m.scorer(n);
        for (int x = 0; x < ids.length; x++) {
            double j = scorer.logJoint(letters[ids[x]]);
            scores[x] = j - m.lmWeight * prior[ids[x]];
            order[x] = x;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        List<CrossScriptModel.Candidate> out = new ArrayList<>(k);
        for (int x = 0; x < order.length && out.size() < k; x++) {
            int i = order[x];
            if (scores[i] == Double.NEGATIVE_INFINITY) {
                break;
            }
            out.add(new CrossScriptModel.Candidate(names[ids[i]], m.calibrate(scores[i], n.length())));
        }
        return out;
    }
}
