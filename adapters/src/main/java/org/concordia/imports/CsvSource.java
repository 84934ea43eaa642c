package org.concordia.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.concordia.problem.ErrorCode;
import org.concordia.problem.Problem;

/**
 * CSV rows (RFC 4180 quoting, one record per line, a header line first) turned into records by a
 * {@link CsvMapping}. Each line is decoded on its own in the mapping's encoding, so a wrongly encoded
 * line is reported and the others are kept.
 */
public final class CsvSource implements RecordSource {
    private final InputStream in;
    private final ByteLineReader lines;
    private final CsvMapping mapping;
    private final CSVFormat format;
    private List<String> header;

    public CsvSource(InputStream in, CsvMapping mapping, int maxLineBytes) {
        this.in = in;
        this.lines = new ByteLineReader(in, maxLineBytes, mapping.charset());
        this.mapping = mapping;
        this.format =
                CSVFormat.RFC4180.builder().setDelimiter(mapping.delimiter()).get();
    }

    /** Reads the header and checks that every mapped column is present. */
    public void readHeader() throws IOException, ImportSetupException {
        ByteLineReader.Line first = lines.next();
        if (!(first instanceof ByteLineReader.Line.Text t) || t.text().isBlank()) {
            throw new ImportSetupException(ErrorCode.INVALID_CSV, "the CSV file has no readable header line");
        }
        header = cells(t.text()).stream().map(String::strip).toList();
        for (String c : mapping.columns()) {
            if (!header.contains(c)) {
                throw new ImportSetupException(
                        ErrorCode.INVALID_MAPPING,
                        "the mapping reads column \"" + c + "\", which the CSV header lacks");
            }
        }
    }

    @Override
    public SourceItem next() throws IOException {
        if (header == null) {
            throw new IllegalStateException("readHeader() first");
        }
        while (true) {
            ByteLineReader.Line line = lines.next();
            if (line == null) {
                return null;
            }
            switch (line) {
                case ByteLineReader.Line.TooLong t -> {
                    return new SourceItem.Unreadable(
                            t.number(), Problem.error(ErrorCode.LINE_TOO_LONG, "", "line is too long; skipped"));
                }
                case ByteLineReader.Line.BadEncoding b -> {
                    return new SourceItem.Unreadable(
                            b.number(),
                            Problem.error(
                                    ErrorCode.INVALID_ENCODING,
                                    "",
                                    "line is not valid " + mapping.charset().name()));
                }
                case ByteLineReader.Line.Text t -> {
                    if (t.text().isBlank()) {
                        continue;
                    }
                    List<String> cells;
                    try {
                        cells = cells(t.text());
                    } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
                        return new SourceItem.Unreadable(
                                t.number(), Problem.error(ErrorCode.INVALID_CSV, "", "line is not valid CSV"));
                    }
                    if (cells.size() != header.size()) {
                        return new SourceItem.Unreadable(
                                t.number(),
                                Problem.error(
                                        ErrorCode.INVALID_CSV,
                                        "",
                                        "line has " + cells.size() + " cells, the header " + header.size()));
                    }
                    Map<String, String> row = new HashMap<>();
                    for (int i = 0; i < header.size(); i++) {
                        row.put(header.get(i), cells.get(i));
                    }
                    return new SourceItem.Json(t.number(), mapping.toRecord(row));
                }
            }
        }
    }

    private List<String> cells(String line) throws IOException {
        try (CSVParser p = CSVParser.parse(new StringReader(line), format)) {
            List<CSVRecord> records = p.getRecords();
            if (records.size() != 1) {
                throw new IllegalStateException("one CSV record per line");
            }
            return records.getFirst().toList();
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
