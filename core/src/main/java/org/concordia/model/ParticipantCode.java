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

    /**
     * Codes parsed so far, by the text they were read from: a federation has tens of participants, and
     * every record read names its owner, so a node of a million records shares a handful of instances.
     * Bounded, for texts that are not codes of any participant.
     */
    private static final java.util.concurrent.ConcurrentHashMap<String, ParticipantCode> PARSED =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static final int PARSED_LIMIT = 4_096;

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
        ParticipantCode known = PARSED.get(text);
        if (known != null) {
            return known;
        }
        String upper = text.strip().toUpperCase(Locale.ROOT);
        if (!SHAPE.matcher(upper).matches()) {
            return null;
        }
        ParticipantCode code = new ParticipantCode(upper);
        if (PARSED.size() < PARSED_LIMIT) {
            PARSED.putIfAbsent(text, code);
        }
        return code;
    }

    @Override
    public String toString() {
        return value;
    }
}
