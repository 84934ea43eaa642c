package org.concordia.matching.translit;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;

/**
 * Trains the bundled cross-script model from the training slices {@code wd_<script>_64.tsv} of the Wikidata
 * transliteration pairs (see {@code shared/datasets/wikidata_name_transliteration/SOURCE.md}); the data set itself is
 * never copied into the repository, only the model of segment correspondences learned from it.
 *
 * <p>Method, per script:
 *
 * <ol>
 *   <li>Many-to-many alignment by EM (Jiampojamarn, Kondrak &amp; Sherif 2007): native segments of 1-2 characters
 *       against Latin substrings of 0 to {@link Script#maxLatin} letters, unigram graphone probabilities estimated by
 *       forward-backward from uniform path weights; graphones with negligible expected count are pruned.
 *   <li>Viterbi alignment of every pair, then a joint-sequence model (Bisani &amp; Ney 2008) whose graphones are
 *       conditioned on the previous native character and the previous Latin letter, Witten-Bell interpolated, and
 *       re-estimated by realigning with it (Viterbi training).
 *   <li>The {@value #NOISE_FRACTION_PERCENT} % of pairs the model explains worst per letter (mismatched name parts)
 *       are dropped and steps 1-2 repeated.
 *   <li>The same again with both sides read right to left (the contexts that follow).
 *   <li>A Latin character trigram prior of the training Latin tokens for the channel score, and a logistic calibration
 *       of that score on training pairs against look-alike pairs.
 * </ol>
 *
 * <p>Pairs are weighted {@code 1 + ln(count)}. Re-run (about 3 minutes on 2 cores, 6 GB heap) from the project root:
 *
 * <pre>
 * ./mvnw -q -o -pl core -Dspotless.check.skip=true compile
 * java -Xmx6g -cp core/target/classes:$HOME/.m2/repository/com/ibm/icu/icu4j/79.1/icu4j-79.1.jar \
 *     org.concordia.matching.translit.CrossScriptTrainer ../shared/datasets/wikidata_name_transliteration \
 *     core/src/main/resources/org/concordia/matching/translit/cross-script-model.bin.gz train.log
 * </pre>
 */
public final class CrossScriptTrainer {
    static final int EM_ITERATIONS = 6;
    static final int REALIGN_ITERATIONS = 2;
    /** Pairs are weighted {@code 1 + WEIGHT_LOG * ln(count)}. */
    static final double WEIGHT_LOG = 1;

    static final int NOISE_FRACTION_PERCENT = 5;
    static final double NOISE_FRACTION = NOISE_FRACTION_PERCENT / 100.0;
    /** Spellings are generated only from graphones that this many training alignments use. */
    static final int MIN_SUPPORT = 3;

    static final int LM_ORDER = 3;

    private CrossScriptTrainer() {}

    /** One normalised training pair. */
    record Pair(String latin, String nativeToken, int count) {}

    /**
     * {@code CrossScriptTrainer <datasets dir> <output .bin.gz> [log file]}. The console belongs to the command-line
     * tool, so progress (per script: graphones, seconds) goes to the log file when one is named.
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: CrossScriptTrainer <datasets dir> <output .bin.gz> [log file]");
        }
        if (args.length > 2) {
            try (PrintWriter log = new PrintWriter(Files.newBufferedWriter(Path.of(args[2])), true)) {
                train(Path.of(args[0]), Path.of(args[1]), log);
            }
        } else {
            train(Path.of(args[0]), Path.of(args[1]));
        }
    }

    /** Trains every script whose training slice is present in {@code datasetsDir} and writes the model resource. */
    public static void train(Path datasetsDir, Path outputResource) throws IOException {
        train(datasetsDir, outputResource, new PrintWriter(Writer.nullWriter()));
    }

