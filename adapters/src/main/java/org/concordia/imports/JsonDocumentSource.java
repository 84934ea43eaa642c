package org.concordia.imports;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import org.concordia.problem.ErrorCode;
import org.concordia.problem.Problem;

/**
 * A JSON document holding one record or an array of records, read as a stream (the array is never
 * held whole). A syntax error ends the document: what came before it is kept.
 */
public final class JsonDocumentSource implements RecordSource {
    private final JsonParser parser;
    private boolean started;
    private boolean inArray;
    private boolean done;

    public JsonDocumentSource(InputStream in) throws IOException {
        this.parser = NdjsonSource.MAPPER.createParser(in);
    }

    @Override
    public SourceItem next() throws IOException {
        if (done) {
            return null;
        }
        long line = 0;
        try {
            if (!started) {
                started = true;
                JsonToken t = parser.nextToken();
                if (t == null) {
                    done = true;
                    return null;
                }
                if (t == JsonToken.START_ARRAY) {
                    inArray = true;
                } else {
                    done = true;
                    line = parser.currentLocation().getLineNr();
                    JsonNode node = parser.readValueAsTree();
                    return new SourceItem.Json(line, node);
                }
            }
            JsonToken t = parser.nextToken();
            if (t == null || t == JsonToken.END_ARRAY) {
                done = true;
                return null;
            }
            line = parser.currentLocation().getLineNr();
            JsonNode node = parser.readValueAsTree();
            return new SourceItem.Json(line, node);
        } catch (JacksonException e) {
            done = true;
            long at = e.getLocation() == null ? line : e.getLocation().getLineNr();
            return new SourceItem.Unreadable(
                    at,
                    Problem.error(
                            ErrorCode.MALFORMED_JSON,
                            "",
                            "not valid JSON from here on; the rest of the document was not read"));
        }
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
