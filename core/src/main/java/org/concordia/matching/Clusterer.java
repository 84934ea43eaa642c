package org.concordia.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntBinaryOperator;

/**
 * Groups records into identities without chaining different people together. Plain connected
 * components over pairwise links let one wrong link join two whole groups (Duke's links collapse
 * historical_50k into a few giant clusters). Here links are taken strongest first, and two groups
 * merge only when the average match probability over every pair across them reaches the threshold
 * (average linkage, as in agglomerative clustering; Sokal and Michener 1958), pairs being scored on
 * demand.
 */
public final class Clusterer {
    /** A scored link between records {@code a} and {@code b}. */
    public record Edge(int a, int b, double probability) {}

    /** Scores a pair of records, as a probability scaled to 0–1,000,000 (an int for the operator). */
    public interface PairScore extends IntBinaryOperator {}

    private Clusterer() {}

    /**
     * @param n number of records, numbered 0..n-1
     * @param edges proposed same-person links
     * @param score the match probability of any pair, times 1,000,000
     * @param threshold the average probability two groups need to merge
     * @return the cluster number of each record (numbered by their smallest member)
     */
    public static int[] cluster(int n, List<Edge> edges, PairScore score, double threshold) {
        int[] parent = new int[n];
        List<List<Integer>> members = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            parent[i] = i;
            members.add(null);
        }
        List<Edge> sorted = new ArrayList<>(edges);
        sorted.sort(Comparator.comparingDouble(Edge::probability).reversed());
        for (Edge e : sorted) {
            int ra = find(parent, e.a());
            int rb = find(parent, e.b());
            if (ra == rb) {
                continue;
            }
            List<Integer> ma = membersOf(members, ra);
            List<Integer> mb = membersOf(members, rb);
            if (ma.size() * mb.size() > 1 && average(ma, mb, score) < threshold) {
                continue;
            }
            int root = Math.min(ra, rb);
            int other = Math.max(ra, rb);
            parent[other] = root;
            List<Integer> merged = new ArrayList<>(ma.size() + mb.size());
            merged.addAll(ma);
            merged.addAll(mb);
            members.set(root, merged);
            members.set(other, null);
        }
        int[] cluster = new int[n];
        for (int i = 0; i < n; i++) {
            cluster[i] = find(parent, i);
        }
        return cluster;
    }

    private static List<Integer> membersOf(List<List<Integer>> members, int root) {
        List<Integer> m = members.get(root);
        return m == null ? List.of(root) : m;
    }

    private static double average(List<Integer> a, List<Integer> b, PairScore score) {
        long sum = 0;
        for (int i : a) {
            for (int j : b) {
                sum += score.applyAsInt(i, j);
            }
        }
        return sum / 1e6 / (a.size() * (double) b.size());
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
