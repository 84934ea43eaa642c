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
    /** Settings of a run. */
    public record Config(
            MatchThresholds thresholds, int candidatesPerRecord, int randomPairs, int emIterations, long seed) {
        public static final Config DEFAULT = new Config(MatchThresholds.DEFAULT, 30, 200_000, 25, 1);
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
        FellegiSunter model = EmEstimator.estimate(
                comparator.fields(),
                vectors.stream().map(FellegiSunter::levels).toList(),
                randomVectors(prepared),
                config.emIterations());
        List<Link> links = new ArrayList<>();
        List<Clusterer.Edge> edges = new ArrayList<>();
        MatchThresholds t = config.thresholds();
        for (int k = 0; k < pairs.length; k++) {
            List<FieldComparison> v = vectors.get(k);
            double p = model.probability(FellegiSunter.levels(v));
            if (p < t.possible()) {
                continue;
            }
            LinkState state = p >= t.same() && !restsOnCrossScriptNameAlone(v) ? LinkState.SAME : LinkState.POSSIBLE;
            links.add(new Link(first(pairs[k]), second(pairs[k]), p, state, v));
            if (state == LinkState.SAME) {
                edges.add(new Clusterer.Edge(first(pairs[k]), second(pairs[k]), p));
            }
        }
        int[] clusters = Clusterer.cluster(
                n,
                edges,
                (a, b) -> (int) Math.round(1e6
                        * model.probability(
                                FellegiSunter.levels(comparator.compare(prepared.get(a), prepared.get(b))))),
                t.same());
        return new Result(links, model, clusters, pairs);
    }

    /**
     * True when the name agrees only across writing systems and no document number is equal: a
     * transliteration can make two different people look alike, so a person verifies such links.
     */
    public static boolean restsOnCrossScriptNameAlone(List<FieldComparison> v) {
        boolean crossScriptName = false;
        boolean document = false;
        for (FieldComparison c : v) {
            if (c.field().equals("name") && c.crossScript() && c.agreement().compareTo(Agreement.WEAK) >= 0) {
                crossScriptName = true;
            }
            if (c.field().equals("document") && c.agreement() == Agreement.EXACT) {
                document = true;
            }
        }
        return crossScriptName && !document;
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
