package org.concordia.model;

import java.util.Locale;
import java.util.Optional;

/**
 * Traffic Light Protocol 2.0 labels (FIRST, TLP version 2.0, 2022), from least to most restricted.
 * The declaration order is the order of restriction: {@code compareTo} tells which is stricter.
 */
public enum TlpLabel {
    CLEAR("CLEAR"),
    GREEN("GREEN"),
    AMBER("AMBER"),
    AMBER_STRICT("AMBER+STRICT"),
    RED("RED");

    private final String wireName;

    TlpLabel(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Reads {@code AMBER}, {@code amber+strict} or {@code TLP:RED}; TLP 1.0's WHITE reads as CLEAR. */
    public static Optional<TlpLabel> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().toUpperCase(Locale.ROOT);
        if (t.startsWith("TLP:")) {
            t = t.substring(4);
        }
        if (t.equals("WHITE")) {
            return Optional.of(CLEAR);
        }
        for (TlpLabel l : values()) {
            if (l.wireName.equals(t)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    public boolean isStricterThan(TlpLabel other) {
        return compareTo(other) > 0;
    }
}
