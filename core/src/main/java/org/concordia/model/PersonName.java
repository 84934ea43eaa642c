package org.concordia.model;

import java.util.Objects;

/**
 * One name of a person, as written, with its normalised forms.
 *
 * @param full the whole name as written; never null (built from given and family when absent)
 * @param given given names as written, or null
 * @param family family name as written, or null
 * @param script the ISO 15924 code given by the source, or detected ({@code Arab}, {@code Latn}...)
 */
public record PersonName(String full, String given, String family, String script, NormalizedName normalized) {
    public PersonName {
        Objects.requireNonNull(full, "full");
        script = Interned.of(Objects.requireNonNull(script, "script"));
        Objects.requireNonNull(normalized, "normalized");
        given = Interned.of(given);
        family = Interned.of(family);
    }
}
