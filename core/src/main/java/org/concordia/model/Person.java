package org.concordia.model;

import java.util.List;
import java.util.Objects;

/** A person, as one owner knows them. Lists are never null; absent values are null. */
public record Person(
        Envelope envelope,
        List<PersonName> names,
        Sex sex,
        PartialDate birthDate,
        String birthPlace,
        List<CountryRef> nationalities,
        List<DocumentRef> documents)
        implements Record {
    public Person {
        Objects.requireNonNull(envelope, "envelope");
        names = List.copyOf(names);
        birthPlace = Interned.of(birthPlace);
        nationalities = List.copyOf(nationalities);
        documents = List.copyOf(documents);
    }
}
