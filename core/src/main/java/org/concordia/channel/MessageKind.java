package org.concordia.channel;

import java.util.Optional;

/**
 * What a message is for: a message of a case thread, or one step of a follow-up request (the request,
 * the owner's decision, the released record). The wire form is {@link #wireName()}.
 */
public enum MessageKind {
    MESSAGE("message"),
    FOLLOW_UP_REQUEST("follow-up-request"),
    FOLLOW_UP_DECISION("follow-up-decision");

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
