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
}
