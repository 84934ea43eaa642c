package org.concordia.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.concordia.model.Person;
import org.concordia.port.CandidateIndex;

/**
 * Finds the records of one collection that are the same person (deduplication): candidate pairs
 * from a {@link CandidateIndex}, comparison vectors from a {@link RecordComparator}, a {@link
 * FellegiSunter} model estimated on the data ({@link EmEstimator}), decisions by {@link
 * MatchThresholds} and identity groups by {@link Clusterer}. A link resting on a cross-script name
 * comparison alone (no equal document) is never proposed as {@link LinkState#SAME}.
 *
 * <p>Stateless between runs; a run uses the common fork-join pool.
 */
public final class Linker<P> {
    /**
     * Settings of a run.
     *
     * @param frequencyAdjustment whether exact agreements on common values weigh less and on rare
     *     values more ({@link FrequencyAdjustment}); off by default: on FEBRL 4 it lowered F1 (0.986
     *     to 0.974), on historical_50k it raised it (0.33 to 0.47 at the default thresholds)
     */
    public record Config(
            MatchThresholds thresholds,
            int candidatesPerRecord,
            int randomPairs,
            int emIterations,
            long seed,
            boolean frequencyAdjustment) {
        public static final Config DEFAULT = new Config(MatchThresholds.DEFAULT, 30, 50_000, 25, 1, false);

        public Config(
                MatchThresholds thresholds, int candidatesPerRecord, int randomPairs, int emIterations, long seed) {
            this(thresholds, candidatesPerRecord, randomPairs, emIterations, seed, false);
        }

        /** The settings a user chooses; the estimation's own (random pairs, iterations, seed) from {@link #DEFAULT}. */
        public static Config of(MatchThresholds thresholds, int candidatesPerRecord, boolean frequencyAdjustment) {
            return new Config(
                    thresholds,
                    candidatesPerRecord,
                    DEFAULT.randomPairs,
                    DEFAULT.emIterations,
                    DEFAULT.seed,
                    frequencyAdjustment);
        }
    }

    /** A proposed link between records {@code a} and {@code b} (positions in the input list). */
    public record Link(int a, int b, double probability, LinkState state, List<FieldComparison> evidence) {}

    /**
     * The outcome: links above the possible threshold, the model, a cluster number per record, and
     * the candidate pairs compared (each {@code a << 32 | b} with {@code a < b}, sorted), so that
     * the blocking recall can be measured.
     */
    public record Result(List<Link> links, FellegiSunter model, int[] clusters, long[] candidates) {
        public long candidatePairs() {
            return candidates.length;
        }
    }

    private final RecordComparator<P> comparator;
    private final Config config;

    public Linker(RecordComparator<P> comparator, Config config) {
        this.comparator = comparator;
        this.config = config;
    }

    public Result link(List<Person> persons, CandidateIndex index) {
        return link(persons, index, null);
    }

