package org.concordia.generator;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes drafts as exchange-model v1 JSON, one record a line, UTF-8, fields in a fixed order and
 * absent values left out. Jackson's generator does the escaping.
 */
final class DraftWriter {
    // No separator between root values: each record ends with its own newline instead.
    private static final JsonFactory FACTORY = new JsonFactoryBuilder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .rootValueSeparator((String) null)
            .build();

    private final JsonGenerator g;

    /** Writes to {@code out}, which stays open. */
    DraftWriter(OutputStream out) throws IOException {
        this.g = FACTORY.createGenerator(out, JsonEncoding.UTF8);
    }

    void write(String id, Draft d) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", id);
        g.writeStringField("type", "Person");
        g.writeStringField("owner", d.owner().name());
        g.writeObjectFieldStart("handling");
        g.writeStringField("tlp", d.tlp());
        g.writeStringField("code", d.handlingCode());
        g.writeBooleanField("hitOnly", d.hitOnly());
        g.writeEndObject();
        g.writeArrayFieldStart("names");
        for (Draft.Name n : d.names()) {
            g.writeStartObject();
            string("full", n.full());
            string("given", n.given());
            string("family", n.family());
            string("script", n.script());
            g.writeEndObject();
        }
        g.writeEndArray();
        string("sex", d.sex());
        string("birthDate", d.birthDate());
        string("birthPlace", d.birthPlace());
        if (!d.nationalities().isEmpty()) {
            g.writeArrayFieldStart("nationalities");
            for (String n : d.nationalities()) {
                g.writeString(n);
            }
            g.writeEndArray();
        }
        if (!d.documents().isEmpty()) {
            g.writeArrayFieldStart("documents");
            for (Draft.Document doc : d.documents()) {
                g.writeStartObject();
                g.writeStringField("type", doc.type());
                g.writeStringField("number", doc.number());
                string("country", doc.country());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
        g.writeRaw('\n');
    }

    /** Flushes what is buffered to the stream, which stays open. */
    void finish() throws IOException {
        g.close();
    }

    private void string(String field, String value) throws IOException {
        if (value != null) {
            g.writeStringField(field, value);
        }
    }
}
