package org.concordia.federation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.concordia.model.ParticipantCode;

/**
 * The federation directory: who takes part, where their nodes are, which certificates they present
 * and which certificates are revoked. Issued and signed by the federation authority; a node trusts a
 * directory only after checking that signature, and never replaces its copy by one with a lower
 * {@link #serial()}.
 *
 * @param serial increases with each issue; a directory with a lower serial than the one a node holds
 *     is refused (a rollback to a directory that still lists a revoked certificate)
 * @param issuedAt when the authority signed it
 * @param validUntil after this instant nodes refuse a newly fetched copy; empty when it does not
 *     expire
 * @param participants one entry per participant code (codes are unique); kept sorted by code
 * @param revokedSerials serial numbers (RFC 5280 section 4.1.2.2) of revoked certificates, as
 *     lower-case hexadecimal without leading zeros; copied
 */
public record Directory(
        long serial,
        Instant issuedAt,
        Optional<Instant> validUntil,
        List<Participant> participants,
        Set<String> revokedSerials) {
    private static final Pattern HEX_SERIAL = Pattern.compile("[0-9a-f]{1,40}");

    public Directory {
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(validUntil, "validUntil");
        participants = participants.stream()
                .sorted(Comparator.comparing(p -> p.code().value()))
                .toList();
        revokedSerials = Set.copyOf(revokedSerials);
        if (serial < 1) {
            throw new IllegalArgumentException("directory serial must be 1 or more");
        }
        if (validUntil.isPresent() && !validUntil.get().isAfter(issuedAt)) {
            throw new IllegalArgumentException("directory validUntil must be after issuedAt");
        }
        Set<ParticipantCode> seen = new HashSet<>();
        for (Participant p : participants) {
            if (!seen.add(p.code())) {
                throw new IllegalArgumentException("directory lists participant " + p.code() + " twice");
            }
        }
        for (String s : revokedSerials) {
            if (!HEX_SERIAL.matcher(s).matches() || (s.length() > 1 && s.charAt(0) == '0')) {
                throw new IllegalArgumentException(
                        "revoked serials must be lower-case hexadecimal without leading zeros");
            }
        }
    }

    /** The entry of {@code code}, or empty when the directory does not list it. */
    public Optional<Participant> participant(ParticipantCode code) {
        return participants.stream().filter(p -> p.code().equals(code)).findFirst();
    }

    /**
     * Whether the certificate with this serial number is revoked.
     *
     * @param serialHex the serial in hexadecimal, any case, leading zeros allowed
     */
    public boolean isRevoked(String serialHex) {
        String s = serialHex.toLowerCase(Locale.ROOT).replaceFirst("^0+(?=.)", "");
        return revokedSerials.contains(s);
    }

    /** Whether the directory may still be accepted at {@code now}. */
    public boolean isCurrentAt(Instant now) {
        return validUntil.map(now::isBefore).orElse(true);
    }

    /** A copy with {@code participant} added or, when its code is listed, replaced. */
    public Directory with(Participant participant, long newSerial, Instant newIssuedAt) {
        List<Participant> next = new ArrayList<>(participants.size() + 1);
        boolean replaced = false;
        for (Participant p : participants) {
            if (p.code().equals(participant.code())) {
                next.add(participant);
                replaced = true;
            } else {
                next.add(p);
            }
        }
        if (!replaced) {
            next.add(participant);
        }
        return new Directory(newSerial, newIssuedAt, shiftedValidity(newIssuedAt), next, revokedSerials);
    }

    /** A copy that also lists {@code serialHex} as revoked. */
    public Directory revoking(String serialHex, long newSerial, Instant newIssuedAt) {
        Set<String> next = new HashSet<>(revokedSerials);
        next.add(serialHex.toLowerCase(Locale.ROOT).replaceFirst("^0+(?=.)", ""));
        return new Directory(newSerial, newIssuedAt, shiftedValidity(newIssuedAt), participants, next);
    }

    /** Keeps the validity period's length when the directory is re-issued. */
    private Optional<Instant> shiftedValidity(Instant newIssuedAt) {
        return validUntil.map(until -> newIssuedAt.plus(Duration.between(issuedAt, until)));
    }
}
