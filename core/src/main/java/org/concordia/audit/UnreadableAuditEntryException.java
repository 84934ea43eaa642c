package org.concordia.audit;

/**
 * A stored entry that cannot be read back as an {@link AuditEntry} (an unknown action, a text that is
 * not a token, a hash of the wrong length): something the log never writes, so the row was changed
 * outside it. Thrown by an {@link org.concordia.port.AuditLog}'s entry stream for that row only;
 * the stream goes on with the next row. {@link AuditVerifier} reports it as an altered entry.
 */
public final class UnreadableAuditEntryException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long sequence;

    /** @param reason what cannot be read (a field name and rule, never the stored value) */
    public UnreadableAuditEntryException(long sequence, String reason, Throwable cause) {
        super("audit entry " + sequence + " cannot be read back: " + reason, cause);
        this.sequence = sequence;
    }

    /** The sequence number the row carries. */
    public long sequence() {
        return sequence;
    }
}
