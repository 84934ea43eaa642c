package org.concordia.problem;

import java.util.Locale;

/**
 * Stable error codes of the exchange standard. The wire form ({@link #code()}) is the lower-case
 * name; never rename or reuse one, add new ones instead. Documented in {@code docs/error-codes.md}.
 */
public enum ErrorCode {
    // reading the input
    MALFORMED_JSON,
    NOT_AN_OBJECT,
    LINE_TOO_LONG,
    INVALID_ENCODING,
    UNREADABLE_INPUT,
    INVALID_CSV,
    MISSING_COLUMN,
    INVALID_MAPPING,
    // the envelope
    MISSING_FIELD,
    INVALID_TYPE,
    UNKNOWN_TYPE,
    INVALID_ID,
    INVALID_OWNER,
    INVALID_HANDLING,
    INVALID_GRADING,
    UNKNOWN_PROPERTY,
    // values
    INVALID_VALUE,
    INVALID_DATE,
    IMPOSSIBLE_DATE,
    INVALID_SEX,
    INVALID_NAME,
    NO_NAME,
    UNKNOWN_COUNTRY,
    UNKNOWN_DOCUMENT_TYPE,
    INVALID_DOCUMENT_NUMBER,
    INVALID_MRZ,
    MRZ_CHECK_DIGIT,
    MRZ_MISMATCH,
    INVALID_VIN,
    VIN_CHECK_DIGIT,
    INVALID_CRIME_CATEGORY,
    INVALID_LINK,
    DUPLICATE_ID,
    // storing
    STORE_FAILED,
    // the federation: directory, channels, signed requests (issue 4)
    DIRECTORY_INVALID,
    UNKNOWN_PARTICIPANT,
    UNKNOWN_CERTIFICATE,
    CERTIFICATE_EXPIRED,
    CERTIFICATE_REVOKED,
    SIGNATURE_INVALID,
    REPLAYED_REQUEST,
    STALE_REQUEST,
    // answering a search
    NO_AGREEMENT,
    PURPOSE_NOT_ALLOWED,
    PARTNER_UNREACHABLE,
    PARTNER_TIMEOUT,
    INVALID_QUERY,
    // the node's API and configuration
    UNAUTHENTICATED,
    SIGN_IN_THROTTLED,
    FORBIDDEN,
    NOT_FOUND,
    INVALID_CONFIGURATION,
    INTERNAL_ERROR,
    // the audit log
    AUDIT_ENTRY_ALTERED,
    AUDIT_ENTRY_MISSING,
    AUDIT_ENTRY_REORDERED,
    AUDIT_CHECKPOINT_INVALID,
    // the channel
    RECIPIENT_CANNOT_RECEIVE,
    MESSAGE_INVALID,
    MESSAGE_UNDELIVERABLE,
    FORWARDING_REFUSED,
    FOLLOW_UP_CLOSED,
    ATTACHMENT_TOO_LARGE,
    // alerts
    ALERT_CLOSED,
    HIT_DECIDED;

    /** The wire form, for example {@code mrz_check_digit}. */
    /** The code of this wire name ({@code "no_agreement"}), or empty when it names none. */
    public static java.util.Optional<ErrorCode> fromCode(String code) {
        if (code == null) {
            return java.util.Optional.empty();
        }
        try {
            ErrorCode c = valueOf(code.toUpperCase(Locale.ROOT));
            return c.code().equals(code) ? java.util.Optional.of(c) : java.util.Optional.empty();
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return code();
    }
}
