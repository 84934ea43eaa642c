package org.concordia.imports;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;

/** The import report as JSON (the fields of {@link ImportReport}, in declaration order). */
public final class ImportReportJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private ImportReportJson() {}

    public static void write(ImportReport report, OutputStream out) throws IOException {
        MAPPER.writeValue(out, report);
    }

    /** Reads a report written by {@link #write} (what a node's import endpoint answers). */
    public static ImportReport read(byte[] json) throws IOException {
        return MAPPER.readValue(json, ImportReport.class);
    }

    public static String toJson(ImportReport report) {
        try {
            return MAPPER.writeValueAsString(report);
        } catch (IOException e) {
            throw new IllegalStateException("an import report always serialises", e);
        }
    }
}
