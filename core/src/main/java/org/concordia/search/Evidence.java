package org.concordia.search;

import org.concordia.matching.FieldComparison;

/**
 * How one field of a hit agreed with the query, as a person reads it: {@code birthDate EXACT 1.00 "same
 * date 1984-03-07"}. Sent only with full hits, since the explanation may quote the record.
 */
public record Evidence(String field, String agreement, double similarity, String explanation) {
    public static Evidence of(FieldComparison c) {
        return new Evidence(c.field(), c.agreement().name(), c.similarity(), c.explanation());
    }
}
