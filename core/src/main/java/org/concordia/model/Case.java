package org.concordia.model;

import java.util.Objects;

/**
 * A case or event, with its crime category in the International Classification of Crime for
 * Statistical Purposes (UNODC, ICCS version 1.0, 2015).
 */
public record Case(
        Envelope envelope,
        String reference,
        String title,
        CrimeCategory crimeCategory,
        PartialDate date,
        CountryRef country,
        String summary)
        implements Record {
    public Case {
        Objects.requireNonNull(envelope, "envelope");
    }
}
