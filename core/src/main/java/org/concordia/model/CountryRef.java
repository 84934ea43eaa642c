package org.concordia.model;

import java.util.Objects;

/**
 * A country as given and, when recognised, as its ISO 3166-1 alpha-3 code (or an ICAO Doc 9303
 * code such as {@code XXA} for stateless persons).
 *
 * @param given the value as the source wrote it, never null
 * @param alpha3 the recognised code, or {@code null} when the value was not recognised
 */
public record CountryRef(String given, String alpha3) {
    public CountryRef {
        given = Interned.of(Objects.requireNonNull(given, "given"));
        alpha3 = Interned.of(alpha3);
    }

    public boolean isKnown() {
        return alpha3 != null;
    }
}
