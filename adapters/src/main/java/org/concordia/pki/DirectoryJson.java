package org.concordia.pki;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.concordia.federation.Directory;
import org.concordia.federation.Participant;
import org.concordia.model.ParticipantCode;

/**
 * The JSON form of a {@link Directory}, version {@value #FORMAT}:
 *
 * <pre>{@code
 * {
 *   "format": "concordia-directory/1",
 *   "serial": 3,
 *   "issuedAt": "2026-11-30T10:00:00Z",
 *   "validUntil": "2027-11-30T10:00:00Z",           (left out when the directory does not expire)
 *   "participants": [
 *     {"code": "EUROPOL", "name": "...", "region": "Europe", "endpoint": "https://127.0.0.1:8444",
 *      "certificate": "-----BEGIN CERTIFICATE-----\n...", "capabilities": ["messages", "search"],
 *      "encryptionKey": "q1q..."}                  (left out for a participant that cannot be sent messages)
 *   ],
 *   "revokedSerials": ["9f3c..."]
 * }
 * }</pre>
 *
 * The encoding is deterministic (fields in this order, participants by code, capabilities and serials
 * sorted, two-space indentation, a final line break), but nothing depends on that: the signature
 * covers the file's exact bytes ({@link SignedDirectory}). Decoding is strict: unknown or missing
 * fields, duplicate keys and a different format are refused. Thread-safe.
 */
public final class DirectoryJson {
    public static final String FORMAT = "concordia-directory/1";
    private static final Set<String> TOP =
            Set.of("format", "serial", "issuedAt", "validUntil", "participants", "revokedSerials");
    private static final Set<String> ENTRY =
            Set.of("code", "name", "region", "endpoint", "certificate", "capabilities", "encryptionKey");
    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .build();
    private static final JsonFactory FACTORY = new JsonFactory();

    private DirectoryJson() {}

    /** The UTF-8 JSON form of {@code directory}. */
    public static byte[] encode(Directory directory) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n"));
            g.setPrettyPrinter(pretty);
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeNumberField("serial", directory.serial());
            g.writeStringField("issuedAt", directory.issuedAt().toString());
            if (directory.validUntil().isPresent()) {
                g.writeStringField("validUntil", directory.validUntil().get().toString());
            }
            g.writeArrayFieldStart("participants");
            List<Participant> sorted = new ArrayList<>(directory.participants());
            sorted.sort(Comparator.comparing(p -> p.code().value()));
            for (Participant p : sorted) {
                g.writeStartObject();
                g.writeStringField("code", p.code().value());
                g.writeStringField("name", p.name());
                g.writeStringField("region", p.region());
                g.writeStringField("endpoint", p.endpoint().toString());
                g.writeStringField("certificate", p.certificatePem());
                g.writeArrayFieldStart("capabilities");
                for (String c : new TreeSet<>(p.capabilities())) {
                    g.writeString(c);
                }
                g.writeEndArray();
                if (p.encryptionKey().isPresent()) {
                    g.writeStringField("encryptionKey", p.encryptionKey().get().base64());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("revokedSerials");
            for (String s : new TreeSet<>(directory.revokedSerials())) {
                g.writeString(s);
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.write('\n');
        return out.toByteArray();
    }

    /**
     * Reads the JSON form.
     *
     * @throws IllegalArgumentException when {@code json} is not a directory of this format; the
     *     message says which field, never a value
     */
    public static Directory decode(byte[] json) {
        JsonNode root;
        try (JsonParser p = MAPPER.createParser(json)) {
            root = MAPPER.readTree(p);
            if (p.nextToken() != null) {
                throw new IllegalArgumentException("directory: content after the JSON object");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("directory: not well-formed JSON", e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("directory: not a JSON object");
        }
        onlyFields(root, TOP, "directory");
        if (!FORMAT.equals(text(root, "format", "directory"))) {
            throw new IllegalArgumentException("directory: format is not " + FORMAT);
        }
        JsonNode serial = root.get("serial");
        if (serial == null || !serial.isIntegralNumber() || !serial.canConvertToLong()) {
            throw new IllegalArgumentException("directory: serial must be an integer");
        }
        Instant issuedAt = instant(text(root, "issuedAt", "directory"), "issuedAt");
        Optional<Instant> validUntil = root.has("validUntil")
                ? Optional.of(instant(text(root, "validUntil", "directory"), "validUntil"))
                : Optional.empty();
        List<Participant> participants = new ArrayList<>();
        int i = 0;
        for (JsonNode entry : array(root, "participants", "directory")) {
            participants.add(participant(entry, "participants/" + i++));
        }
        Set<String> revoked = new HashSet<>();
        for (JsonNode s : array(root, "revokedSerials", "directory")) {
            if (!s.isTextual()) {
                throw new IllegalArgumentException("directory: revokedSerials must hold strings");
            }
            revoked.add(s.textValue());
        }
        try {
            return new Directory(serial.longValue(), issuedAt, validUntil, participants, revoked);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("directory: " + e.getMessage(), e);
        }
    }

    private static Participant participant(JsonNode entry, String where) {
        if (!entry.isObject()) {
            throw new IllegalArgumentException(where + ": not an object");
        }
        onlyFields(entry, ENTRY, where);
        ParticipantCode code = ParticipantCode.parse(text(entry, "code", where));
        if (code == null || !code.value().equals(entry.get("code").textValue())) {
            throw new IllegalArgumentException(where + "/code: not a participant code");
        }
        URI endpoint;
        try {
            endpoint = new URI(text(entry, "endpoint", where));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(where + "/endpoint: not a URI", e);
        }
        Set<String> capabilities = new HashSet<>();
        for (JsonNode c : array(entry, "capabilities", where)) {
            if (!c.isTextual()) {
                throw new IllegalArgumentException(where + "/capabilities: must hold strings");
            }
            capabilities.add(c.textValue());
        }
        try {
            return new Participant(
                    code,
                    text(entry, "name", where),
                    text(entry, "region", where),
                    endpoint,
                    text(entry, "certificate", where),
                    capabilities,
                    entry.has("encryptionKey")
                            ? Optional.of(
                                    new org.concordia.federation.EncryptionKey(text(entry, "encryptionKey", where)))
                            : Optional.empty());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static void onlyFields(JsonNode node, Set<String> allowed, String where) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw new IllegalArgumentException(where + ": unknown field");
            }
        }
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException(where + "/" + field + ": missing or not a string");
        }
        return v.textValue();
    }

    private static JsonNode array(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || !v.isArray()) {
            throw new IllegalArgumentException(where + "/" + field + ": missing or not an array");
        }
        return v;
    }

    private static Instant instant(String text, String field) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("directory/" + field + ": not an RFC 3339 UTC instant", e);
        }
    }
}
