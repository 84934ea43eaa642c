package org.concordia.node;

import java.util.function.Supplier;
import org.concordia.alert.AlertIndex;
import org.concordia.cli.Matching;
import org.concordia.index.LuceneCandidateIndex;
import org.concordia.matching.FellegiSunter;

/**
 * How a node checks records against alerts, in one place for the node and its benchmark: the matching
 * engine's person comparator, Lucene candidates over the alert subjects' blocking keys ({@value
 * #CANDIDATES} per record checked), and a pair decision at the node's "possible" threshold.
 */
public final class AlertMatching {
    /**
     * Candidates retrieved among the alerts for each person checked: enough for the subject of a matching
     * alert to be among them (docs/benchmarks.md, "Alerts"), few enough to stay under a millisecond.
     */
    public static final int CANDIDATES = 30;

    private AlertMatching() {}

    /** An empty index of alerts scored with {@code model}, hits from {@code threshold}. */
    public static AlertIndex<?> newIndex(Supplier<FellegiSunter> model, double threshold) {
        return new AlertIndex<>(
                Matching.comparator(),
                () -> LuceneCandidateIndex.inMemory(LuceneCandidateIndex.Retrieval.SCREENING),
                model,
                CANDIDATES,
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
