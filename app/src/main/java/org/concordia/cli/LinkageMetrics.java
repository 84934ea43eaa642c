package org.concordia.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.concordia.datasets.LabelledPersons;

/**
 * Precision, recall and F1 of proposed same-person pairs and of clusters against ground truth
 * (pairwise measures, as in Christen, "Data Matching", Springer 2012, ch. 7). For two-source
 * linkage only pairs across sources count.
 */
record LinkageMetrics(long truePairs, long predicted, long correct) {
    double precision() {
        return predicted == 0 ? 0 : correct / (double) predicted;
    }

    double recall() {
        return truePairs == 0 ? 0 : correct / (double) truePairs;
    }

    double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Measures proposed pairs ({@code a[i]}, {@code b[i]}: positions in the data set). */
    static LinkageMetrics ofPairs(LabelledPersons data, List<int[]> pairs, boolean acrossSources) {
        long predicted = 0;
        long correct = 0;
        for (int[] p : pairs) {
            if (acrossSources && data.source().get(p[0]).equals(data.source().get(p[1]))) {
                continue;
            }
            predicted++;
            if (data.entity().get(p[0]).equals(data.entity().get(p[1]))) {
                correct++;
            }
        }
        return new LinkageMetrics(data.truePairs(acrossSources), predicted, correct);
    }

    /** Measures the pairs implied by clusters (every two records of one cluster). */
    static LinkageMetrics ofClusters(LabelledPersons data, int[] cluster, boolean acrossSources) {
        Map<Integer, Map<String, Long>> bySource = new HashMap<>();
        Map<String, Map<String, Long>> byClusterEntitySource = new HashMap<>();
        for (int i = 0; i < cluster.length; i++) {
            bySource.computeIfAbsent(cluster[i], k -> new HashMap<>())
                    .merge(data.source().get(i), 1L, Long::sum);
            byClusterEntitySource
                    .computeIfAbsent(cluster[i] + "\u0000" + data.entity().get(i), k -> new HashMap<>())
                    .merge(data.source().get(i), 1L, Long::sum);
        }
        long predicted = bySource.values().stream()
                .mapToLong(m -> pairs(m, acrossSources))
                .sum();
        long correct = byClusterEntitySource.values().stream()
                .mapToLong(m -> pairs(m, acrossSources))
                .sum();
        return new LinkageMetrics(data.truePairs(acrossSources), predicted, correct);
    }

    private static long pairs(Map<String, Long> countsBySource, boolean acrossSources) {
        long total = countsBySource.values().stream().mapToLong(Long::longValue).sum();
        long all = total * (total - 1) / 2;
        if (!acrossSources) {
            return all;
        }
        return all
                - countsBySource.values().stream()
                        .mapToLong(c -> c * (c - 1) / 2)
                        .sum();
    }
}
