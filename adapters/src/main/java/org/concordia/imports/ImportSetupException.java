package org.concordia.imports;

/**
 * An import cannot start: unreadable file, invalid mapping, unknown format. Nothing was stored. The
 * message names files and settings, never record values.
 */
public class ImportSetupException extends Exception {
    private final org.concordia.problem.ErrorCode code;

    public ImportSetupException(org.concordia.problem.ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public org.concordia.problem.ErrorCode code() {
        return code;
    }
}
