package org.concordia.audit;

import java.time.Duration;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.concordia.audit.AuditVerification.Broken;
import org.concordia.audit.AuditVerification.Intact;
import org.concordia.problem.ErrorCode;

/**
 * Checks an audit log offline, from the entries as read back from storage (possibly tampered with)
 * and its checkpoints, and names the first problem in sequence order. Follows the verification of
 * Schneier and Kelsey, "Secure Audit Logs to Support Computer Forensics" (ACM TISSEC 2(2), 1999,
 * section 3: recompute the hash chain from its start) with the signed commitments of Crosby and
 * Wallach, "Efficient Data Structures for Tamper-Evident Logging" (USENIX Security 2009, section 2),
 * which catch what a chain alone cannot: a chain rebuilt with recomputed hashes, and entries cut off
 * its end up to the last checkpoint. Entries appended after the last checkpoint can be cut off
 * without trace; checkpoint often.
 *
 * <p>Each entry, in the order read, is checked in this order:
 *
 * <ol>
 *   <li>its sequence is the previous one plus 1 (the first is 1): a sequence that goes down or
 *       repeats is {@link ErrorCode#AUDIT_ENTRY_REORDERED}; a jump is {@link
 *       ErrorCode#AUDIT_ENTRY_MISSING} for the first number skipped, unless that number is stored
 *       further on, which is reordering;
 *   <li>its content gives its hash, and its previous hash is the previous entry's hash (the zero hash
 *       for the first): otherwise {@link ErrorCode#AUDIT_ENTRY_ALTERED};
 *   <li>its time is not before the previous entry's by more than the clock tolerance: otherwise
 *       reordered (entries are written in time order, up to concurrent callers' clocks);
 *   <li>every checkpoint of its sequence verifies (when a verifier is given) and names its hash:
 *       otherwise {@link ErrorCode#AUDIT_CHECKPOINT_INVALID}, for a bad signature at the
 *       checkpoint's sequence, for another hash at the first entry after the last checkpoint that
 *       matched (the rewrite lies somewhere from there to the checkpoint).
 * </ol>
 *
 * After the last entry, a checkpoint naming a later sequence means entries were removed from the end
 * (missing), if its signature verifies. Memory does not grow with the log: entries are streamed.
 */
public final class AuditVerifier {
    /** How far an entry's time may lie before its predecessor's: callers' clocks and lock waits differ a little. */
    public static final Duration DEFAULT_CLOCK_TOLERANCE = Duration.ofMinutes(1);

    private final Duration clockTolerance;

    public AuditVerifier(Duration clockTolerance) {
        Objects.requireNonNull(clockTolerance, "clockTolerance");
        if (clockTolerance.isNegative()) {
            throw new IllegalArgumentException("the clock tolerance cannot be negative");
        }
        this.clockTolerance = clockTolerance;
    }

    public AuditVerifier() {
        this(DEFAULT_CLOCK_TOLERANCE);
    }

    /**
     * Verifies the log, checkpoint signatures included.
     *
     * @param entries the entries in storage order; may throw {@link UnreadableAuditEntryException}
     *     for a row and continue
     * @param checkpoints every checkpoint of the log, in any order
     */
    public AuditVerification verify(
            Iterator<AuditEntry> entries, List<AuditCheckpoint> checkpoints, CheckpointVerifier signatures) {
        return new Run(entries, checkpoints, Objects.requireNonNull(signatures, "signatures")).run();
    }

    /**
     * Verifies the log without checking checkpoint signatures (no key at hand): checkpoints still
     * have to name the chain's hashes, but a log rebuilt together with forged checkpoints passes.
     * The result counts such checkpoints as {@link Intact#checkpointsUnverified()}.
     */
    public AuditVerification verifyWithoutSignatures(Iterator<AuditEntry> entries, List<AuditCheckpoint> checkpoints) {
        return new Run(entries, checkpoints, null).run();
    }

    /** One pass over one log. */
    private final class Run {
        private final Iterator<AuditEntry> entries;
        private final List<AuditCheckpoint> checkpoints;
        private final CheckpointVerifier signatures;
        private int nextCheckpoint;
        private long lastMatchedCheckpoint;
        private int verified;
        private int unverified;

        Run(Iterator<AuditEntry> entries, List<AuditCheckpoint> checkpoints, CheckpointVerifier signatures) {
            this.entries = Objects.requireNonNull(entries, "entries");
            this.checkpoints = checkpoints.stream()
                    .sorted(Comparator.comparingLong(AuditCheckpoint::sequence))
                    .toList();
            this.signatures = signatures;
        }

