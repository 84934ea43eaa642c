package org.concordia.sharing;

import java.util.Locale;
import java.util.Optional;

/**
 * What an owner answers a partner's search with (DESIGN.md, principle 2: two-phase exchange).
 */
public enum SharingMode {
    /** The matching records themselves, with the evidence of the match. */
    FULL("full"),
    /**
     * That the owner holds something: an opaque reference for a follow-up request and a score band,
     * no personal data (as Prüm's and the EU's hit/no-hit exchanges).
     */
    HIT_ONLY("hit-only"),
    /** Nothing: the search is refused. The default when no agreement exists. */
    NONE("none");

    private final String wireName;

    SharingMode(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<SharingMode> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (SharingMode m : values()) {
            if (m.wireName.equals(t)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
