package org.concordia.problem;

import java.util.Objects;

/**
 * One problem found in an input: where (a JSON pointer into the record, RFC 6901), what (a stable
 * {@link ErrorCode}) and a message for people.
 *
 * <p>The message never contains values from the input (names, dates, document numbers): it says what
 * is wrong with a field, not what the field held. Codes are protocol: they cross node boundaries and
 * are documented in {@code docs/error-codes.md}.
 */
public record Problem(ErrorCode code, String pointer, String message, Severity severity) {
    public Problem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(severity, "severity");
    }

    public static Problem error(ErrorCode code, String pointer, String message) {
        return new Problem(code, pointer, message, Severity.ERROR);
    }

    public static Problem warning(ErrorCode code, String pointer, String message) {
        return new Problem(code, pointer, message, Severity.WARNING);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The same problem, found under {@code prefix} (a JSON pointer) in an enclosing document. */
    public Problem under(String prefix) {
        return new Problem(code, prefix + pointer, message, severity);
    }
}
