package org.concordia.imports;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.concordia.problem.ErrorCode;
import org.concordia.problem.Problem;

/**
 * Newline-delimited JSON, one record per line, UTF-8, given out as {@link SourceItem.Raw} lines for
 * the importer to parse in parallel. A line that is too long, not UTF-8 or not JSON
 * is reported and skipped; the lines around it are read as usual. Blank lines are ignored.
 */
public final class NdjsonSource implements RecordSource {
    /** Default longest line: 1 MiB is far above any record of the model. */
    public static final int DEFAULT_MAX_LINE_BYTES = 1 << 20;

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final InputStream in;
    private final ByteLineReader lines;
    private final int maxLineBytes;

    public NdjsonSource(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
        this.lines = new ByteLineReader(in, maxLineBytes, StandardCharsets.UTF_8);
    }

    @Override
    public SourceItem next() throws IOException {
        while (true) {
            ByteLineReader.Line line = lines.next();
            if (line == null) {
                return null;
            }
            switch (line) {
                case ByteLineReader.Line.TooLong t -> {
                    return new SourceItem.Unreadable(
                            t.number(),
                            Problem.error(
                                    ErrorCode.LINE_TOO_LONG,
                                    "",
                                    "line is longer than " + maxLineBytes + " bytes; skipped"));
                }
                case ByteLineReader.Line.BadEncoding b -> {
                    return new SourceItem.Unreadable(
                            b.number(),
                            Problem.error(
                                    ErrorCode.INVALID_ENCODING,
                                    "",
                                    "line is not valid UTF-8; files must be UTF-8 encoded"));
                }
                case ByteLineReader.Line.Text t -> {
                    if (!t.text().isBlank()) {
                        return new SourceItem.Raw(t.number(), t.text());
                    }
                }
            }
        }
    }

    static SourceItem parse(long lineNumber, String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            return new SourceItem.Json(lineNumber, node);
        } catch (JacksonException e) {
            int column = e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
            return new SourceItem.Unreadable(
                    lineNumber,
                    Problem.error(
                            ErrorCode.MALFORMED_JSON,
                            "",
                            "not valid JSON" + (column > 0 ? " (at column " + column + ")" : "")));
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
