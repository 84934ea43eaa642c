package org.concordia.model;

import java.util.Objects;

/**
 * An identity document as mentioned on a person: type ({@code passport}, {@code national_id}...),
 * number as written and normalised (no separators, upper case), issuing country.
 */
public record DocumentRef(
        String type, String number, String normalizedNumber, CountryRef country, PartialDate expiryDate) {
    public DocumentRef {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(normalizedNumber, "normalizedNumber");
        type = Interned.of(type);
    }
}
