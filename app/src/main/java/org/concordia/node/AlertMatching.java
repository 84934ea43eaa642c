package org.concordia.node;

import java.util.function.Supplier;
import org.concordia.alert.AlertIndex;
import org.concordia.cli.Matching;
import org.concordia.index.LuceneCandidateIndex;
import org.concordia.matching.FellegiSunter;

/**
 * How a node checks records against alerts, in one place for the node and its benchmark: the matching
 * engine's person comparator, Lucene candidates over the alert subjects' blocking keys ({@value
 * #CANDIDATES} per record checked), and a pair decision at {@link #THRESHOLD}.
 */
public final class AlertMatching {
    /**
     * Candidates retrieved among the alerts for each person checked: enough for the subject of a matching
     * alert to be among them (docs/benchmarks.md, "Alerts"), few enough to stay under a millisecond.
     */
    public static final int CANDIDATES = 30;

    /**
     * The match probability from which a record hits an alert. Higher than a search's "possible" threshold
     * (0.5): a search's score is relative to the candidates it retrieved, an alert's is the pair's own, and
     * a hit sends a report and asks officers to act. Measured with {@code ./concordia bench alerts} (100,000
     * alerts on generated people, the records checked being the same people's records at other owners, in
     * other scripts, with typing errors, and records of other people, lookalikes among them): at 0.8, 0.9 and
     * 0.95 the alerted people's records hit their alert 81, 77 and 73 % of the time and the other people's
     * records hit some alert 5.7, 0.8 and 0.3 % of the time (at 0.5, with 20,000 alerts: 93 % and 25 %).
     */
    public static final double THRESHOLD = 0.9;

    private AlertMatching() {}

    /** An empty index of alerts scored with {@code model}, hits from {@code threshold}. */
    public static AlertIndex<?> newIndex(Supplier<FellegiSunter> model, double threshold) {
        return newIndex(model, threshold, CANDIDATES);
    }

    /** An index with another number of candidates per record checked (for measurements). */
    public static AlertIndex<?> newIndex(Supplier<FellegiSunter> model, double threshold, int candidates) {
        return new AlertIndex<>(
                Matching.comparator(),
                () -> LuceneCandidateIndex.inMemory(LuceneCandidateIndex.Retrieval.SCREENING),
                model,
                candidates,
                threshold);
    }

    /**
     * The model of a node that holds too few persons to count chance agreement among its own: the search
     * model estimated on generated data ({@link SearchModel}), with the prior of one in the candidates a
     * search retrieves.
     */
    public static synchronized FellegiSunter generatedModel() {
        if (generated == null) {
            FellegiSunter s = SearchModel.matches();
            generated = new FellegiSunter(s.fields(), s.m(), s.u(), 1.0 / PersonSearchIndex.CANDIDATES);
        }
        return generated;
    }

    private static FellegiSunter generated;
}
