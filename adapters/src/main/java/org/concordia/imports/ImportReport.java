package org.concordia.imports;

import java.util.List;

/**
 * What an import (or a validation) did with a file. Entries name lines, record ids, JSON pointers and
 * stable codes; messages never hold record values.
 *
 * @param read items read (records, unreadable lines, skipped items)
 * @param accepted records that passed validation (and, for an import, were stored)
 * @param rejected items rejected: unreadable lines and records with errors
 * @param skipped items of a foreign format that the model does not take
 * @param created records stored for the first time (zero for a validation)
 * @param updated records stored as a new version
 * @param unchanged records identical to their stored version, so not stored again
 * @param problems the first {@link #MAX_PROBLEMS} problems, errors and warnings, in file order
 */
public record ImportReport(
        String file,
        String format,
        boolean stored,
        long read,
        long accepted,
        long rejected,
        long skipped,
        long warnings,
        long created,
        long updated,
        long unchanged,
        List<Entry> problems,
        boolean problemsTruncated,
        long durationMillis) {
    public static final int MAX_PROBLEMS = 10_000;

    public ImportReport {
        problems = List.copyOf(problems);
    }

    /** One problem: line (1-based), record id when known (may be null), pointer, code, severity, message. */
    public record Entry(long line, String id, String pointer, String code, String severity, String message) {}

    public boolean hasRejections() {
        return rejected > 0;
    }
}
