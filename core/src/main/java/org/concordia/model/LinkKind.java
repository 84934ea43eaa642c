package org.concordia.model;

import java.util.Optional;

/** The kinds of link between records, by wire name, with the record types at each end. */
public enum LinkKind {
    PERSON_DOCUMENT("person-document", RecordType.PERSON, RecordType.TRAVEL_DOCUMENT),
    PERSON_CASE("person-case", RecordType.PERSON, RecordType.CASE),
    PERSON_ORGANISATION("person-organisation", RecordType.PERSON, RecordType.ORGANISATION),
    PERSON_VEHICLE("person-vehicle", RecordType.PERSON, RecordType.VEHICLE),
    PERSON_FIREARM("person-firearm", RecordType.PERSON, RecordType.FIREARM),
    PERSON_PERSON("person-person", RecordType.PERSON, RecordType.PERSON);

    private final String wireName;
    private final RecordType fromType;
    private final RecordType toType;

    LinkKind(String wireName, RecordType fromType, RecordType toType) {
        this.wireName = wireName;
        this.fromType = fromType;
        this.toType = toType;
    }

    public String wireName() {
        return wireName;
    }

    public RecordType fromType() {
        return fromType;
    }

    public RecordType toType() {
        return toType;
    }

    public static Optional<LinkKind> fromWireName(String name) {
        for (LinkKind k : values()) {
            if (k.wireName.equals(name)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
