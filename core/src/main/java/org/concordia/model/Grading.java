package org.concordia.model;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The 4x4 evaluation of source and information (as used by Europol and many police services):
 * source reliability A (no doubt), B (mostly reliable), C (not reliable), X (cannot be assessed);
 * information 1 (known to be true without reservation), 2 (known personally to the source), 3 (not
 * known personally to the source but corroborated), 4 (cannot be judged).
 */
public record Grading(Source source, int information) {
    /** Used when a record gives no grading: X4, nothing is known of either. */
    public static final Grading DEFAULT = new Grading(Source.X, 4);

    public enum Source {
        A,
        B,
        C,
        X;

        public static Optional<Source> parse(String text) {
            if (text == null || text.strip().length() != 1) {
                return Optional.empty();
            }
            try {
                return Optional.of(valueOf(text.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    public Grading {
        Objects.requireNonNull(source, "source");
        if (information < 1 || information > 4) {
            throw new IllegalArgumentException("information grade must be 1-4");
        }
    }

    /** Reads the short form, for example {@code B2}. */
    public static Optional<Grading> parse(String text) {
        if (text == null || text.strip().length() != 2) {
            return Optional.empty();
        }
        String t = text.strip();
        Optional<Source> s = Source.parse(t.substring(0, 1));
        char c = t.charAt(1);
        if (s.isEmpty() || c < '1' || c > '4') {
            return Optional.empty();
        }
        return Optional.of(new Grading(s.get(), c - '0'));
    }

    public String shortForm() {
        return source.name() + information;
    }
}
