package org.concordia.audit;

import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A signed statement by the node that its log's entry {@code sequence} had hash {@code hash} at
 * time {@code at}: a commitment in the sense of Crosby and Wallach, "Efficient Data Structures for
 * Tamper-Evident Logging", USENIX Security 2009 (section 2). A hash chain alone cannot show that it
 * was rebuilt from scratch with recomputed hashes, nor that entries were cut off its end; a
 * checkpoint the rewriter cannot sign again shows both, for everything up to its sequence.
 *
 * <p>The signature covers {@link #signedBytes()} ({@link AuditEncoding#checkpoint}: sequence,
 * hash, time and signer). {@code at} is truncated to microseconds, the precision the store keeps.
 * Immutable: the signature is copied in and out.
 */
public record AuditCheckpoint(long sequence, AuditHash hash, Instant at, String signer, byte[] signature) {
    public AuditCheckpoint {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(signature, "signature");
        at = at.truncatedTo(ChronoUnit.MICROS);
        signature = signature.clone();
    }

    /** Signs the head of a log: entry {@code sequence} with hash {@code hash}, at {@code at}. */
    public static AuditCheckpoint sign(long sequence, AuditHash hash, Instant at, AuditSigner signer) {
        Instant t = at.truncatedTo(ChronoUnit.MICROS);
        byte[] signature = signer.sign(AuditEncoding.checkpoint(sequence, hash, t, signer.name()));
        return new AuditCheckpoint(sequence, hash, t, signer.name(), signature);
    }

    /** What the signature is over. */
    public byte[] signedBytes() {
        return AuditEncoding.checkpoint(sequence, hash, at, signer);
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuditCheckpoint c
                && sequence == c.sequence
                && hash.equals(c.hash)
                && at.equals(c.at)
                && signer.equals(c.signer)
                && MessageDigest.isEqual(signature, c.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sequence, hash, at, signer, Arrays.hashCode(signature));
    }

    @Override
    public String toString() {
        return "AuditCheckpoint[sequence=" + sequence + ", hash=" + hash + ", at=" + at + ", signer=" + signer
                + ", signature=" + Base64.getEncoder().encodeToString(signature) + "]";
    }
}
