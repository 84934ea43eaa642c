package org.concordia.search;

import org.concordia.model.ParticipantCode;
import org.concordia.problem.ErrorCode;

/**
 * How one participant's part of a federated search ended, and how long it took.
 *
 * @param code why it was refused or failed; null for hit, hit-only and no-hit
 */
public record PartnerStatus(ParticipantCode participant, Status status, long latencyMs, ErrorCode code) {
    public enum Status {
        HIT("hit"),
        HIT_ONLY("hit-only"),
        NO_HIT("no-hit"),
        REFUSED("refused"),
        UNREACHABLE("unreachable"),
        TIMEOUT("timeout");

        private final String wireName;

        Status(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        public static Status parse(String text) {
            for (Status s : values()) {
                if (s.wireName.equals(text)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown status");
        }
    }

    /** The status an answer gives: hit if any full hit, else hit-only if any, else no-hit; or refused. */
    public static PartnerStatus of(ParticipantCode participant, PartnerAnswer answer, long latencyMs) {
        return switch (answer) {
            case PartnerAnswer.Refused r -> new PartnerStatus(participant, Status.REFUSED, latencyMs, r.code());
            case PartnerAnswer.Failed f -> new PartnerStatus(participant, Status.UNREACHABLE, latencyMs, f.code());
            case PartnerAnswer.Answered a -> {
                Status s = Status.NO_HIT;
                for (SearchResult r : a.results()) {
                    if (r instanceof SearchResult.Hit) {
                        s = Status.HIT;
                        break;
                    }
                    s = Status.HIT_ONLY;
                }
                yield new PartnerStatus(participant, s, latencyMs, null);
            }
        };
    }
}
