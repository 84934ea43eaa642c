package org.concordia.model;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A participant (organisation) of the federation, by its short code, for example {@code EUROPOL} or
 * {@code AFRIPOL}: 2–32 upper-case ASCII letters, digits, {@code _} or {@code -}.
 */
public record ParticipantCode(String value) {
    private static final Pattern SHAPE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{1,31}");

    public ParticipantCode {
        Objects.requireNonNull(value, "value");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("participant code must be 2-32 of A-Z 0-9 _ -");
        }
        value = Interned.of(value);
    }

    /** Reads a code case-insensitively; {@code null} when the text cannot be a code. */
    public static ParticipantCode parse(String text) {
        if (text == null) {
            return null;
        }
        String upper = text.strip().toUpperCase(Locale.ROOT);
        return SHAPE.matcher(upper).matches() ? new ParticipantCode(upper) : null;
    }

    @Override
    public String toString() {
        return value;
    }
}
