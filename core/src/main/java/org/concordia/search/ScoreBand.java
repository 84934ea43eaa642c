package org.concordia.search;

/**
 * A match probability rounded to what a hit-only answer may say: enough to decide whether a follow-up
 * request is worth making, too coarse to be a side channel.
 */
public enum ScoreBand {
    /** At or above the "same person" threshold. */
    HIGH("high", 0.95),
    /** Between the "possible" and the "same person" thresholds. */
    MEDIUM("medium", 0.5);

    private final String wireName;
    private final double floor;

    ScoreBand(String wireName, double floor) {
        this.wireName = wireName;
        this.floor = floor;
    }

    public String wireName() {
        return wireName;
    }

    /** The lowest probability in the band: the score a hit-only answer reports. */
    public double floor() {
        return floor;
    }

    /** The band of a probability, or null below {@link #MEDIUM}. */
    public static ScoreBand of(double probability) {
        if (probability >= HIGH.floor) {
            return HIGH;
        }
        return probability >= MEDIUM.floor ? MEDIUM : null;
    }

    public static ScoreBand parse(String text) {
        for (ScoreBand b : values()) {
            if (b.wireName.equals(text)) {
                return b;
            }
        }
        throw new IllegalArgumentException("unknown score band");
    }
}
