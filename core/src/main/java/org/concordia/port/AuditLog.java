package org.concordia.port;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.concordia.audit.AuditCheckpoint;
import org.concordia.audit.AuditEntry;
import org.concordia.audit.AuditEvent;
import org.concordia.audit.AuditSigner;

/**
 * A node's tamper-evident audit log: a hash chain of {@link AuditEntry entries} with signed
 * {@link AuditCheckpoint checkpoints} (see {@link org.concordia.audit.AuditVerifier}).
 *
 * <p>Contract, for every implementation:
 *
 * <ul>
 *   <li>appends are serialised across every writer of the same log (threads, processes): sequences
 *       run 1, 2, 3... without gap and each entry chains to the one before, so the chain never forks;
 *   <li>an append is durable when it returns, or nothing of it is stored;
 *   <li>entries are never changed or removed through this interface;
 *   <li>methods never return null; implementations are thread-safe.
 * </ul>
 */
public interface AuditLog extends AutoCloseable {

    /**
     * Appends {@code event} as the next entry.
     *
     * @return the entry as stored, with its sequence and hashes
     * @throws StoreException when the log cannot be written; then nothing is appended
     */
    AuditEntry append(AuditEvent event);

    /**
     * The entries with a sequence of at least {@code fromSequence}, in the order they were stored
     * (not sorted by sequence, so that renumbered rows show as reordered). Streams the log, which may
     * hold millions of entries: the caller closes the stream (try-with-resources). A stored row that
     * cannot be read back makes the stream throw {@link
     * org.concordia.audit.UnreadableAuditEntryException} for that row; the stream continues after it.
     *
     * @throws StoreException when the log cannot be read
     */
    Stream<AuditEntry> entries(long fromSequence);

    /** Every stored entry, in the order stored: what a verifier reads (see {@link #entries(long)}). */
    default Stream<AuditEntry> entries() {
        return entries(Long.MIN_VALUE);
    }

    /**
     * Every checkpoint, by sequence. A verifier reads the checkpoints before the entries, so that
     * every checkpoint names an entry its read of the entries sees.
     */
    List<AuditCheckpoint> checkpoints();

    /**
     * Signs the log's current last entry and stores the checkpoint.
     *
     * @return the checkpoint, or empty when the log has no entry yet
     */
    Optional<AuditCheckpoint> checkpoint(AuditSigner signer);

    @Override
    void close();
}
