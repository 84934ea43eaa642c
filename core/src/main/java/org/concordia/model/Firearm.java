package org.concordia.model;

import java.util.Objects;

/** A firearm, identified by make and serial number (as in INTERPOL's iARMS). */
public record Firearm(
        Envelope envelope,
        String serialNumber,
        String normalizedSerialNumber,
        String make,
        String model,
        String kind,
        String calibre,
        CountryRef countryOfManufacture,
        String status)
        implements Record {
    public Firearm {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(serialNumber, "serialNumber");
        Objects.requireNonNull(normalizedSerialNumber, "normalizedSerialNumber");
    }
}
