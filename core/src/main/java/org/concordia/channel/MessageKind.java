package org.concordia.channel;

import java.util.Optional;

/**
 * What a message is for: a message of a case thread, one step of a follow-up request (the request,
 * the owner's decision, the released record), or of an alert (the alert, a hit, the owner's decision). The wire form is {@link #wireName()}.
 */
public enum MessageKind {
    MESSAGE("message"),
    FOLLOW_UP_REQUEST("follow-up-request"),
    FOLLOW_UP_DECISION("follow-up-decision"),
    /** An alert, or a new version of it (an update, a cancellation), from its owner to a recipient. */
    ALERT("alert"),
    /** A hit on an alert, from the recipient whose record hit to the alert's owner. */
    ALERT_HIT("alert-hit"),
    /** The owner's confirmation or rejection of a hit, back to the recipient. */
    ALERT_HIT_DECISION("alert-hit-decision");

    private final String wireName;

    MessageKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<MessageKind> parse(String text) {
        for (MessageKind k : values()) {
            if (k.wireName.equals(text)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
