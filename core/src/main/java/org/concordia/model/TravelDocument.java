package org.concordia.model;

import java.util.List;
import java.util.Objects;

/**
 * A travel or identity document, on its own (for example on a lost and stolen document list) or
 * with its holder's particulars.
 *
 * @param status {@code valid}, {@code lost}, {@code stolen}, {@code revoked}, {@code invalidated}
 *     or null when not stated
 */
public record TravelDocument(
        Envelope envelope,
        String documentType,
        String number,
        String normalizedNumber,
        CountryRef issuingCountry,
        String status,
        PartialDate issueDate,
        PartialDate expiryDate,
        List<PersonName> holderNames,
        PartialDate holderBirthDate,
        Sex holderSex,
        CountryRef holderNationality,
        Mrz mrz)
        implements Record {
    public TravelDocument {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(normalizedNumber, "normalizedNumber");
        holderNames = List.copyOf(holderNames);
    }
}
