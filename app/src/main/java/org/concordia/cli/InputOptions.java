package org.concordia.cli;

import java.nio.file.Path;
import org.concordia.imports.ImportFormat;
import org.concordia.imports.ImportSetupException;
import org.concordia.imports.NdjsonSource;
import org.concordia.imports.RecordSource;
import org.concordia.json.RecordDecoder;
import org.concordia.model.ParticipantCode;
import org.concordia.problem.ErrorCode;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The input file of validate and import, and how to read it. */
final class InputOptions {
    @Parameters(index = "0", paramLabel = "FILE", description = "The file to read.")
    Path file;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            description =
                    "ndjson (the model, one record per line), json (one record or an array), csv (needs --mapping),"
                            + " ftm (FollowTheMoney entities), interpol (INTERPOL-notice-style JSON). Default: from the file name.")
    String format;

    @Option(names = "--mapping", paramLabel = "FILE", description = "The CSV mapping (JSON), for --format csv.")
    Path mapping;

    @Option(
            names = "--owner",
            paramLabel = "PARTICIPANT",
            description =
                    "Owner of records that name none (required for ftm, interpol and csv files without an owner column).")
    String owner;

    @Option(
            names = "--max-line-bytes",
            paramLabel = "N",
            description = "Longest line read; longer lines are rejected with line_too_long. Default: ${DEFAULT-VALUE}.",
            defaultValue = "" + NdjsonSource.DEFAULT_MAX_LINE_BYTES)
    int maxLineBytes;

    ImportFormat resolvedFormat() throws ImportSetupException {
        if (format == null) {
            return ImportFormat.guess(file);
        }
        return ImportFormat.parse(format)
                .orElseThrow(() -> new ImportSetupException(
                        ErrorCode.INVALID_VALUE, "unknown format; use ndjson, json, csv, ftm or interpol"));
    }

    RecordSource open() throws ImportSetupException {
        return resolvedFormat().open(file, mapping, maxLineBytes);
    }

    RecordDecoder decoder() throws ImportSetupException {
        if (owner == null) {
            return new RecordDecoder(null);
        }
        ParticipantCode code = ParticipantCode.parse(owner);
        if (code == null) {
            throw new ImportSetupException(
                    ErrorCode.INVALID_OWNER, "--owner must be a participant code of 2-32 letters, digits, _ or -");
        }
        return new RecordDecoder(code);
    }
}
