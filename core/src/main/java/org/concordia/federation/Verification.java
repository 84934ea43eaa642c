package org.concordia.federation;

import java.util.Objects;
import org.concordia.model.ParticipantCode;
import org.concordia.problem.ErrorCode;

/**
 * The outcome of checking a partner's certificate, signed request or signed reply: either the
 * participant it comes from, or the stable code of the first check that failed. Expected failures
 * are values, never exceptions.
 */
public sealed interface Verification {

    /** Whether every check passed. */
    default boolean isVerified() {
        return this instanceof Verified;
    }

    /**
     * Every check passed.
     *
     * @param sender the participant that signed or presented the certificate
     */
    record Verified(ParticipantCode sender) implements Verification {
        public Verified {
            Objects.requireNonNull(sender, "sender");
        }
    }

    /**
     * A check failed.
     *
     * @param code one of the federation codes ({@code unknown_participant}, {@code
     *     unknown_certificate}, {@code certificate_expired}, {@code certificate_revoked}, {@code
     *     signature_invalid}, {@code replayed_request}, {@code stale_request})
     * @param reason which check failed, for operators; never contains message content or personal data
     */
    record Rejected(ErrorCode code, String reason) implements Verification {
        public Rejected {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
