package org.concordia.sharing;

import java.util.Objects;
import java.util.Set;
import org.concordia.model.ParticipantCode;
import org.concordia.model.RecordType;
import org.concordia.model.TlpLabel;

/**
 * What one owner lets one partner see: which record types, up to which TLP 2.0 label (FIRST, "Traffic
 * Light Protocol 2.0", 2022), in which mode, for which purposes. Held and enforced by the owner; a
 * partner without an agreement gets {@link SharingMode#NONE}.
 *
 * @param recordTypes the types the partner may find; empty means none
 * @param maxTlp records labelled stricter than this are never disclosed to the partner, not even as
 *     a hit
 * @param purposes the purpose codes the partner may search for ({@link Purpose}); empty means any
 */
public record SharingAgreement(
        ParticipantCode owner,
        ParticipantCode partner,
        SharingMode mode,
        Set<RecordType> recordTypes,
        TlpLabel maxTlp,
        Set<String> purposes) {
    public SharingAgreement {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(partner, "partner");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(maxTlp, "maxTlp");
        recordTypes = Set.copyOf(recordTypes);
        purposes = Set.copyOf(purposes);
    }

    /** The agreement that holds when none was made: nothing is shared. */
    public static SharingAgreement none(ParticipantCode owner, ParticipantCode partner) {
        return new SharingAgreement(owner, partner, SharingMode.NONE, Set.of(), TlpLabel.CLEAR, Set.of());
    }

    /** Persons, up to AMBER, any purpose, in this mode: the demo federation's agreements. */
    public static SharingAgreement persons(ParticipantCode owner, ParticipantCode partner, SharingMode mode) {
        return new SharingAgreement(owner, partner, mode, Set.of(RecordType.PERSON), TlpLabel.AMBER, Set.of());
    }
}
