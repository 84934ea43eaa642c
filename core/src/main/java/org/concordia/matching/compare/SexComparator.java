package org.concordia.matching.compare;

import org.concordia.matching.Agreement;
import org.concordia.matching.FieldComparison;
import org.concordia.model.Sex;

/**
 * Compares two persons' sex as travel documents record it (ICAO Doc 9303: M, F, X). Field {@code
 * "sex"}.
 *
 * <ul>
 *   <li>{@link Agreement#EXACT}: both M or both F.
 *   <li>{@link Agreement#DISAGREE}: one M, the other F.
 *   <li>{@link Agreement#MISSING}: a side unknown or X (unspecified says nothing either way).
 * </ul>
 *
 * Stateless and thread-safe; the results are shared constants.
 */
public final class SexComparator {
    public static final String FIELD = "sex";

    private static final FieldComparison MISSING = FieldComparison.missing(FIELD);
    private static final FieldComparison BOTH_M = new FieldComparison(FIELD, Agreement.EXACT, 1, "both M", false);
    private static final FieldComparison BOTH_F = new FieldComparison(FIELD, Agreement.EXACT, 1, "both F", false);
    private static final FieldComparison M_F = new FieldComparison(FIELD, Agreement.DISAGREE, 0, "M vs F", false);
    private static final FieldComparison F_M = new FieldComparison(FIELD, Agreement.DISAGREE, 0, "F vs M", false);

    private SexComparator() {}

    public static FieldComparison compare(Sex a, Sex b) {
        if (a == null || b == null || a == Sex.X || b == Sex.X) {
            return MISSING;
        }
        if (a == b) {
            return a == Sex.M ? BOTH_M : BOTH_F;
        }
        return a == Sex.M ? M_F : F_M;
    }
}
