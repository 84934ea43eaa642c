package org.concordia.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.concordia.json.Decoded;
import org.concordia.json.RecordDecoder;
import org.concordia.model.RecordType;

/**
 * The published JSON Schemas of exchange model v1 ({@code docs/schema/v1}), loaded from the working
 * tree with their {@code $id} URIs mapped to the local files, and the decoder they must agree with.
 * Tests run with {@code adapters/} as working directory.
 */
final class Schemas {
    static final String BASE_URI = "https://concordia.example/schema/v1/";
    static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";
    static final Path DOCS = Path.of("..", "docs").toAbsolutePath().normalize();
    static final Path SCHEMA_DIR = DOCS.resolve("schema/v1");
    static final Path EXAMPLES = DOCS.resolve("examples");
    static final String RECORD_SCHEMA = "record.schema.json";

    static final ObjectMapper JSON = new ObjectMapper();

    /** No default owner: a record must name its owner, as on the wire between nodes. */
    static final RecordDecoder DECODER = new RecordDecoder(null);

    /**
     * Reads {@code $id}s under {@link #BASE_URI} from {@link #SCHEMA_DIR}; the 2020-12 meta-schemas come
     * bundled with the validator. Nothing is fetched over the network.
     */
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12, builder -> builder.schemas(Schemas::localSchema));

    private Schemas() {}

    /** The text of the local file an {@code $id} names, or null for other IRIs. */
    private static String localSchema(String iri) {
        if (!iri.startsWith(BASE_URI)) {
            return null;
        }
        Path file = SCHEMA_DIR.resolve(iri.substring(BASE_URI.length())).normalize();
        return file.startsWith(SCHEMA_DIR) && Files.isRegularFile(file) ? read(file) : null;
    }

    /** The schema published under {@code BASE_URI + fileName}, resolved from the local file. */
    static Schema schema(String fileName) {
        Schema s = REGISTRY.getSchema(SchemaLocation.of(BASE_URI + fileName));
        s.initializeValidators(); // resolves every $ref now, so a broken reference fails here
        return s;
    }

    /** The 2020-12 meta-schema (bundled with the validator, not fetched). */
    static Schema metaSchema() {
        return REGISTRY.getSchema(SchemaLocation.of(DRAFT_2020_12));
    }

    /** The schema errors of {@code json} against the schema in {@code fileName}, as readable lines. */
    static List<String> errors(String fileName, String json) {
        return schema(fileName).validate(json, InputFormat.JSON).stream()
                .map(Error::toString)
                .toList();
    }

    static Decoded decode(String json) {
        try {
            return DECODER.decode(JSON.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema file of a record type: {@code TravelDocument} is {@code travel-document.schema.json}. */
    static String fileOf(RecordType type) {
        return type.wireName().replaceAll("(?<=[a-z])(?=[A-Z])", "-").toLowerCase(Locale.ROOT) + ".schema.json";
    }

    static List<Path> schemaFiles() {
        return jsonFiles(SCHEMA_DIR);
    }

    static List<Path> jsonFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode tree(Path file) {
        try {
            return JSON.readTree(read(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
