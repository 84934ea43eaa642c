package org.concordia.audit;

import java.util.Objects;
import org.concordia.problem.ErrorCode;

/** What {@link AuditVerifier} found: the log is {@link Intact}, or {@link Broken} at a named entry. */
public sealed interface AuditVerification {

    /**
     * Every entry gives its hash and chains to the one before, sequences run 1..{@code lastSequence}
     * without gap, times do not go back, and every checkpoint names the hash the chain has there.
     *
     * @param entries how many entries were read
     * @param lastSequence the last entry's sequence (0 for an empty log)
     * @param lastHash the last entry's hash ({@link AuditHash#ZERO} for an empty log)
     * @param checkpointsVerified checkpoints whose signature verified and whose hash the chain has
     * @param checkpointsUnverified checkpoints whose hash the chain has but whose signature was not
     *     checked (verification without a key); such a log could have been rebuilt with forged
     *     checkpoints
     */
    record Intact(
            long entries, long lastSequence, AuditHash lastHash, int checkpointsVerified, int checkpointsUnverified)
            implements AuditVerification {
        public Intact {
            Objects.requireNonNull(lastHash, "lastHash");
        }
    }

    /**
     * The first problem in sequence order.
     *
     * @param code one of {@code AUDIT_ENTRY_ALTERED}, {@code AUDIT_ENTRY_MISSING}, {@code
     *     AUDIT_ENTRY_REORDERED}, {@code AUDIT_CHECKPOINT_INVALID}
     * @param sequence the first entry concerned
     * @param explanation for people: sequences, counts and codes only, never an entry's content
     */
    record Broken(ErrorCode code, long sequence, String explanation) implements AuditVerification {
        public Broken {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(explanation, "explanation");
        }
    }
}
