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
    AUDIT_READ,
    /** A user of this node sent a message (queued in the outbox; ids only, never subject or body). */
    MESSAGE_SENT,
    /** The recipient's node signed that it stored messages this node sent. */
    MESSAGE_DELIVERED,
    /** Messages from a partner stored in this node's inbox. */
    MESSAGE_RECEIVED,
    /** A user of this node read a received message for the first time (a read receipt goes back). */
    MESSAGE_READ,
    /** A partner's node reported that its user read a message this node sent. */
    MESSAGE_READ_RECEIPT,
    /** A message given up: not delivered within the configured time, or refused by the recipient. */
    MESSAGE_UNDELIVERABLE,
    /** A record released under TLP:RED or H2 was not forwarded to a third participant. */
    FORWARDING_REFUSED,
    /** A follow-up request sent to, or received from, a record's owner. */
    FOLLOW_UP_REQUEST,
    /** A follow-up request decided: approved (all or part of the record released) or refused. */
    FOLLOW_UP_DECISION,
    /** A follow-up request passed its deadline undecided, and was escalated. */
    FOLLOW_UP_OVERDUE,
    /** An alert published, updated or cancelled by a user of this node (ids and type, never the subject). */
    ALERT_PUBLISHED,
    /** A partner's alert, or a new version of it, stored at this node. */
    ALERT_RECEIVED,
    /** A record of this node hit a partner's alert (found), or a partner reported a hit on this node's alert. */
    ALERT_HIT,
    /** The owner of an alert confirmed or rejected a hit: an identity link, on both sides. */
    ALERT_HIT_DECISION,
    /** A user of this node started or ended a subscription (a watched record, or a watched person or object). */
    SUBSCRIPTION
}
