package org.concordia.model;

import java.util.Locale;
import java.util.Optional;

/** Sex as travel documents record it (ICAO Doc 9303): M, F or X (unspecified). */
public enum Sex {
    M,
    F,
    X;

    /** Reads {@code M}, {@code f}, {@code male}, {@code FEMALE}, {@code X}; empty for anything else. */
    public static Optional<Sex> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.strip().toUpperCase(Locale.ROOT)) {
            case "M", "MALE" -> Optional.of(M);
            case "F", "FEMALE" -> Optional.of(F);
            case "X", "<", "UNSPECIFIED" -> Optional.of(X);
            default -> Optional.empty();
        };
    }
}
