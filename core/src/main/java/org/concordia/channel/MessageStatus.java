package org.concordia.channel;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a message stands, as the node that holds it sees it. At the sender: {@link #QUEUED} in the
 * outbox, {@link #DELIVERED} once the recipient's node signed that it stored it, {@link #READ} once a
 * read receipt came back, or {@link #UNDELIVERABLE} when it could not be delivered in time (reported,
 * never dropped). At the recipient: {@link #RECEIVED}, then {@link #READ}.
 */
public enum MessageStatus {
    QUEUED,
    DELIVERED,
    READ,
    UNDELIVERABLE,
    RECEIVED;

    /** The wire form: the lower-case name. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<MessageStatus> parse(String text) {
        for (MessageStatus s : values()) {
            if (s.wireName().equals(text)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
