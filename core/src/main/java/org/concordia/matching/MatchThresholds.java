package org.concordia.matching;

/**
 * Decision thresholds on the match probability, declared before a run: at or above {@code same} a
 * pair is proposed as the same person; at or above {@code possible}, as a possible match for a person
 * to verify; below, nothing is proposed.
 */
public record MatchThresholds(double same, double possible) {
    public static final MatchThresholds DEFAULT = new MatchThresholds(0.95, 0.50);

    public MatchThresholds {
        if (!(possible > 0 && possible <= same && same < 1)) {
            throw new IllegalArgumentException("thresholds must satisfy 0 < possible <= same < 1");
        }
    }
}
