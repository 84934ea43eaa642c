package org.concordia.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.concordia.model.Person;
import org.concordia.port.CandidateIndex;

/**
 * Batch search of query persons (a passenger list) against indexed records: candidates from the
 * index, each compared and scored with a {@link FellegiSunter} model, the best {@code top} kept per
 * query. The model is estimated once ({@link #train}) on a sample of queries against their
 * candidates, then every query is answered with it.
 *
 * <p>Thread-safe after {@link #index} and {@link #train}.
 */
public final class Screener<P> {
    /** A ranked answer: the record's position in the indexed list and its match probability. */
    public record Hit(int record, double probability, List<FieldComparison> evidence) {}

    private final RecordComparator<P> comparator;
    private final CandidateIndex index;
    private final int candidates;
    private List<P> prepared = List.of();
    private FellegiSunter model;
    private boolean priorPerQuery;

    /**
     * The prior probability that the person searched for is held at all (by this owner). Measured with
     * the federation benchmark (one search at a time, generated data): at 0.01 and 0.1 a node of
     * 200,000 persons answered 0 and 19 of 250 hit queries; at 0.5, 99 of 250, with 9 of 1,000 no-hit
     * queries answered by a namesake (but 143 of 500 at nodes of 20,000, where a single namesake
     * stands out). Most searches are no-hits, so the truth is far below 0.5; the name and date evidence
     * of the exchange model is too weak to afford it yet.
     */
    static final double HELD = 0.5;

    /** @param candidates how many candidates the index returns per query before scoring */
    public Screener(RecordComparator<P> comparator, CandidateIndex index, int candidates) {
        this.comparator = comparator;
        this.index = index;
        this.candidates = candidates;
    }

    /** Indexes the records to search. */
    public void index(List<Person> records) {
        prepared = List.of();
        add(records);
    }

    /**
     * Adds records after those already indexed; their positions continue from {@link #size()}. Not
     * safe beside {@link #screen}: the caller excludes searches while adding.
     */
    public void add(List<Person> records) {
        int start = prepared.size();
        List<P> more = records.parallelStream().map(comparator::prepare).toList();
        List<P> all = new ArrayList<>(start + more.size());
        all.addAll(prepared);
        all.addAll(more);
        for (int i = 0; i < records.size(); i++) {
            index.add(start + i, records.get(i));
        }
        index.refresh();
        prepared = all;
    }

    /** How many records are indexed. */
    public int size() {
        return prepared.size();
    }

    /** Whether a model has been estimated. */
    public boolean trained() {
        return model != null;
    }

    /**
     * Estimates the model with the indexed records themselves as queries ({@code indexed} must be the
     * records in index order): up to {@code sample} of them against their candidates, each record's own
     * entry left out (it would teach the model that every field always agrees), and random pairs.
     */
    public FellegiSunter trainOnIndexed(List<Person> indexed, int sample, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = indexed.size();
        List<Integer> sampled = sample(n, sample, rng);
        List<int[]> candidateVectors = sampled.parallelStream()
                .flatMap(q -> index.candidates(indexed.get(q), candidates).stream()
                        .filter(c -> c.ordinal() != q)
                        .map(c -> FellegiSunter.levels(comparator.compare(prepared.get(q), prepared.get(c.ordinal())))))
                .toList();
        model = EmEstimator.estimate(comparator.fields(), candidateVectors, randomPairs(rng), 25);
        return model;
    }

    /** Estimates the model from up to {@code sample} queries and their candidates, and random record pairs. */
    public FellegiSunter train(List<Person> queries, int sample, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Person> sampled =
                sample(queries.size(), sample, rng).stream().map(queries::get).toList();
        List<int[]> candidateVectors = sampled.parallelStream()
                .flatMap(q -> {
                    P pq = comparator.prepare(q);
                    return index.candidates(q, candidates).stream()
                            .map(c -> FellegiSunter.levels(comparator.compare(pq, prepared.get(c.ordinal()))));
                })
                .toList();
        model = EmEstimator.estimate(comparator.fields(), candidateVectors, randomPairs(rng), 25);
        return model;
    }

    /**
     * Uses the agreement probabilities of matches ({@code m}) of a model estimated elsewhere, with the
     * non-match probabilities ({@code u}) counted here, among the indexed records' own candidates (each
     * record's own entry, and its other versions, left out): for records of one owner, which rarely holds the same person twice,
     * those pairs are non-matches, so counting them estimates u for exactly the population a search
     * meets; this is how Splink estimates u by sampling rather than by EM. Each search then scores its
     * candidates together: at most one of them is the person searched for (held with probability {@value
     * #HELD}),
     * a priori any of the K plausible ones (those whose evidence favours a match: likelihood ratio at
     * least 1), so {@code P(i) = LR_i / (K + sum of LR_j)}; a record that stands out takes most of the
     * probability, equally good ones share it (a common name and a birth year shared by many records is
     * ambiguous). The returned model carries {@code 1 / candidates} as a placeholder prior.
     */
    public FellegiSunter useMatchModel(FellegiSunter matches, List<Person> indexed, int sample, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = indexed.size();
        int fields = matches.fields().size();
        double[][] counts = new double[fields][];
        for (int f = 0; f < fields; f++) {
            counts[f] = new double[matches.u()[f].length];
        }
        for (int q : sample(n, sample, rng)) {
            Person query = indexed.get(q);
            for (CandidateIndex.Candidate c : index.candidates(query, candidates)) {
                Person other = indexed.get(c.ordinal());
                // the record itself, and its earlier versions when it was updated, are the same person
                if (c.ordinal() != q
                        && !(other.id().equals(query.id()) && other.owner().equals(query.owner()))) {
                    int[] levels = FellegiSunter.levels(comparator.compare(prepared.get(q), prepared.get(c.ordinal())));
                    for (int f = 0; f < fields; f++) {
                        counts[f][levels[f]]++;
                    }
                }
            }
        }
        double[][] u = new double[fields][];
        for (int f = 0; f < fields; f++) {
            double total = 0;
            for (int l = 1; l < counts[f].length; l++) {
                total += counts[f][l];
            }
            u[f] = matches.u()[f].clone();
            if (total > 0) {
                for (int l = 1; l < counts[f].length; l++) {
                    u[f][l] = Math.max(1e-4, counts[f][l] / total);
                }
            }
        }
        model = new FellegiSunter(matches.fields(), matches.m(), u, 1.0 / Math.max(2, candidates));
        priorPerQuery = true;
        return model;
    }

