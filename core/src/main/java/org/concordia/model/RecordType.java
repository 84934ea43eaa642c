package org.concordia.model;

import java.util.Optional;

/** The record types of exchange model version 1, by their wire names. */
public enum RecordType {
    PERSON("Person"),
    TRAVEL_DOCUMENT("TravelDocument"),
    VEHICLE("Vehicle"),
    FIREARM("Firearm"),
    ORGANISATION("Organisation"),
    CASE("Case"),
    LINK("Link");

    private final String wireName;

    RecordType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The type whose wire name is exactly {@code name}, if any. */
    public static Optional<RecordType> fromWireName(String name) {
        for (RecordType t : values()) {
            if (t.wireName.equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
