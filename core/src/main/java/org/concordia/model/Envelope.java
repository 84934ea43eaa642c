package org.concordia.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What travels on every record: identity, owner, handling, grading, purpose and life cycle. Defaults
 * (documented in {@code docs/exchange-model.md}): handling {@link Handling#DEFAULT}, grading {@link
 * Grading#DEFAULT}; purpose, legal basis, created, retain-until and review-by may be absent
 * ({@code null}), in which case the owner's retention policy applies and the store records when it
 * first saw the record.
 */
public record Envelope(
        RecordId id,
        RecordType type,
        ParticipantCode owner,
        Handling handling,
        Grading grading,
        String purpose,
        String legalBasis,
        Instant created,
        LocalDate retainUntil,
        LocalDate reviewBy) {
    public Envelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(handling, "handling");
        Objects.requireNonNull(grading, "grading");
        purpose = Interned.of(purpose);
        legalBasis = Interned.of(legalBasis);
    }
}
