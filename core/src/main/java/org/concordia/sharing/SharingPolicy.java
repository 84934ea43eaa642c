package org.concordia.sharing;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.concordia.model.HandlingCode;
import org.concordia.model.ParticipantCode;
import org.concordia.model.Record;
import org.concordia.problem.ErrorCode;

/**
 * An owner's sharing agreements and what follows from them: whether a partner's search is answered at
 * all ({@link #decide}) and, record by record, how much of it the partner sees ({@link #disclose}).
 * Deny by default: a partner without an agreement is refused. Immutable; {@link #with} gives a new
 * policy.
 *
 * <p>Disclosure, strictest rule first: a record of a type the agreement does not list, or labelled
 * stricter than its TLP limit, is {@link Disclosure#WITHHELD} (it is not even a hit: its existence is
 * not revealed); a record under mode {@code hit-only}, one its owner marked hit-only, and one with
 * handling code H2 or H3 (no dissemination, or other restrictions, without the owner's consent) is
 * disclosed as a {@link Disclosure#HIT_ONLY} answer whose details need a follow-up request; the rest
 * in {@link Disclosure#FULL}.
 */
public final class SharingPolicy {
    /** What a partner's search gets: an answer under this agreement, or a refusal with its code. */
    public sealed interface Decision {
        record Answer(SharingAgreement agreement) implements Decision {}

        record Refuse(ErrorCode code) implements Decision {}
    }

    /** How one matching record is disclosed to a partner. */
    public enum Disclosure {
        FULL,
        HIT_ONLY,
        WITHHELD
    }

    private final ParticipantCode owner;
    private final Map<ParticipantCode, SharingAgreement> agreements;

    private SharingPolicy(ParticipantCode owner, Map<ParticipantCode, SharingAgreement> agreements) {
        this.owner = owner;
        this.agreements = agreements;
    }

    /** The policy of this owner with these agreements (each must be the owner's). */
    public static SharingPolicy of(ParticipantCode owner, Collection<SharingAgreement> agreements) {
        Objects.requireNonNull(owner, "owner");
        Map<ParticipantCode, SharingAgreement> byPartner =
                new TreeMap<>(java.util.Comparator.comparing(ParticipantCode::value));
        for (SharingAgreement a : agreements) {
            if (!a.owner().equals(owner)) {
                throw new IllegalArgumentException("an agreement of another owner: " + a.owner());
            }
            byPartner.put(a.partner(), a);
        }
        return new SharingPolicy(owner, java.util.Collections.unmodifiableMap(byPartner));
    }

    public ParticipantCode owner() {
        return owner;
    }

    /** The agreement with this partner; {@link SharingAgreement#none} when there is none. */
    public SharingAgreement agreementWith(ParticipantCode partner) {
        SharingAgreement a = agreements.get(partner);
        return a != null ? a : SharingAgreement.none(owner, partner);
    }

    /** Every agreement made, by partner code. */
    public List<SharingAgreement> agreements() {
        return List.copyOf(agreements.values());
    }

    /** This policy with the agreement for its partner replaced. */
    public SharingPolicy with(SharingAgreement agreement) {
        Map<ParticipantCode, SharingAgreement> copy = new java.util.LinkedHashMap<>(agreements);
        copy.put(agreement.partner(), agreement);
        return of(owner, copy.values());
    }

    /**
     * Whether a partner's search for this purpose is answered: {@link ErrorCode#NO_AGREEMENT} when the
     * mode is none (or no agreement exists), {@link ErrorCode#PURPOSE_NOT_ALLOWED} when the agreement
     * lists purposes and this one is not among them.
     */
    public Decision decide(ParticipantCode partner, Purpose purpose) {
        SharingAgreement a = agreementWith(partner);
        if (a.mode() == SharingMode.NONE || a.recordTypes().isEmpty()) {
            return new Decision.Refuse(ErrorCode.NO_AGREEMENT);
        }
        if (!a.purposes().isEmpty() && !a.purposes().contains(purpose.code())) {
            return new Decision.Refuse(ErrorCode.PURPOSE_NOT_ALLOWED);
        }
        return new Decision.Answer(a);
    }

    /** How a matching record is disclosed under an agreement (rules in the class comment). */
    public static Disclosure disclose(SharingAgreement agreement, Record record) {
        if (agreement.mode() == SharingMode.NONE || !agreement.recordTypes().contains(record.type())) {
            return Disclosure.WITHHELD;
        }
        var handling = record.envelope().handling();
        if (handling.tlp().isStricterThan(agreement.maxTlp())) {
            return Disclosure.WITHHELD;
        }
        if (agreement.mode() == SharingMode.HIT_ONLY
                || handling.hitOnly()
                || handling.code() == HandlingCode.H2
                || handling.code() == HandlingCode.H3) {
            return Disclosure.HIT_ONLY;
        }
        return Disclosure.FULL;
    }
}
