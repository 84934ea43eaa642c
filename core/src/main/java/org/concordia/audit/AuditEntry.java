package org.concordia.audit;

import java.util.Objects;

/**
 * One entry of the hash-chained audit log, as the log holds it. Sequences count from 1 without
 * gaps; {@code hash} = SHA-256 of {@link AuditEncoding#entry} over the sequence, every field of the
 * event and {@code previousHash} (the previous entry's hash; {@link AuditHash#ZERO} for the first).
 *
 * <p>The constructor does not check that the hash fits the content: an entry read back from storage
 * may have been tampered with, and saying so is the {@link AuditVerifier}'s job. New entries are
 * made with {@link #first} and {@link #next}, which compute the hash.
 */
public record AuditEntry(long sequence, AuditEvent event, AuditHash previousHash, AuditHash hash) {
    public AuditEntry {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(hash, "hash");
    }

    /** The entry at {@code sequence} chaining {@code event} to {@code previousHash}, with its hash computed. */
    public static AuditEntry chain(long sequence, AuditEvent event, AuditHash previousHash) {
        if (sequence < 1) {
            throw new IllegalArgumentException("audit sequences count from 1");
        }
        return new AuditEntry(sequence, event, previousHash, computeHash(sequence, event, previousHash));
    }

    /** The first entry of a log. */
    public static AuditEntry first(AuditEvent event) {
        return chain(1, event, AuditHash.ZERO);
    }

    /** The entry after this one. */
    public AuditEntry next(AuditEvent nextEvent) {
        return chain(sequence + 1, nextEvent, hash);
    }

    /** Whether this entry's sequence, event and previous hash give its recorded hash. */
    public boolean contentGivesHash() {
        return computeHash(sequence, event, previousHash).equals(hash);
    }

    static AuditHash computeHash(long sequence, AuditEvent event, AuditHash previousHash) {
        return AuditHash.sha256(AuditEncoding.entry(sequence, event, previousHash));
    }
}
