package org.concordia.matching.compare;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.concordia.matching.Agreement;
import org.concordia.matching.BlockingKeys;
import org.concordia.model.PersonName;
import org.concordia.normalize.NameNormalizer;

/**
 * How often the name comparator takes a native-script name part and a Latin one for the same name part,
 * without and with the learned cross-script model at several thresholds, on the development slices
 * {@code wd_<script>_16.tsv} of the Wikidata transliteration pairs (see {@code SOURCE.md} of that data
 * set; the model was trained on the {@code _64} slices).
 *
 * <p>Per script, a seeded sample of rows gives three kinds of pairs of one-part names:
 *
 * <ul>
 *   <li>true: the row's native-script token and its Latin token;
 *   <li>random: the native token and a Latin token of a random other row (not one of its own
 *       spellings);
 *   <li>nearest: the native token and, of 200 such wrong Latin tokens, the one with the highest
 *       Jaro-Winkler similarity to its own spelling (a wrong name that looks like the right one);
 *   <li>alike: the native token and a wrong Latin token of the slice with the same consonant skeleton
 *       ({@link BlockingKeys#skeleton}) as its own spelling, where there is one: the hardest case, and
 *       not always wrong (the slice does not know that SCHLEGEL and SCHLEGL may be one name).
 * </ul>
 *
 * A pair is accepted when every token of both names is aligned by a strong pair (equal, variant,
 * phonetic, typo, skeleton or, with the model, learned transliteration): what makes a name part count
 * towards CLOSE. The true accept rate is the share of true pairs accepted; the false accept rates those
 * of random and nearest pairs.
 *
 * <p>From the project root, after {@code ./mvnw -q -o -pl core test-compile}:
 *
 * <pre>
 * java -cp core/target/classes:core/target/test-classes:$HOME/.m2/repository/com/ibm/icu/icu4j/79.1/icu4j-79.1.jar \
 *     org.concordia.matching.compare.LearnedTransliterationEvaluation \
 *     ../shared/datasets/wikidata_name_transliteration 1000
 * </pre>
 */
final class LearnedTransliterationEvaluation {
    /** The data set's script names and the ISO 15924 codes of the model. */
    static final Map<String, String> SCRIPTS = scripts();

    /** The thresholds measured; the one in use is marked with a star. */
    static final double[] THRESHOLDS = {0.5, 0.6, 0.7, 0.8, 0.9};

    private static final int NEAREST_OF = 200;

    private LearnedTransliterationEvaluation() {}

