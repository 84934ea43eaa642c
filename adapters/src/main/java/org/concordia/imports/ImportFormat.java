package org.concordia.imports;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.concordia.problem.ErrorCode;

/** The file formats an import reads, and how to open a file of each. */
public enum ImportFormat {
    /** The model's own records, one JSON object per line. */
    NDJSON,
    /** The model's own records as one JSON document: an object or an array of objects. */
    JSON,
    /** CSV with a declarative mapping ({@link CsvMapping}). */
    CSV,
    /** FollowTheMoney entities, one per line (or a JSON array). */
    FTM,
    /** INTERPOL-notice-style JSON, one notice per line, an array, or a page of the notices API. */
    INTERPOL;

    public static Optional<ImportFormat> parse(String text) {
        try {
            return Optional.of(valueOf(text.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The format a file name suggests: {@code .csv}, {@code .json}, otherwise NDJSON. */
    public static ImportFormat guess(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return CSV;
        }
        return name.endsWith(".json") ? JSON : NDJSON;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Opens {@code file} as this format.
     *
     * @param mapping the CSV mapping file, required for {@link #CSV}
     * @throws ImportSetupException when the file cannot be read, or the mapping is missing or invalid
     */
    public RecordSource open(Path file, Path mapping, int maxLineBytes) throws ImportSetupException {
        checkReadable(file, "input");
        try {
            InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
            boolean document =
                    file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
            return switch (this) {
                case NDJSON -> new NdjsonSource(in, maxLineBytes);
                case JSON -> new JsonDocumentSource(in);
                case FTM ->
                    new TranslatingSource(
                            document ? new JsonDocumentSource(in) : new NdjsonSource(in, maxLineBytes),
                            new FollowTheMoneyTranslator());
                case INTERPOL ->
                    new TranslatingSource(
                            document ? new JsonDocumentSource(in) : new NdjsonSource(in, maxLineBytes),
                            new InterpolNoticeTranslator());
                case CSV -> {
                    if (mapping == null) {
                        in.close();
                        throw new ImportSetupException(
                                ErrorCode.INVALID_MAPPING, "a CSV import needs a mapping file (--mapping)");
                    }
                    CsvSource csv = new CsvSource(in, readMapping(mapping), maxLineBytes);
                    try {
                        csv.readHeader();
                    } catch (ImportSetupException | IOException e) {
                        csv.close();
                        throw e;
                    }
                    yield csv;
                }
            };
        } catch (IOException e) {
            throw new ImportSetupException(
                    ErrorCode.UNREADABLE_INPUT,
                    "cannot read the input file: " + e.getClass().getSimpleName());
        }
    }

    private static CsvMapping readMapping(Path mapping) throws ImportSetupException {
        checkReadable(mapping, "mapping");
        JsonNode json;
        try {
            json = NdjsonSource.MAPPER.readTree(mapping.toFile());
        } catch (IOException e) {
            throw new ImportSetupException(ErrorCode.INVALID_MAPPING, "the mapping file is not valid JSON");
        }
        return CsvMapping.parse(json);
    }

    private static void checkReadable(Path file, String what) throws ImportSetupException {
        if (!Files.exists(file)) {
            throw new ImportSetupException(ErrorCode.UNREADABLE_INPUT, "the " + what + " file does not exist: " + file);
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new ImportSetupException(
                    ErrorCode.UNREADABLE_INPUT, "the " + what + " file is not a readable file: " + file);
        }
    }
}
