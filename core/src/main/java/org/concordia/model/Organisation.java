package org.concordia.model;

import java.util.List;
import java.util.Objects;

/** An organisation: a company, a group, a network. */
public record Organisation(
        Envelope envelope, List<PersonName> names, String kind, CountryRef country, String registrationNumber)
        implements Record {
    public Organisation {
        Objects.requireNonNull(envelope, "envelope");
        names = List.copyOf(names);
    }
}
