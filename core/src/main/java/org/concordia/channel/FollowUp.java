package org.concordia.channel;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.concordia.model.ParticipantCode;
import org.concordia.problem.ErrorCode;

/**
 * A follow-up request: after a hit-only answer, the asking officer's request to the record's owner to
 * release the record (docs/decisions/0005). Both nodes keep one, keyed by the id of the request
 * message; the owner decides it, the requester learns the decision over the channel.
 *
 * <p>States: {@code requested}, then {@code approved} (all or part of the record released) or {@code
 * refused} (with a reason), each once. A request still undecided after its deadline is <em>overdue</em>:
 * a flag, with the role it was escalated to, not a state; it can still be decided.
 *
 * @param id the request message's id
 * @param outgoing whether this node asked (true) or owns the record (false)
 * @param partner the owner (outgoing) or the requester (incoming)
 * @param reference the opaque reference of the hit-only answer
 * @param purpose the purpose code the record is asked for
 * @param urgency how fast it must be decided
 * @param requestedAt when the request was made (at the requester) or received (at the owner)
 * @param dueAt when it must be decided by
 * @param overdueAt when it was flagged overdue, or null
 * @param escalatedTo the role it was escalated to when overdue, or null
 */
public record FollowUp(
        UUID id,
        boolean outgoing,
        ParticipantCode partner,
        String reference,
        String purpose,
        Urgency urgency,
        State state,
        Instant requestedAt,
        Instant dueAt,
        Instant overdueAt,
        String escalatedTo) {

    /** Where a follow-up request stands. */
    public enum State {
        REQUESTED,
        APPROVED,
        REFUSED;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Optional<State> parse(String text) {
            for (State s : values()) {
                if (s.wireName().equals(text)) {
                    return Optional.of(s);
                }
            }
            return Optional.empty();
        }
    }

    public FollowUp {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(partner, "partner");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(urgency, "urgency");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(dueAt, "dueAt");
    }

    /** A new request, due {@code deadline} after {@code at}. */
    public static FollowUp requested(
            UUID id,
            boolean outgoing,
            ParticipantCode partner,
            String reference,
            String purpose,
            Urgency urgency,
            Instant at,
            Duration deadline) {
        return new FollowUp(
                id, outgoing, partner, reference, purpose, urgency, State.REQUESTED, at, at.plus(deadline), null, null);
    }

    /** The outcome of a decision: the request as decided, or why it cannot be decided. */
    public sealed interface Decided {
        record Done(FollowUp followUp) implements Decided {}

        record Refused(ErrorCode code) implements Decided {}
    }

    /** Decides the request ({@code approved} or {@code refused}); a request is decided once. */
    public Decided decide(State decision) {
        if (decision == State.REQUESTED) {
            throw new IllegalArgumentException("a decision approves or refuses");
        }
        if (state != State.REQUESTED) {
            return new Decided.Refused(ErrorCode.FOLLOW_UP_CLOSED);
        }
        return new Decided.Done(new FollowUp(
                id,
                outgoing,
                partner,
                reference,
                purpose,
                urgency,
                decision,
                requestedAt,
                dueAt,
                overdueAt,
                escalatedTo));
    }

    /** Whether it is undecided past its deadline at {@code now}. */
    public boolean isOverdue(Instant now) {
        return state == State.REQUESTED && now.isAfter(dueAt);
    }
}
