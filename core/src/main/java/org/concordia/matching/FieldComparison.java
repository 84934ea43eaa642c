package org.concordia.matching;

import java.util.Objects;

/**
 * The comparison of one field of two records: which field, its agreement level, a similarity in
 * [0, 1] and an explanation a person can read ("family name ABDALLAH ~ ABDULLAH: known variant").
 *
 * <p>The explanation holds the compared values, so it is for the officer who is entitled to both
 * records: never log it.
 *
 * @param crossScript true when the agreement rests on a comparison across writing systems (for
 *     example Arabic script against Latin): such a match stays a possible match until a person
 *     verifies it
 */
public record FieldComparison(
        String field, Agreement agreement, double similarity, String explanation, boolean crossScript) {
    public FieldComparison {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(agreement, "agreement");
        Objects.requireNonNull(explanation, "explanation");
        if (!(similarity >= 0 && similarity <= 1)) {
            throw new IllegalArgumentException("similarity must lie in [0, 1]");
        }
    }

    public static FieldComparison missing(String field) {
        return new FieldComparison(field, Agreement.MISSING, 0, field + ": not known on both sides", false);
    }
}