        AuditVerification run() {
            if (!checkpoints.isEmpty() && checkpoints.getFirst().sequence() < 1) {
                AuditCheckpoint c = checkpoints.getFirst();
                return new Broken(
                        ErrorCode.AUDIT_CHECKPOINT_INVALID,
                        Math.max(c.sequence(), 0),
                        "a checkpoint names sequence " + c.sequence() + ", but sequences count from 1");
            }
            long count = 0;
            long expected = 1;
            AuditHash previousHash = AuditHash.ZERO;
            AuditEntry previous = null;
            while (true) {
                AuditEntry entry;
                try {
                    if (!entries.hasNext()) {
                        break;
                    }
                    entry = entries.next();
                } catch (UnreadableAuditEntryException e) {
                    long s = e.sequence();
                    if (s == expected) {
                        return new Broken(
                                ErrorCode.AUDIT_ENTRY_ALTERED,
                                s,
                                "entry " + s + " holds values the log never writes, so it was changed outside the log ("
                                        + e.getMessage() + ")");
                    }
                    return orderProblem(s, expected);
                }
                long s = entry.sequence();
                if (s != expected) {
                    return orderProblem(s, expected);
                }
                if (!entry.contentGivesHash()) {
                    return new Broken(
                            ErrorCode.AUDIT_ENTRY_ALTERED,
                            s,
                            "the content of entry " + s
                                    + " does not give its recorded hash: it was changed after it was written");
                }
                if (!entry.previousHash().equals(previousHash)) {
                    return new Broken(
                            ErrorCode.AUDIT_ENTRY_ALTERED,
                            s,
                            s == 1
                                    ? "entry 1 does not chain to the zero hash"
                                    : "entry " + s + " does not chain to the hash of entry " + (s - 1)
                                            + ": one of them was replaced");
                }
                if (previous != null
                        && entry.event()
                                .at()
                                .plus(clockTolerance)
                                .isBefore(previous.event().at())) {
                    return new Broken(
                            ErrorCode.AUDIT_ENTRY_REORDERED,
                            s,
                            "entry " + s + " is dated "
                                    + Duration.between(
                                                    entry.event().at(),
                                                    previous.event().at())
                                            .toSeconds()
                                    + " s before entry " + (s - 1) + ", more than the tolerance of "
                                    + clockTolerance.toSeconds() + " s");
                }
                Broken checkpoint = checkCheckpointsAt(entry);
                if (checkpoint != null) {
                    return checkpoint;
                }
                count++;
                expected = s + 1;
                previousHash = entry.hash();
                previous = entry;
            }
            if (nextCheckpoint < checkpoints.size()) {
                AuditCheckpoint c = checkpoints.get(nextCheckpoint);
                if (signatures != null && !signatures.verify(c)) {
                    return badSignature(c);
                }
                return new Broken(
                        ErrorCode.AUDIT_ENTRY_MISSING,
                        expected,
                        "the log ends at entry " + (expected - 1) + ", but a checkpoint signed at " + c.at()
                                + " names entry " + c.sequence() + ": entries " + expected + " to " + c.sequence()
                                + " were removed");
            }
            return new Intact(count, expected - 1, previousHash, verified, unverified);
        }

        private Broken checkCheckpointsAt(AuditEntry entry) {
            while (nextCheckpoint < checkpoints.size()
                    && checkpoints.get(nextCheckpoint).sequence() == entry.sequence()) {
                AuditCheckpoint c = checkpoints.get(nextCheckpoint);
                if (signatures != null && !signatures.verify(c)) {
                    return badSignature(c);
                }
                if (!c.hash().equals(entry.hash())) {
                    long from = lastMatchedCheckpoint + 1;
                    return new Broken(
                            ErrorCode.AUDIT_CHECKPOINT_INVALID,
                            from,
                            "the checkpoint signed at " + c.at() + " names another hash for entry " + c.sequence()
                                    + " than the chain has: entries " + from + " to " + c.sequence()
                                    + " were rewritten with recomputed hashes");
                }
                if (signatures != null) {
                    verified++;
                } else {
                    unverified++;
                }
                lastMatchedCheckpoint = entry.sequence();
                nextCheckpoint++;
            }
            return null;
        }

        private Broken badSignature(AuditCheckpoint c) {
            return new Broken(
                    ErrorCode.AUDIT_CHECKPOINT_INVALID,
                    c.sequence(),
                    "the signature of the checkpoint of entry " + c.sequence() + " signed at " + c.at() + " by "
                            + c.signer() + " does not verify");
        }

        /**
         * Entry {@code found} is read where {@code expected} was due. Going down or repeating is
         * reordering. A jump skips {@code expected..found-1}: reordering if the first skipped number is
         * stored further on (or an earlier number is stored again), otherwise missing. Deciding needs
         * the rest of the log's sequence numbers, nothing else.
         */
        private Broken orderProblem(long found, long expected) {
            if (found < expected) {
                return reordered(found, expected);
            }
            long lowestLater = Long.MAX_VALUE;
            while (true) {
                long s;
                try {
                    if (!entries.hasNext()) {
                        break;
                    }
                    s = entries.next().sequence();
                } catch (UnreadableAuditEntryException e) {
                    s = e.sequence();
                }
                if (s < found) {
                    lowestLater = Math.min(lowestLater, s);
                }
            }
            if (lowestLater <= expected) {
                return lowestLater < expected
                        ? reordered(lowestLater, expected)
                        : new Broken(
                                ErrorCode.AUDIT_ENTRY_REORDERED,
                                expected,
                                "entry " + expected + " is stored after entry " + found);
            }
            long lastMissing = (lowestLater == Long.MAX_VALUE ? found : lowestLater) - 1;
            return new Broken(
                    ErrorCode.AUDIT_ENTRY_MISSING,
                    expected,
                    lastMissing == expected
                            ? "entry " + expected + " is missing: "
                                    + (expected == 1
                                            ? "the log starts at entry "
                                            : "entry " + (expected - 1) + " is followed by entry ")
                                    + found
                            : "entries " + expected + " to " + lastMissing + " are missing");
        }

        private Broken reordered(long found, long expected) {
            return new Broken(
                    ErrorCode.AUDIT_ENTRY_REORDERED,
                    found,
                    "entry " + found + " is stored again, or out of order, after entry " + (expected - 1));
        }
    }
}
