package org.concordia.matching.translit;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;

/**
 * Cross-script name matching: which Latin spellings a name part written in Arabic, Cyrillic, Chinese (Han), Hebrew,
 * Korean (Hangul) or Japanese Katakana corresponds to. A learned model of character and segment correspondences
 * (many-to-many EM alignment, Jiampojamarn, Kondrak &amp; Sherif 2007; joint-sequence model, Bisani &amp; Ney 2008),
 * trained by {@link CrossScriptTrainer} on Wikidata name pairs; no whole name is looked up.
 *
 * <p>Immutable and thread-safe.
 */
public final class CrossScriptModel {
    /** The class-path resource (beside this class) holding the bundled model. */
    public static final String RESOURCE = "cross-script-model.bin.gz";

    private static final int MAGIC = 0x43534D31; // "CSM1"
    private static final int GENERATE_BEAM = 64;

    private final Map<Script, ScriptModel> models;

    private CrossScriptModel(Map<Script, ScriptModel> models) {
        this.models = Collections.unmodifiableMap(new EnumMap<>(models));
    }

    private static final class Bundled {
        static final CrossScriptModel INSTANCE = loadBundled();

        private static CrossScriptModel loadBundled() {
            try (InputStream in = CrossScriptModel.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("Missing resource " + RESOURCE + "; run CrossScriptTrainer");
                }
                return load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The model shipped with Concordia, loaded once. */
    public static CrossScriptModel bundled() {
        return Bundled.INSTANCE;
    }

    /** Reads a model written by {@link CrossScriptTrainer} (gzip-compressed). */
    public static CrossScriptModel load(InputStream gzipped) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(gzipped, 1 << 16)));
        if (in.readInt() != MAGIC) {
            throw new IOException("Not a cross-script model");
        }
        int count = in.readInt();
        Map<Script, ScriptModel> models = new EnumMap<>(Script.class);
        for (int i = 0; i < count; i++) {
            ScriptModel m = ScriptModel.read(in);
            models.put(m.script, m);
        }
        return new CrossScriptModel(models);
    }

    static void write(Map<Script, ScriptModel> models, DataOutputStream out) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(models.size());
        for (ScriptModel m : models.values()) {
            m.write(out);
        }
    }

    /** The ISO 15924 codes of the scripts this model covers. */
    public Set<String> scripts() {
        Set<String> codes = new TreeSet<>();
        models.keySet().forEach(s -> codes.add(s.code));
        return codes;
    }

    /** True when the model covers {@code script} (ISO 15924 code or alias such as {@code Hans}, {@code Jpan}). */
    public boolean covers(String script) {
        try {
            return models.containsKey(Script.of(script));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    ScriptModel model(String script) {
        ScriptModel m = models.get(Script.of(script));
        if (m == null) {
            throw new IllegalArgumentException("No model for script " + script);
        }
        return m;
    }

    /**
     * The {@code k} most likely Latin spellings (lower-case ASCII) of a native-script name part, best first, each with
     * its share of the probability of the spellings found (so the scores of one call sum to at most 1). Spellings are
     * proposed by beam search over the left-to-right model and ordered by both directions' joint probability.
     *
     * @param script ISO 15924 code: {@code Arab}, {@code Cyrl}, {@code Hani}, {@code Hebr}, {@code Hang}, {@code Kana}
     */
    public List<Candidate> latinCandidates(String nativeToken, String script, int k) {
        ScriptModel m = model(script);
        ScriptModel.Native n = m.encodeNative(nativeToken);
        List<ScriptModel.Spelling> spellings = m.generate(n, Math.max(GENERATE_BEAM, 2 * k), Math.max(2 * k, 32));
        if (spellings.isEmpty()) {
            return List.of();
        }
        // The left-to-right beam proposes, both directions together decide.
        ScriptModel.Native reversed = n.reversed();
        double[] score = new double[spellings.size()];
        Integer[] order = new Integer[spellings.size()];
        double best = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < score.length; i++) {
            score[i] = m.logJoint(n, reversed, spellings.get(i).latin());
            best = Math.max(best, score[i]);
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(score[b], score[a]));
        double z = 0;
        for (double s : score) {
            z += Math.exp(s - best);
        }
        List<Candidate> out = new ArrayList<>(Math.min(k, score.length));
        for (int i = 0; i < order.length && out.size() < k; i++) {
            int x = order[i];
            if (score[x] > Double.NEGATIVE_INFINITY) {
                out.add(new Candidate(
                        ScriptModel.decodeLatin(spellings.get(x).latin()), Math.exp(score[x] - best) / z));
            }
        }
        return out;
    }

    /**
     * How likely {@code latinToken} spells {@code nativeToken}, in [0, 1]: a logistic calibration of the channel
     * log-likelihood ratio {@code log P(native, latin) - w log P(latin)} per native character, so that scores are
     * comparable across the Latin candidates of one native token (and roughly across native tokens).
     */
    public double score(String nativeToken, String latinToken, String script) {
        ScriptModel m = model(script);
        ScriptModel.Native n = m.encodeNative(nativeToken);
        byte[] l = ScriptModel.encodeLatin(TranslitText.latin(latinToken));
        return m.probability(n, l);
    }

    /** A Latin spelling and its score. */
    public record Candidate(String latin, double score) {}
}
