package org.concordia.matching;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * The comparison of one field of two records: which field, its agreement level, a similarity in
 * [0, 1] and an explanation a person can read ("family name ABDALLAH ~ ABDULLAH: known variant").
 *
 * <p>The explanation holds the compared values, so it is for the officer who is entitled to both
 * records: never log it.
 *
 * <p>Immutable. Not a record, for one reason: the explanation is written on first use. A linkage
 * compares millions of pairs and shows the explanation of a few thousand; writing it every time
 * (token lists, formatted numbers) was a third of the comparison's cost.
 */
public final class FieldComparison {
    private final String field;
    private final Agreement agreement;
    private final double similarity;
    private final boolean crossScript;
    private Supplier<String> explainer;
    private volatile String explanation;

    /**
     * @param crossScript true when the agreement rests on a comparison across writing systems (for
     *     example Arabic script against Latin): such a match stays a possible match until a person
     *     verifies it
     */
    public FieldComparison(
            String field, Agreement agreement, double similarity, String explanation, boolean crossScript) {
        this(field, agreement, similarity, crossScript);
        this.explanation = Objects.requireNonNull(explanation, "explanation");
    }

    private FieldComparison(String field, Agreement agreement, double similarity, boolean crossScript) {
        this.field = Objects.requireNonNull(field, "field");
        this.agreement = Objects.requireNonNull(agreement, "agreement");
        if (!(similarity >= 0 && similarity <= 1)) {
            throw new IllegalArgumentException("similarity must lie in [0, 1]");
        }
        this.similarity = similarity;
        this.crossScript = crossScript;
    }

    /** A comparison whose explanation is written when first asked for (by a thread-safe supplier). */
    public static FieldComparison lazy(
            String field, Agreement agreement, double similarity, Supplier<String> explanation, boolean crossScript) {
        FieldComparison c = new FieldComparison(field, agreement, similarity, crossScript);
        c.explainer = Objects.requireNonNull(explanation, "explanation");
        return c;
    }

    public static FieldComparison missing(String field) {
        return lazy(field, Agreement.MISSING, 0, () -> field + ": not known on both sides", false);
    }

    public String field() {
        return field;
    }

    public Agreement agreement() {
        return agreement;
    }

    public double similarity() {
        return similarity;
    }

    public boolean crossScript() {
        return crossScript;
    }

    public String explanation() {
        String e = explanation;
        if (e == null) {
            e = Objects.requireNonNull(explainer.get(), "explanation");
            explanation = e;
        }
        return e;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldComparison c
                && field.equals(c.field)
                && agreement == c.agreement
                && Double.compare(similarity, c.similarity) == 0
                && crossScript == c.crossScript
                && explanation().equals(c.explanation());
    }

    @Override
    public int hashCode() {
        return Objects.hash(field, agreement, similarity, crossScript, explanation());
    }

    @Override
    public String toString() {
        return "FieldComparison[field=" + field + ", agreement=" + agreement + ", similarity=" + similarity
                + ", crossScript=" + crossScript + "]";
    }
}
