package org.concordia.matching;

/**
 * The state of an identity link between two records, after the EU's Multiple-Identity Detector
 * (Regulation (EU) 2019/817, art. 30–33): a link the matcher proposes is {@link #SAME} or {@link
 * #POSSIBLE}; a person who reviews it confirms it as same (white), different (green) or same person
 * under different identities (red).
 */
public enum LinkState {
    /** Proposed: above the match threshold and not resting on a cross-script name alone. */
    SAME,
    /** Proposed, yellow: between the thresholds, or resting on a cross-script name comparison alone. */
    POSSIBLE;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