    /** As {@link #train(Path, Path)}, telling {@code log} the graphones and seconds of each script. */
    public static void train(Path datasetsDir, Path outputResource, PrintWriter log) throws IOException {
        Map<Script, ScriptModel> models = new LinkedHashMap<>();
        for (Script s : Script.values()) {
            Path file = datasetsDir.resolve("wd_" + s.dataset + "_64.tsv");
            if (!Files.exists(file)) {
                continue;
            }
            long t0 = System.nanoTime();
            ScriptModel m = trainScript(load(file, s), s);
            models.put(s, m);
            log.printf("%s: %d graphones, %.1f s%n", s.code, m.graphoneCount(), (System.nanoTime() - t0) / 1e9);
            log.flush();
        }
        Files.createDirectories(outputResource.toAbsolutePath().getParent());
        try (OutputStream raw = Files.newOutputStream(outputResource);
                DataOutputStream out =
                        new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(raw, 1 << 16)))) {
            CrossScriptModel.write(models, out);
        }
    }

    /** The pairs of a data-set file, normalised; pairs that normalise alike are merged, their counts summed. */
    static List<Pair> load(Path file, Script script) {
        Map<String, Integer> merged = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t");
                if (f.length < 2) {
                    continue;
                }
                String latin = TranslitText.latin(f[0]);
                String nat = f[1].replace(" ", "");
                if (latin.isEmpty() || TranslitText.nativeForm(nat, script).isEmpty()) {
                    continue;
                }
                int count = f.length > 2 ? Integer.parseInt(f[2].trim()) : 1;
                merged.merge(latin + "\t" + nat, count, Integer::sum);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Pair> out = new ArrayList<>(merged.size());
        merged.forEach((k, c) -> {
            int tab = k.indexOf('\t');
            out.add(new Pair(k.substring(0, tab), k.substring(tab + 1), c));
        });
        return out;
    }

    /** Weight of the Latin prior in the channel score: 1 ranks by P(native | latin), as Bayes wants for a closed set. */
    static final double LM_WEIGHT = 1.0;

    /** Trains the left-to-right model of a script and, beside it, the right-to-left one, and calibrates the score. */
    static ScriptModel trainScript(List<Pair> pairs, Script script) {
        ScriptModel m = trainScript(pairs, script, false)
                .withBackward(trainScript(pairs, script, true))
                .withScoring(LM_WEIGHT, 1, 0);
        return calibrated(m, pairs);
    }

    /**
     * Fits {@code P(match) = sigmoid(a * channel / nativeLength + b)} by logistic regression on training pairs against
     * the same native tokens paired with other training Latin tokens of similar sound (same first key class) or any.
     */
    static ScriptModel calibrated(ScriptModel m, List<Pair> pairs) {
        java.util.Random random = new java.util.Random(42);
        Map<Long, List<String>> byKey = new java.util.HashMap<>();
        for (Pair p : pairs) {
            byKey.computeIfAbsent(SoundKey.of(ScriptModel.encodeLatin(p.latin())), k -> new ArrayList<>())
                    .add(p.latin());
        }
        int samples = Math.min(3000, pairs.size());
        List<double[]> xy = new ArrayList<>();
        for (int s = 0; s < samples; s++) {
            Pair p = pairs.get(random.nextInt(pairs.size()));
            ScriptModel.Native n = m.encodeNative(p.nativeToken());
            if (n.length() == 0) {
                continue;
            }
            addExample(xy, m, n, p.latin(), 1);
            List<String> alike = byKey.get(SoundKey.of(ScriptModel.encodeLatin(p.latin())));
            for (int neg = 0; neg < 4; neg++) {
                String other = neg < 2
                        ? alike.get(random.nextInt(alike.size()))
                        : pairs.get(random.nextInt(pairs.size())).latin();
                if (!other.equals(p.latin())) {
                    addExample(xy, m, n, other, 0);
                }
            }
        }
        double a = 1;
        double b = 0;
        for (int it = 0; it < 50; it++) { // Newton's method on the log-likelihood
            double ga = -0.1 * a; // a weak Gaussian prior keeps separable data from diverging
            double gb = -0.01 * b;
            double haa = 0.1;
            double hab = 0;
            double hbb = 0.01;
            for (double[] e : xy) {
                double p = 1 / (1 + Math.exp(-(a * e[0] + b)));
                double w = p * (1 - p);
                ga += (e[1] - p) * e[0];
                gb += e[1] - p;
                haa += w * e[0] * e[0];
                hab += w * e[0];
                hbb += w;
            }
            double det = haa * hbb - hab * hab;
            a += (hbb * ga - hab * gb) / det;
            b += (haa * gb - hab * ga) / det;
        }
        return m.withScoring(m.lmWeight, a, b);
    }

    private static void addExample(List<double[]> xy, ScriptModel m, ScriptModel.Native n, String latin, int label) {
        double c = m.channel(n, ScriptModel.encodeLatin(latin));
        if (c > Double.NEGATIVE_INFINITY) {
            xy.add(new double[] {Math.max(c / n.length(), -30), label});
        }
    }

    /** Trains one model; {@code reverse} reads both sides right to left, so that contexts are the following ones. */
    static ScriptModel trainScript(List<Pair> pairs, Script script, boolean reverse) {
        TreeSet<Integer> cps = new TreeSet<>();
        TreeSet<Integer> sources = new TreeSet<>();
        boolean attributed = Arrays.stream(levelSpecs(script)).anyMatch(x -> (x & ScriptModel.ATTR) != 0);
        for (Pair p : pairs) {
            TranslitText.nativeForm(p.nativeToken(), script).codePoints().forEach(cps::add);
            if (attributed) {
                Arrays.stream(TranslitText.sources(p.nativeToken(), script)).forEach(sources::add);
            }
        }
        int[] vocab = cps.stream().mapToInt(Integer::intValue).toArray();
        int[] attrVocab = sources.stream().mapToInt(Integer::intValue).toArray();
        ScriptModel encoder = new ScriptModel(
                script,
                script.maxLatin,
                vocab,
                attrVocab,
                new int[1],
                new int[1],
                new double[1],
                new int[0],
                new LongDoubleMap[0],
                new LongDoubleMap[0],
                null,
                0,
                1,
                0);
        List<ScriptModel.Native> natives = new ArrayList<>();
        List<int[]> ids = new ArrayList<>();
        List<byte[]> latins = new ArrayList<>();
        double[] weights = new double[pairs.size()];
        for (int k = 0; k < pairs.size(); k++) {
            Pair p = pairs.get(k);
            ScriptModel.Native n = encoder.encodeNative(p.nativeToken());
            byte[] l = ScriptModel.encodeLatin(p.latin());
            if (reverse) {
                n = n.reversed();
                l = ScriptModel.reversed(l);
            }
            natives.add(n);
            ids.add(n.ids());
            latins.add(l);
            weights[k] = 1 + WEIGHT_LOG * Math.log(p.count());
        }
        Em em = new Em(script.maxLatin);
        em.run(ids, latins, weights, EM_ITERATIONS);
        CharLm lm = CharLm.train(new ArrayList<>(distinct(latins)), LM_ORDER);
        ScriptModel model = em.unigramModel(script, vocab, attrVocab, lm);
        for (int it = 0; it < REALIGN_ITERATIONS; it++) {
            model = contextModel(model, em, natives, latins, weights, script, vocab, attrVocab, lm);
        }
        if (NOISE_FRACTION > 0) {
            // Wikidata pairs include mismatched name parts (a given name against a surname, a title against a
            // name): drop the pairs the model explains worst, per letter, and re-estimate without them.
            double[] fit = new double[natives.size()];
            for (int k = 0; k < fit.length; k++) {
                double j = model.joint(natives.get(k), latins.get(k));
                fit[k] = j > 0
                        ? (Math.log(j) - lm.logProb(latins.get(k)))
                                / (natives.get(k).length() + latins.get(k).length)
                        : Double.NEGATIVE_INFINITY;
            }
            double[] sorted = fit.clone();
            Arrays.sort(sorted);
            double cut = sorted[(int) (NOISE_FRACTION * sorted.length)];
            for (int k = 0; k < fit.length; k++) {
                if (fit[k] < cut) {
                    weights[k] = 0;
                }
            }
            em = new Em(script.maxLatin);
            em.run(ids, latins, weights, EM_ITERATIONS);
            model = em.unigramModel(script, vocab, attrVocab, lm);
            for (int it = 0; it < REALIGN_ITERATIONS; it++) {
                model = contextModel(model, em, natives, latins, weights, script, vocab, attrVocab, lm);
            }
        }
        return model;
    }

    private static List<byte[]> distinct(List<byte[]> latins) {
        Map<String, byte[]> d = new LinkedHashMap<>();
        for (byte[] l : latins) {
            d.putIfAbsent(new String(l, StandardCharsets.ISO_8859_1), l);
        }
        return new ArrayList<>(d.values());
    }

    /** The context levels, most specific first, as sets of {@link ScriptModel} context features. */
    static int[] levelSpecs(Script script) {
        return Arrays.stream(script.levels.split(","))
                .mapToInt(Integer::parseInt)
                .toArray();
    }

    /** Viterbi-aligns every pair with {@code model} and estimates the context model from those alignments. */
    private static ScriptModel contextModel(
            ScriptModel model,
            Em em,
            List<ScriptModel.Native> natives,
            List<byte[]> latins,
            double[] weights,
            Script script,
            int[] vocab,
            int[] attrVocab,
            CharLm lm) {
        int[] specs = levelSpecs(script);
        int size = em.size();
        double[] c0 = new double[size];
        LongDoubleMap[] counts = new LongDoubleMap[specs.length];
        for (int k = 0; k < specs.length; k++) {
            counts[k] = new LongDoubleMap(1 << 16);
        }
        for (int x = 0; x < natives.size(); x++) {
            ScriptModel.Native nat = natives.get(x);
            int[] n = nat.ids();
            byte[] l = latins.get(x);
            int[] path = model.viterbi(nat, l);
            if (path == null) {
                continue;
            }
            double w = weights[x];
            if (w == 0) {
                continue;
            }
            int i = 0;
            int j = 0;
            for (int g : path) {
                int la = g == ScriptModel.END ? 0 : em.nativeLength(g);
                int prev = i > 0 ? n[i - 1] : 0;
                int next = i + la < n.length ? n[i + la] : 0;
                int l1 = j > 0 ? l[j - 1] : 0;
                int l2 = j > 1 ? l[j - 2] : 0;
                int attr = g == ScriptModel.END ? 0 : nat.attrs()[i];
                c0[g] += w;
                for (int k = 0; k < specs.length; k++) {
                    long ctx = ScriptModel.context(specs[k], prev, next, attr, l1, l2);
                    counts[k].add(ScriptModel.entryKey(g, ctx), w);
                }
                i += la;
                if (g != ScriptModel.END) {
                    j += em.latinLength(g);
                }
            }
        }
        double total = Arrays.stream(c0).sum();
        boolean[] general = new boolean[size];
        for (int g = 0; g < size; g++) {
            general[g] = c0[g] >= MIN_SUPPORT;
        }
        double[] p0 = new double[size];
        for (int g = 0; g < size; g++) {
            p0[g] = 0.95 * c0[g] / total + 0.05 * em.prob(g);
        }
        LongDoubleMap[] probs = new LongDoubleMap[specs.length];
        LongDoubleMap[] bows = new LongDoubleMap[specs.length];
        for (int k = 0; k < specs.length; k++) {
            probs[k] = new LongDoubleMap(counts[k].size());
            bows[k] = new LongDoubleMap();
        }
        ScriptModel built = new ScriptModel(
                script,
                script.maxLatin,
                vocab,
                attrVocab,
                em.natives(),
                em.latins(),
                p0,
                specs,
                probs,
                bows,
                lm,
                0.5,
                1,
                0);
        long ctxMask = (1L << 48) - 1;
        for (int k = specs.length - 1; k >= 0; k--) {
            int level = k;
            LongDoubleMap n = totals(counts[k]);
            LongDoubleMap t = types(counts[k]);
            counts[k].forEach((key, c) -> {
                long ctx = key & ctxMask;
                double types = t.get(ctx, 0);
                double low = built.probFrom(
                        level + 1,
                        (int) (key >>> 48),
                        (int) (ctx >>> 36) & 0xFFF,
                        (int) (ctx >>> 24) & 0xFFF,
                        (int) (ctx >>> 10) & 0x3FFF,
                        (int) (ctx >>> 5) & 31,
                        (int) ctx & 31);
                probs[level].put(key, (c + types * low) / (n.get(ctx, 0) + types));
            });
            n.forEach((ctx, total2) -> {
                double types = t.get(ctx, 0);
                bows[level].put(ctx, types / (total2 + types));
            });
        }
        return built.withGeneral(general);
    }

    private static LongDoubleMap totals(LongDoubleMap counts) {
        LongDoubleMap n = new LongDoubleMap(1 << 12);
        counts.forEach((key, c) -> n.add(key & ((1L << 48) - 1), c));
        return n;
    }

    /** Witten-Bell types: how many distinct graphones follow each context. */
    private static LongDoubleMap types(LongDoubleMap counts) {
        LongDoubleMap t = new LongDoubleMap(1 << 12);
        counts.forEach((key, c) -> t.add(key & ((1L << 48) - 1), 1));
        return t;
    }

    /** Unigram many-to-many EM aligner with a growing graphone inventory. */
    static final class Em {
        private final int maxLatin;
        private final LongIntMap index = new LongIntMap(1 << 16);
        private int[] nat = new int[1 << 12];
        private int[] lat = new int[1 << 12];
        private int size = 1; // 0 = END
        private double[] p = new double[0];

        Em(int maxLatin) {
            this.maxLatin = maxLatin;
        }

        int size() {
            return size;
        }

        int[] natives() {
            return Arrays.copyOf(nat, size);
        }

        int[] latins() {
            return Arrays.copyOf(lat, size);
        }

        double prob(int g) {
            return g < p.length ? p[g] : 0;
        }

        int nativeLength(int g) {
            return nat[g] >= 65536 ? 2 : 1;
        }

        int latinLength(int g) {
            int len = 0;
            for (int k = lat[g]; k > 0; k /= 27) {
                len++;
            }
            return len;
        }

        private int id(int nk, int lk, boolean create) {
            long key = ScriptModel.graphoneKey(nk, lk);
            int g = index.get(key, -1);
            if (g < 0 && create) {
                if (size == nat.length) {
                    nat = Arrays.copyOf(nat, size * 2);
                    lat = Arrays.copyOf(lat, size * 2);
                }
                g = size++;
                nat[g] = nk;
                lat[g] = lk;
                index.put(key, g);
            }
            return g;
        }

        /**
         * The edges of the alignment lattice of a pair, in order of their target cell: from-cell, to-cell, graphone.
         */
        private int edges(int[] n, byte[] l, boolean create, int[][] buf) {
            int m = l.length;
            int w = m + 1;
            int count = 0;
            for (int i = 1; i <= n.length; i++) {
                for (int j = 0; j <= m; j++) {
                    for (int la = 1; la <= ScriptModel.MAX_NATIVE && la <= i; la++) {
                        int nk = ScriptModel.nativeKey(n, i - la, i);
                        int lk = 0;
                        int pow = 1;
                        for (int lb = 0; lb <= maxLatin && lb <= j; lb++) {
                            if (lb > 0) {
                                lk += l[j - lb] * pow;
                                pow *= 27;
                            } else if (la > 1) {
                                continue; // only single characters may be silent
                            }
                            int from = (i - la) * w + j - lb;
                            if (i - la == 0 && j - lb > 0) {
                                continue; // unreachable: no Latin without native
                            }
                            int g = id(nk, lk, create);
                            if (g < 0) {
                                continue;
                            }
                            if (count == buf[0].length) {
                                for (int b = 0; b < 3; b++) {
                                    buf[b] = Arrays.copyOf(buf[b], count * 2);
                                }
                            }
                            buf[0][count] = from;
                            buf[1][count] = i * w + j;
                            buf[2][count] = g;
                            count++;
                        }
                    }
                }
            }
            return count;
        }

        void run(List<int[]> natives, List<byte[]> latins, double[] weights, int iterations) {
            int[][] buf = {new int[4096], new int[4096], new int[4096]};
            double[] counts = new double[0];
            for (int it = 0; it <= iterations; it++) {
                boolean first = it == 0;
                counts = new double[first ? 1 << 16 : size];
                for (int k = 0; k < natives.size(); k++) {
                    int[] n = natives.get(k);
                    byte[] l = latins.get(k);
                    if (n.length == 0 || l.length == 0) {
                        continue;
                    }
                    int e = edges(n, l, first, buf);
                    int cells = (n.length + 1) * (l.length + 1);
                    double[] a = new double[cells];
                    double[] b = new double[cells];
                    a[0] = 1;
                    for (int x = 0; x < e; x++) {
                        a[buf[1][x]] += a[buf[0][x]] * (first ? 1 : p[buf[2][x]]);
                    }
                    b[cells - 1] = 1;
                    for (int x = e - 1; x >= 0; x--) {
                        b[buf[0][x]] += (first ? 1 : p[buf[2][x]]) * b[buf[1][x]];
                    }
                    double z = a[cells - 1];
                    if (z <= 0 || Double.isInfinite(z)) {
                        continue;
                    }
                    if (counts.length < size) {
                        counts = Arrays.copyOf(counts, Math.max(size, counts.length * 2));
                    }
                    for (int x = 0; x < e; x++) {
                        double post = a[buf[0][x]] * (first ? 1 : p[buf[2][x]]) * b[buf[1][x]] / z;
                        counts[buf[2][x]] += weights[k] * post;
                    }
                }
                counts = Arrays.copyOf(counts, size);
                if (it == iterations - 1 || it == 2) {
                    prune(counts, 0.1);
                    counts = Arrays.copyOf(counts, size);
                }
                double total = Arrays.stream(counts).sum();
                p = new double[size];
                for (int g = 1; g < size; g++) {
                    p[g] = counts[g] / total;
                }
            }
        }

        /** Drops the graphones whose expected count is below {@code min} and renumbers the rest. */
        private void prune(double[] counts, double min) {
            int[] nn = new int[size];
            int[] ll = new int[size];
            double[] cc = new double[size];
            int kept = 1;
            for (int g = 1; g < size; g++) {
                if (counts[g] >= min) {
                    nn[kept] = nat[g];
                    ll[kept] = lat[g];
                    cc[kept] = counts[g];
                    kept++;
                }
            }
            index.clear();
            nat = Arrays.copyOf(nn, Math.max(kept, 16));
            lat = Arrays.copyOf(ll, Math.max(kept, 16));
            size = kept;
            for (int g = 1; g < size; g++) {
                index.put(ScriptModel.graphoneKey(nat[g], lat[g]), g);
            }
            System.arraycopy(cc, 0, counts, 0, kept);
            Arrays.fill(counts, kept, counts.length, 0);
        }

        /** A model made of the unigram probabilities only, to align with before any context is estimated. */
        ScriptModel unigramModel(Script script, int[] vocab, int[] attrVocab, CharLm lm) {
            double[] p0 = Arrays.copyOf(p, size);
            p0[ScriptModel.END] = 1e-3;
            return new ScriptModel(
                    script,
                    maxLatin,
                    vocab,
                    attrVocab,
                    natives(),
                    latins(),
                    p0,
                    new int[0],
                    new LongDoubleMap[0],
                    new LongDoubleMap[0],
                    lm,
                    0,
                    1,
                    0);
        }
    }
}