    /**
     * Uses a model as it is, m and u (for example one estimated elsewhere, while too few records are
     * indexed to count u here), each search scoring its candidates together as with {@link #useMatchModel}.
     */
    public void useModel(FellegiSunter model) {
        this.model = model;
        priorPerQuery = true;
    }

    /** Positions of up to {@code sample} of {@code n} items: all of them in order when few, else drawn with replacement. */
    private static List<Integer> sample(int n, int sample, SplittableRandom rng) {
        List<Integer> out = new ArrayList<>(Math.min(sample, n));
        for (int i = 0; i < Math.min(sample, n); i++) {
            out.add(n <= sample ? i : rng.nextInt(n));
        }
        return out;
    }

    private List<int[]> randomPairs(SplittableRandom rng) {
        List<int[]> random = new ArrayList<>();
        int n = prepared.size();
        for (int k = 0; k < Math.min(100_000, n * 4) && n > 1; k++) {
            random.add(FellegiSunter.levels(
                    comparator.compare(prepared.get(rng.nextInt(n)), prepared.get(rng.nextInt(n)))));
        }
        return random;
    }

    /**
     * The best {@code top} records for one query, most probable first. Only the best candidates' field
     * comparisons are kept while the others are scored: a search holds a few comparison vectors, not
     * one per candidate, while it runs (what a young-generation collection has to copy when it
     * interrupts a server's searches).
     */
    public List<Hit> screen(Person query, int top) {
        if (model == null) {
            throw new IllegalStateException("train() first");
        }
        P pq = comparator.prepare(query);
        List<CandidateIndex.Candidate> found = index.candidates(query, candidates);
        Best best = new Best(Math.max(0, top));
        if (!priorPerQuery) {
            for (CandidateIndex.Candidate c : found) {
                List<FieldComparison> v = comparator.compare(pq, prepared.get(c.ordinal()));
                best.offer(c.ordinal(), model.probability(FellegiSunter.levels(v)), v);
            }
            return best.hits(1);
        }
        // At most one candidate is the person searched for (held with probability 1/2), a priori any
        // of the plausible ones (likelihood ratio at least 1): P(i) = LR_i / (K + sum of LR_j).
        // A record that stands out gets most of the probability; equally good ones share it.
        double modelPriorOdds = FellegiSunter.log2(model.prior() / (1 - model.prior()));
        double sum = 0;
        int plausible = 0;
        for (CandidateIndex.Candidate c : found) {
            List<FieldComparison> v = comparator.compare(pq, prepared.get(c.ordinal()));
            double bits = model.matchWeight(FellegiSunter.levels(v)) - modelPriorOdds;
            double ratio = Math.pow(2, Math.min(bits, 1_000));
            sum += ratio;
            if (bits >= 0) {
                plausible++;
            }
            best.offer(c.ordinal(), ratio, v);
        }
        return best.hits(Math.max(1, plausible) * (1 - HELD) / HELD + sum);
    }

    /**
     * The {@code top} highest scores offered, with their comparisons; ties go to the lower record
     * position. A heap whose root is the worst kept.
     */
    private static final class Best {
        private final int top;
        private final java.util.PriorityQueue<Hit> kept;

        Best(int top) {
            this.top = top;
            // the root is the worst: lowest score, and of equal scores the higher position
            this.kept = new java.util.PriorityQueue<>(
                    Math.max(1, top + 1),
                    Comparator.comparingDouble(Hit::probability).thenComparing(Hit::record, Comparator.reverseOrder()));
        }

        void offer(int record, double score, List<FieldComparison> evidence) {
            if (top == 0) {
                return;
            }
            if (kept.size() < top) {
                kept.add(new Hit(record, score, evidence));
                return;
            }
            Hit worst = kept.peek();
            if (score > worst.probability() || (score == worst.probability() && record < worst.record())) {
                kept.poll();
                kept.add(new Hit(record, score, evidence));
            }
        }

        /** The kept hits, each score divided by {@code denominator}, best first. */
        List<Hit> hits(double denominator) {
            List<Hit> out = new ArrayList<>(kept.size());
            for (Hit h : kept) {
                out.add(new Hit(h.record(), h.probability() / denominator, h.evidence()));
            }
            out.sort(Comparator.comparingDouble(Hit::probability).reversed().thenComparingInt(Hit::record));
            return out;
        }
    }
}
