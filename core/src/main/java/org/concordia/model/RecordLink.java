package org.concordia.model;

import java.util.Objects;

/**
 * A link between two records of the same owner, for example a person and their passport. The wire
 * type is {@code Link}.
 *
 * @param role free text qualifying the link, for example {@code suspect} or {@code director}; may be null
 */
public record RecordLink(Envelope envelope, LinkKind kind, RecordId from, RecordId to, String role) implements Record {
    public RecordLink {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }
}
