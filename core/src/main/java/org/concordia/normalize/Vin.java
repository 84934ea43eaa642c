package org.concordia.normalize;

/**
 * Vehicle identification numbers (ISO 3779:2009): 17 characters of A–Z and 0–9 without I, O and Q.
 * The ninth character is a check digit (mod 11 over transliterated values with position weights 8,
 * 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2; remainder 10 written {@code X}), required in North
 * America (49 CFR 565, world manufacturer identifiers starting 1–5) and in China (GB 16735, starting
 * {@code L}); elsewhere the position is free and is not checked.
 */
public final class Vin {
    private static final int[] WEIGHTS = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};

    private Vin() {}

    /** The outcome of validating a VIN. */
    public enum Validity {
        VALID,
        /** Not 17 characters of the permitted alphabet. */
        MALFORMED,
        /** Well-formed, but the check digit a region requires is wrong. */
        BAD_CHECK_DIGIT
    }

    public static Validity validate(String normalizedVin) {
        if (normalizedVin.length() != 17) {
            return Validity.MALFORMED;
        }
        for (int i = 0; i < 17; i++) {
            char c = normalizedVin.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z' && c != 'I' && c != 'O' && c != 'Q');
            if (!ok) {
                return Validity.MALFORMED;
            }
        }
        if (!usesCheckDigit(normalizedVin)) {
            return Validity.VALID;
        }
        return normalizedVin.charAt(8) == checkDigit(normalizedVin) ? Validity.VALID : Validity.BAD_CHECK_DIGIT;
    }

    /** Whether the region of this VIN's manufacturer requires the ninth character to be a check digit. */
    public static boolean usesCheckDigit(String vin) {
        char region = vin.charAt(0);
        return (region >= '1' && region <= '5') || region == 'L';
    }

    /** The check digit (0–9 or X) that position 9 should hold. */
    public static char checkDigit(String vin) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += value(vin.charAt(i)) * WEIGHTS[i];
        }
        int r = sum % 11;
        return r == 10 ? 'X' : (char) ('0' + r);
    }

    private static int value(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        return switch (c) {
            case 'A', 'J' -> 1;
            case 'B', 'K', 'S' -> 2;
            case 'C', 'L', 'T' -> 3;
            case 'D', 'M', 'U' -> 4;
            case 'E', 'N', 'V' -> 5;
            case 'F', 'W' -> 6;
            case 'G', 'P', 'X' -> 7;
            case 'H', 'Y' -> 8;
            case 'R', 'Z' -> 9;
            default -> 0;
        };
    }
}