    private static Map<String, String> scripts() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Arab", "arabic");
        m.put("Cyrl", "russian");
        m.put("Hani", "chinese");
        m.put("Hebr", "hebrew");
        m.put("Hang", "korean");
        m.put("Kana", "katakana");
        return m;
    }

    /** The accept rates of one script; index 0 without the model, then one per {@link #THRESHOLDS}. */
    record Rates(
            String script,
            int pairs,
            double[] trueAccept,
            double[] randomAccept,
            double[] nearestAccept,
            int alikePairs,
            double[] alikeAccept) {}

    static boolean present(Path dir) {
        return dir != null && Files.exists(dir.resolve("wd_arabic_16.tsv"));
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int sample = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        PrintWriter out = new PrintWriter(System.out, true);
        if (!present(dir)) {
            out.println("Skipped: no Wikidata transliteration data set at " + dir);
            return;
        }
        long start = System.nanoTime();
        List<Rates> all = run(dir, sample);
        print(all, out);
        out.printf("%.1f s%n", (System.nanoTime() - start) / 1e9);
    }

    static List<Rates> run(Path dir, int sample) {
        LearnedTransliteration base = LearnedTransliteration.bundled();
        List<NameComparator> comparators = new ArrayList<>();
        comparators.add(NameComparator.withoutLearnedTransliteration());
        for (double t : THRESHOLDS) {
            comparators.add(new NameComparator(NameVariants.standard(), base.withThreshold(t)));
        }
        List<Rates> out = new ArrayList<>();
        for (Map.Entry<String, String> s : SCRIPTS.entrySet()) {
            out.add(measure(comparators, s.getKey(), dir.resolve("wd_" + s.getValue() + "_16.tsv"), sample));
        }
        return out;
    }

    private static Rates measure(List<NameComparator> comparators, String script, Path file, int sample) {
        List<String[]> rows = new ArrayList<>();
        Map<String, Set<String>> spellings = new HashMap<>();
        Map<String, List<String>> bySkeleton = new HashMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t");
                if (f.length < 2) {
                    continue;
                }
                String nat = f[1].replace(" ", "");
                String latin = f[0].strip();
                if (nat.isEmpty() || NameNormalizer.tokens(latin, "Latn").isEmpty()) {
                    continue;
                }
                rows.add(new String[] {nat, latin});
                spellings.computeIfAbsent(nat, k -> new HashSet<>()).add(key(latin));
                bySkeleton
                        .computeIfAbsent(BlockingKeys.skeleton(key(latin)), k -> new ArrayList<>())
                        .add(latin);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Random random = new Random(42);
        int n = comparators.size();
        int[] trueHits = new int[n];
        int[] randomHits = new int[n];
        int[] nearestHits = new int[n];
        int[] alikeHits = new int[n];
        int alikePairs = 0;
        for (int i = 0; i < sample; i++) {
            String[] row = rows.get(random.nextInt(rows.size()));
            Set<String> own = spellings.get(row[0]);
            String wrong = null;
            String nearest = null;
            double nearestSimilarity = -1;
            for (int k = 0; k < NEAREST_OF; k++) {
                String candidate = rows.get(random.nextInt(rows.size()))[1];
                if (own.contains(key(candidate))) {
                    continue;
                }
                wrong = wrong == null ? candidate : wrong;
                double sim = JaroWinkler.similarity(key(candidate), key(row[1]));
                if (sim > nearestSimilarity) {
                    nearestSimilarity = sim;
                    nearest = candidate;
                }
            }
            List<String> alikes = new ArrayList<>();
            for (String candidate : bySkeleton.get(BlockingKeys.skeleton(key(row[1])))) {
                if (!own.contains(key(candidate))) {
                    alikes.add(candidate);
                }
            }
            String alike = alikes.isEmpty() ? null : alikes.get(random.nextInt(alikes.size()));
            alikePairs += alike == null ? 0 : 1;
            PersonName nat = NameNormalizer.normalize(row[0], null, null, script);
            for (int c = 0; c < n; c++) {
                trueHits[c] += accepted(comparators.get(c), nat, row[1]) ? 1 : 0;
                randomHits[c] += accepted(comparators.get(c), nat, wrong) ? 1 : 0;
                nearestHits[c] += accepted(comparators.get(c), nat, nearest) ? 1 : 0;
                alikeHits[c] += alike != null && accepted(comparators.get(c), nat, alike) ? 1 : 0;
            }
        }
        return new Rates(
                script,
                sample,
                rate(trueHits, sample),
                rate(randomHits, sample),
                rate(nearestHits, sample),
                alikePairs,
                rate(alikeHits, Math.max(1, alikePairs)));
    }

    private static String key(String latin) {
        return String.join("", NameNormalizer.tokens(latin, "Latn"));
    }

    private static double[] rate(int[] hits, int of) {
        double[] r = new double[hits.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = hits[i] / (double) of;
        }
        return r;
    }

    /** Every token of both names aligned, and only by strong pairs. */
    static boolean accepted(NameComparator comparator, PersonName nativeName, String latin) {
        NameComparator.Names na = comparator.prepare(List.of(nativeName));
        NameComparator.Names nb = comparator.prepare(List.of(NameNormalizer.normalize(latin, null, null, "Latn")));
        if (na.isEmpty() || nb.isEmpty()) {
            return false;
        }
        PreparedName a = na.names[0];
        PreparedName b = nb.names[0];
        NameAlignment al = NameAlignment.align(a, b, comparator.learned());
        if (al.level == Agreement.EXACT) {
            return true;
        }
        int fullA = (1 << a.core.length) - 1;
        int fullB = (1 << b.core.length) - 1;
        return (al.usedA & fullA) == fullA
                && (al.usedB & fullB) == fullB
                && al.pairs.stream().allMatch(p -> p.kind().strong);
    }

    static void print(List<Rates> all, PrintWriter out) {
        StringBuilder head =
                new StringBuilder(String.format("%-5s %6s %-8s %8s", "code", "pairs", "accept", "no model"));
        for (double t : THRESHOLDS) {
            String star = t == LearnedTransliteration.THRESHOLD ? "*" : "";
            head.append(String.format(" %8s", String.format("t=%.2f%s", t, star)));
        }
        out.println(head);
        for (Rates r : all) {
            row(out, r, "true", r.trueAccept());
            row(out, r, "random", r.randomAccept());
            row(out, r, "nearest", r.nearestAccept());
            row(out, r.alikePairs(), r.script(), "alike", r.alikeAccept());
        }
    }

    private static void row(PrintWriter out, Rates r, String kind, double[] rates) {
        row(out, r.pairs(), r.script(), kind, rates);
    }

    private static void row(PrintWriter out, int pairs, String script, String kind, double[] rates) {
        StringBuilder sb = new StringBuilder(String.format("%-5s %6d %-8s", script, pairs, kind));
        for (double x : rates) {
            sb.append(String.format(" %8.3f", x));
        }
        out.println(sb);
    }
}
