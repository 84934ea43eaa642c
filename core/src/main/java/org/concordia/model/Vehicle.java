package org.concordia.model;

import java.util.Objects;

/**
 * A vehicle. {@code vin} is the vehicle identification number as written, {@code normalizedVin} the
 * same upper case without separators (validated, ISO 3779); {@code plate} the registration mark.
 */
public record Vehicle(
        Envelope envelope,
        String vin,
        String normalizedVin,
        String plate,
        String normalizedPlate,
        CountryRef registrationCountry,
        String make,
        String model,
        String colour,
        Integer modelYear,
        String status)
        implements Record {
    public Vehicle {
        Objects.requireNonNull(envelope, "envelope");
    }
}
