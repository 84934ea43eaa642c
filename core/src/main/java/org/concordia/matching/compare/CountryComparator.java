package org.concordia.matching.compare;

import java.util.List;
import org.concordia.matching.Agreement;
import org.concordia.matching.FieldComparison;
import org.concordia.model.CountryRef;

/**
 * Compares two persons' nationalities by ISO 3166-1 alpha-3 code ({@link CountryRef#alpha3()};
 * values that were not recognised are left out). Field {@code "nationality"}.
 *
 * <ul>
 *   <li>{@link Agreement#EXACT}: a code in common (similarity 1): dual nationals match on either.
 *   <li>{@link Agreement#DISAGREE}: both have known codes and none in common (similarity 0).
 *   <li>{@link Agreement#MISSING}: a side has no known code.
 * </ul>
 *
 * Stateless and thread-safe; allocates nothing but the result.
 */
public final class CountryComparator {
    public static final String FIELD = "nationality";

    private CountryComparator() {}

    public static FieldComparison compare(List<CountryRef> a, List<CountryRef> b) {
        String firstA = null;
        String firstB = null;
        for (CountryRef x : a) {
            if (x.alpha3() == null) {
                continue;
            }
            firstA = firstA == null ? x.alpha3() : firstA;
            for (CountryRef y : b) {
                if (y.alpha3() == null) {
                    continue;
                }
                firstB = firstB == null ? y.alpha3() : firstB;
                if (x.alpha3().equals(y.alpha3())) {
                    return FieldComparison.lazy(FIELD, Agreement.EXACT, 1, () -> "both " + x.alpha3(), false);
                }
            }
        }
        if (firstA == null || firstB == null) {
            return FieldComparison.missing(FIELD);
        }
        return FieldComparison.lazy(
                FIELD, Agreement.DISAGREE, 0, () -> codes(a) + " vs " + codes(b) + ": none in common", false);
    }

    private static String codes(List<CountryRef> refs) {
        StringBuilder sb = new StringBuilder();
        for (CountryRef r : refs) {
            if (r.alpha3() != null) {
                sb.append(sb.isEmpty() ? "" : "/").append(r.alpha3());
            }
        }
        return sb.toString();
    }
}
