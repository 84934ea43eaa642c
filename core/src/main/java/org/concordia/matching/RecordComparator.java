package org.concordia.matching;

import java.util.List;
import org.concordia.model.Person;

/**
 * Compares two persons field by field: the comparison vector of a {@link FellegiSunter} model.
 * Implementations prepare what they can once per person ({@code P}), since a person is compared
 * with many others. Thread-safe.
 *
 * @param <P> the prepared form of a person
 */
public interface RecordComparator<P> {
    /** The fields of the vector, in order. */
    List<String> fields();

    P prepare(Person person);

    /** One comparison per field, in {@link #fields()} order. */
    List<FieldComparison> compare(P a, P b);

    /**
     * The values of one field of a person whose frequency matters when two persons agree exactly on
     * them (a rare family name says more than MOHAMED; see {@link FrequencyAdjustment}), as opaque
     * keys; empty when the field takes no frequency adjustment (the default).
     */
    default List<String> valueKeys(P person, int field) {
        return List.of();
    }
}
