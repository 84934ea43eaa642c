package org.concordia.alert;

import java.util.Optional;
import java.util.Set;
import org.concordia.model.RecordType;

/**
 * The kinds of alert, after INTERPOL's notices and diffusions (INTERPOL's Rules on the Processing of
 * Data, art. 73 ff.; https://www.interpol.int/How-we-work/Notices/About-Notices) and the lost and stolen
 * object databases (SLTD for travel documents, SMV for motor vehicles, iARMS for firearms), each with
 * the record types its subject may be. A subscription ({@link #WATCH}) is an officer's own watch on a
 * person or an object: it travels and matches like an alert, and its hits go to that officer.
 */
public enum AlertType {
    /** Red notice: locate and arrest a person wanted for prosecution or to serve a sentence. */
    WANTED("wanted", Set.of(RecordType.PERSON)),
    /** Yellow notice: locate a missing person, often a minor, or identify a person unable to do so. */
    MISSING("missing", Set.of(RecordType.PERSON)),
    /** Blue notice: collect information about a person's identity, location or activities. */
    IDENTITY_SOUGHT("identity-sought", Set.of(RecordType.PERSON)),
    /** Black notice: seek information on unidentified bodies. */
    UNIDENTIFIED_BODY("unidentified-body", Set.of(RecordType.PERSON)),
    /** Green notice: warn about a person's criminal activities who is likely to repeat them. */
    WARNING("warning", Set.of(RecordType.PERSON)),
    /** Orange notice: warn of an event, a person, an object or a process representing a serious and imminent threat. */
    IMMINENT_THREAT(
            "imminent-threat",
            Set.of(RecordType.PERSON, RecordType.TRAVEL_DOCUMENT, RecordType.VEHICLE, RecordType.FIREARM)),
    /** Purple notice: seek or give information on modus operandi, objects, devices and concealment methods. */
    MODUS_OPERANDI(
            "modus-operandi",
            Set.of(RecordType.PERSON, RecordType.TRAVEL_DOCUMENT, RecordType.VEHICLE, RecordType.FIREARM)),
    /** A lost, stolen, revoked or invalidated travel document (SLTD). */
    LOST_STOLEN_DOCUMENT("lost-stolen-document", Set.of(RecordType.TRAVEL_DOCUMENT)),
    /** A stolen motor vehicle (SMV). */
    STOLEN_VEHICLE("stolen-vehicle", Set.of(RecordType.VEHICLE)),
    /** A lost, stolen, trafficked or smuggled firearm (iARMS). */
    STOLEN_FIREARM("stolen-firearm", Set.of(RecordType.FIREARM)),
    /** An officer's subscription: told when a partner's data about the subject matches or changes. */
    WATCH("watch", Set.of(RecordType.PERSON, RecordType.TRAVEL_DOCUMENT, RecordType.VEHICLE, RecordType.FIREARM));

    private final String wireName;
    private final Set<RecordType> subjects;

    AlertType(String wireName, Set<RecordType> subjects) {
        this.wireName = wireName;
        this.subjects = subjects;
    }

    public String wireName() {
        return wireName;
    }

    /** The record types a subject of this type may be. */
    public Set<RecordType> subjects() {
        return subjects;
    }

    public static Optional<AlertType> parse(String text) {
        for (AlertType t : values()) {
            if (t.wireName.equals(text)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
