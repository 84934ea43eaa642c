package org.concordia.audit;

/**
 * What an audit entry records. The wire form (stored and hashed) is the constant's {@link #name()}:
 * never rename a constant, add new ones (messages, follow-ups, alerts) at the end.
 */
public enum AuditAction {
    /** A search asked at this node by one of its users. */
    SEARCH,
    /** A search this node answered for a partner (with the partner, purpose and requester). */
    PARTNER_SEARCH,
    /** A user of this node viewed a record. */
    RECORD_VIEW,
    /** Records imported into this node's store. */
    RECORD_IMPORT,
    /** A sharing agreement was created, changed or ended. */
    AGREEMENT_CHANGE,
    /** A partner request refused by the security checks (the outcome holds the error code). */
    REQUEST_REFUSED,
    /** A user failed to log in. */
    LOGIN_FAILED,
    /** A user read the audit log itself (who watches the watchers). */
    AUDIT_READ
}