    /**
     * Links with a model given in advance (for example one estimated on labelled data, to measure
     * what the comparison vectors allow); {@code null} estimates it from the data.
     */
    public Result link(List<Person> persons, CandidateIndex index, FellegiSunter given) {
        int n = persons.size();
        List<P> prepared = IntStream.range(0, n)
                .parallel()
                .mapToObj(i -> comparator.prepare(persons.get(i)))
                .toList();
        for (int i = 0; i < n; i++) {
            index.add(i, persons.get(i));
        }
        index.refresh();
        ConcurrentHashMap.KeySetView<Long, Boolean> pairSet = ConcurrentHashMap.newKeySet();
        IntStream.range(0, n).parallel().forEach(i -> {
            for (CandidateIndex.Candidate c : index.candidates(persons.get(i), config.candidatesPerRecord() + 1)) {
                int j = c.ordinal();
                if (j != i) {
                    pairSet.add(pairKey(i, j));
                }
            }
        });
        long[] pairs = pairSet.stream().mapToLong(Long::longValue).sorted().toArray();
        List<List<FieldComparison>> vectors = IntStream.range(0, pairs.length)
                .parallel()
                .mapToObj(k -> comparator.compare(prepared.get(first(pairs[k])), prepared.get(second(pairs[k]))))
                .toList();
        List<int[]> random = randomVectors(prepared);
        FellegiSunter model = given != null
                ? given
                : EmEstimator.estimate(
                        comparator.fields(),
                        vectors.stream().map(FellegiSunter::levels).toList(),
                        random,
                        config.emIterations());
        FrequencyAdjustment<P> tf = config.frequencyAdjustment()
                ? FrequencyAdjustment.of(comparator, prepared, random)
                : FrequencyAdjustment.none(comparator);
        List<Link> links = new ArrayList<>();
        List<Clusterer.Edge> edges = new ArrayList<>();
        MatchThresholds t = config.thresholds();
        double[] probability = new double[pairs.length];
        for (int k = 0; k < pairs.length; k++) {
            List<FieldComparison> v = vectors.get(k);
            double p = tf.probability(model, v, prepared.get(first(pairs[k])), prepared.get(second(pairs[k])));
            probability[k] = p;
            if (p < t.possible()) {
                continue;
            }
            LinkState state =
                    p >= t.same() && !restsOnCrossScriptNameAlone(v, model, t) ? LinkState.SAME : LinkState.POSSIBLE;
            links.add(new Link(first(pairs[k]), second(pairs[k]), p, state, v));
            if (state == LinkState.SAME) {
                edges.add(new Clusterer.Edge(first(pairs[k]), second(pairs[k]), p));
            }
        }
        // pair scores for clustering: the candidates' from above, any other pair compared once
        java.util.Map<Long, Integer> others = new java.util.HashMap<>();
        Clusterer.PairScore score = (a, b) -> {
            long key = pairKey(a, b);
            int k = java.util.Arrays.binarySearch(pairs, key);
            if (k >= 0) {
                return (int) Math.round(1e6 * probability[k]);
            }
            return others.computeIfAbsent(key, x -> (int) Math.round(1e6
                    * tf.probability(
                            model,
                            comparator.compare(prepared.get(a), prepared.get(b)),
                            prepared.get(a),
                            prepared.get(b))));
        };
        int[] clusters = Clusterer.cluster(n, edges, score, t.same());
        return new Result(links, model, clusters, pairs);
    }

    /**
     * True when the match rests on a name compared across writing systems: the name agrees only
     * across scripts, and without the name the other fields (with the prior) would not make the pair
     * even a possible match. A transliteration can make two different people look alike, so a person
     * verifies such links; a cross-script name beside an equal birth date, document or other strong
     * evidence does not rest on the name alone.
     */
    public static boolean restsOnCrossScriptNameAlone(
            List<FieldComparison> v, FellegiSunter model, MatchThresholds thresholds) {
        int[] levels = FellegiSunter.levels(v);
        boolean crossScriptName = false;
        for (int f = 0; f < v.size(); f++) {
            FieldComparison c = v.get(f);
            if (c.field().equals("name") && c.crossScript() && c.agreement().compareTo(Agreement.WEAK) >= 0) {
                crossScriptName = true;
                levels[f] = Agreement.MISSING.ordinal();
            }
        }
        return crossScriptName && model.probability(levels) < thresholds.possible();
    }

    private List<int[]> randomVectors(List<P> prepared) {
        int n = prepared.size();
        if (n < 2) {
            return List.of();
        }
        SplittableRandom rng = new SplittableRandom(config.seed());
        int count = (int) Math.min(config.randomPairs(), (long) n * (n - 1) / 2);
        long[] picks = new long[count];
        for (int k = 0; k < count; k++) {
            int a = rng.nextInt(n);
            int b = rng.nextInt(n - 1);
            if (b >= a) {
                b++;
            }
            picks[k] = pairKey(a, b);
        }
        return java.util.Arrays.stream(picks)
                .parallel()
                .mapToObj(pk ->
                        FellegiSunter.levels(comparator.compare(prepared.get(first(pk)), prepared.get(second(pk)))))
                .toList();
    }

    static long pairKey(int i, int j) {
        int a = Math.min(i, j);
        int b = Math.max(i, j);
        return ((long) a << 32) | b;
    }

    static int first(long key) {
        return (int) (key >>> 32);
    }

    static int second(long key) {
        return (int) key;
    }
}
