package org.concordia.channel;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * Message ids: UUID version 7 (RFC 9562 section 5.7), a 48-bit Unix time in milliseconds followed by
 * 74 random bits, so ids chosen by different senders never collide in practice and sort by creation
 * time. The sender chooses the id; the recipient's inbox keeps one message per id (idempotent delivery).
 */
public final class MessageIds {
    private static final SecureRandom RANDOM = new SecureRandom();

    private MessageIds() {}

    /** A new id for a message created at {@code at}. */
    public static UUID next(Instant at) {
        long ms = at.toEpochMilli() & 0xFFFF_FFFF_FFFFL;
        long randA = RANDOM.nextInt(1 << 12);
        long msb = (ms << 16) | (0x7L << 12) | randA;
        long lsb = (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L; // variant 10
        return new UUID(msb, lsb);
    }

    /** The creation time an id of {@link #next} carries. */
    public static Instant instantOf(UUID id) {
        if (id.version() != 7) {
            throw new IllegalArgumentException("not a version 7 UUID");
        }
        return Instant.ofEpochMilli(id.getMostSignificantBits() >>> 16);
    }
}
