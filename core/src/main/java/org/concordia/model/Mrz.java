package org.concordia.model;

import java.util.List;
import java.util.Objects;

/**
 * The fields of a machine-readable zone (ICAO Doc 9303 Parts 4–6), check digits verified.
 *
 * @param format TD1 (3×30, identity cards), TD2 (2×36) or TD3 (2×44, passports)
 * @param surname primary identifier, with {@code <} fillers turned into spaces
 * @param givenNames secondary identifier
 * @param birthDate may be partial when the zone has {@code <} in place of digits
 * @param expiryDate may be null when unreadable
 */
public record Mrz(
        String format,
        String documentCode,
        String issuingState,
        String surname,
        String givenNames,
        String documentNumber,
        String nationality,
        PartialDate birthDate,
        Sex sex,
        PartialDate expiryDate,
        List<String> lines) {
    public Mrz {
        Objects.requireNonNull(format, "format");
        lines = List.copyOf(lines);
    }
}
