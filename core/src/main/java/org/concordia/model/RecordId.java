package org.concordia.model;

import java.util.Objects;

/** A record's identifier as its owner gave it; unique per owner. 1–200 characters, no control characters. */
public record RecordId(String value) {
    public static final int MAX_LENGTH = 200;

    public RecordId {
        Objects.requireNonNull(value, "value");
        if (!isValid(value)) {
            throw new IllegalArgumentException("record id must be 1-" + MAX_LENGTH + " printable characters");
        }
    }

    public static boolean isValid(String value) {
        return value != null
                && !value.isBlank()
                && value.codePointCount(0, value.length()) <= MAX_LENGTH
                && value.codePoints().noneMatch(Character::isISOControl);
    }

    @Override
    public String toString() {
        return value;
    }
}
