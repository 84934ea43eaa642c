package org.concordia.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concordia.schema.Schemas.BASE_URI;
import static org.concordia.schema.Schemas.DRAFT_2020_12;
import static org.concordia.schema.Schemas.SCHEMA_DIR;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.InputFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.concordia.json.Decoded;
import org.concordia.model.Grading;
import org.concordia.model.Handling;
import org.concordia.model.HandlingCode;
import org.concordia.model.LinkKind;
import org.concordia.model.RecordType;
import org.concordia.model.Sex;
import org.concordia.model.TlpLabel;
import org.concordia.problem.ErrorCode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The schema files themselves: well-formed 2020-12 schemas that say what the model's code says. */
class PublishedSchemaTest {
    static Stream<Path> schemaFiles() {
        return Schemas.schemaFiles().stream();
    }

    private static JsonNode common() {
        return Schemas.tree(SCHEMA_DIR.resolve("common.schema.json"));
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.isNull() ? null : n.asText()));
        return out;
    }

    @Nested
    class EachSchemaFile {
        @ParameterizedTest
        @MethodSource("org.concordia.schema.PublishedSchemaTest#schemaFiles")
        void isValidAgainstTheDraft202012MetaSchema(Path file) {
            assertThat(Schemas.metaSchema().validate(Schemas.read(file), InputFormat.JSON))
                    .as(file.getFileName().toString())
                    .isEmpty();
        }

        @ParameterizedTest
        @MethodSource("org.concordia.schema.PublishedSchemaTest#schemaFiles")
        void declaresDraft202012AnIdUnderTheV1BaseATitleAndADescription(Path file) {
            JsonNode schema = Schemas.tree(file);
            assertThat(schema.path("$schema").asText()).isEqualTo(DRAFT_2020_12);
            assertThat(schema.path("$id").asText()).isEqualTo(BASE_URI + file.getFileName());
            assertThat(schema.path("title").asText()).isNotBlank();
            assertThat(schema.path("description").asText()).isNotBlank();
        }

        @ParameterizedTest
        @MethodSource("org.concordia.schema.PublishedSchemaTest#schemaFiles")
        void resolvesEveryReferenceFromTheLocalFiles(Path file) {
            // initializeValidators() follows every $ref; an unresolvable one throws
            assertThat(Schemas.schema(file.getFileName().toString())).isNotNull();
        }

        @ParameterizedTest
        @MethodSource("org.concordia.schema.PublishedSchemaTest#schemaFiles")
        void neverForbidsUnknownProperties(Path file) {
            // the decoder only warns about unknown properties, so no schema may reject them
            String text = Schemas.read(file);
            assertThat(text).doesNotContain("additionalProperties").doesNotContain("unevaluatedProperties");
        }
    }

    @Test
    void metaSchemaCheckCatchesABrokenSchema() {
        // so that the check above cannot pass by validating nothing
        assertThat(Schemas.metaSchema().validate("{\"type\": \"strin\", \"minLength\": -1}", InputFormat.JSON))
                .isNotEmpty();
    }

    @ParameterizedTest
    @EnumSource(RecordType.class)
    void examplesEmbeddedInATypeSchemaAreValidAndAccepted(RecordType type) {
        String file = Schemas.fileOf(type);
        for (JsonNode example : Schemas.tree(SCHEMA_DIR.resolve(file)).path("examples")) {
            assertThat(Schemas.errors(file, example.toString()))
                    .as(example.toString())
                    .isEmpty();
            assertThat(Schemas.decode(example.toString())).isInstanceOf(Decoded.Accepted.class);
        }
    }

    @ParameterizedTest
    @EnumSource(RecordType.class)
    void everyRecordTypeHasItsOwnSchemaAndABranchInTheRecordSchema(RecordType type) {
        Path file = SCHEMA_DIR.resolve(Schemas.fileOf(type));
        assertThat(file).exists();
        assertThat(Schemas.tree(file).at("/properties/type/const").asText()).isEqualTo(type.wireName());

        JsonNode branches =
                Schemas.tree(SCHEMA_DIR.resolve(Schemas.RECORD_SCHEMA)).path("allOf");
        List<String> dispatched = new ArrayList<>();
        branches.forEach(b -> {
            if (b.at("/if/properties/type/const").asText().equals(type.wireName())) {
                dispatched.add(b.at("/then/$ref").asText());
            }
        });
        assertThat(dispatched).containsExactly(Schemas.fileOf(type));
    }

    @Test
    void schemaDirectoryHoldsOneFilePerRecordTypePlusCommonAndRecord() {
        List<String> expected = new ArrayList<>(
                Arrays.stream(RecordType.values()).map(Schemas::fileOf).toList());
        expected.add("common.schema.json");
        expected.add(Schemas.RECORD_SCHEMA);
        assertThat(Schemas.schemaFiles())
                .map(p -> p.getFileName().toString())
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Nested
    class EnumerationsMatchTheModel {
        @Test
        void recordTypes() {
            assertThat(texts(common().at("/$defs/recordType/enum")))
                    .containsExactly(Arrays.stream(RecordType.values())
                            .map(RecordType::wireName)
                            .toArray(String[]::new));
        }

        @Test
        void tlpLabels() {
            assertThat(texts(common().at("/$defs/tlpLabel/enum")))
                    .containsExactly(Arrays.stream(TlpLabel.values())
                            .map(TlpLabel::wireName)
                            .toArray(String[]::new));
        }

        @Test
        void handlingCodes() {
            assertThat(texts(common().at("/$defs/handlingCode/enum")))
                    .containsExactly(
                            Arrays.stream(HandlingCode.values()).map(Enum::name).toArray(String[]::new));
        }

        @Test
        void gradingSourcesAndInformationRange() {
            assertThat(texts(common().at("/$defs/gradingSource/enum")))
                    .containsExactly(Arrays.stream(Grading.Source.values())
                            .map(Enum::name)
                            .toArray(String[]::new));
            assertThat(common().at("/$defs/gradingInformation/minimum").asInt()).isEqualTo(1);
            assertThat(common().at("/$defs/gradingInformation/maximum").asInt()).isEqualTo(4);
        }

        @Test
        void sexes() {
            assertThat(texts(common().at("/$defs/sex/enum")))
                    .containsExactly(Arrays.stream(Sex.values()).map(Enum::name).toArray(String[]::new));
        }

        @Test
        void linkKinds() {
            JsonNode link = Schemas.tree(SCHEMA_DIR.resolve("link.schema.json"));
            assertThat(texts(link.at("/properties/kind/enum")))
                    .containsExactly(Arrays.stream(LinkKind.values())
                            .map(LinkKind::wireName)
                            .toArray(String[]::new));
        }

        @Test
        void everyListedDocumentTypeIsOneTheDecoderKnows() {
            for (String type : texts(common().at("/$defs/documentType/anyOf/0/enum"))) {
                Decoded d = Schemas.decode("""
                        {"id": "R1", "type": "Person", "owner": "EUROPOL", "names": ["Example"],
                         "documents": [{"type": "%s", "number": "X1"}]}""".formatted(type));
                assertThat(d).as(type).isInstanceOf(Decoded.Accepted.class);
                assertThat(d.problems()).as(type).isEmpty();
            }
        }

        @Test
        void everyListedTravelDocumentStatusIsAcceptedByTheDecoder() {
            JsonNode td = Schemas.tree(SCHEMA_DIR.resolve("travel-document.schema.json"));
            List<String> statuses = texts(td.at("/properties/status/anyOf/0/enum"));
            assertThat(statuses).containsExactly("valid", "lost", "stolen", "revoked", "invalidated", "expired");
            for (String status : statuses) {
                Decoded d = Schemas.decode("""
                        {"id": "R1", "type": "TravelDocument", "owner": "EUROPOL", "number": "X1", "status": "%s"}""".formatted(status));
                assertThat(d).as(status).isInstanceOf(Decoded.Accepted.class);
            }
        }
    }

    @Nested
    class DefaultsMatchTheDecoder {
        private Decoded.Accepted minimalPerson() {
            Decoded d = Schemas.decode("""
                    {"id": "R1", "type": "Person", "owner": "EUROPOL", "names": ["Example"]}""");
            assertThat(d).isInstanceOf(Decoded.Accepted.class);
            return (Decoded.Accepted) d;
        }

        @Test
        void handlingDefaultsToAmberH0NotHitOnly() {
            JsonNode def = common().at("/$defs/handling/default");
            Handling decoded = minimalPerson().record().envelope().handling();
            assertThat(decoded).isEqualTo(Handling.DEFAULT);
            assertThat(def.path("tlp").asText()).isEqualTo(decoded.tlp().wireName());
            assertThat(def.path("code").asText()).isEqualTo(decoded.code().name());
            assertThat(def.path("hitOnly").asBoolean(true)).isEqualTo(decoded.hitOnly());
        }

        @Test
        void gradingDefaultsToX4() {
            JsonNode def = common().at("/$defs/grading/default");
            Grading decoded = minimalPerson().record().envelope().grading();
            assertThat(decoded).isEqualTo(Grading.DEFAULT);
            assertThat(def.path("source").asText()).isEqualTo(decoded.source().name());
            assertThat(def.path("information").asInt()).isEqualTo(decoded.information());
        }

        @Test
        void aTlpShorthandKeepsTheDefaultCodeAndIsNotHitOnly() {
            Decoded d = Schemas.decode("""
                    {"id": "R1", "type": "Person", "owner": "EUROPOL", "names": ["Example"], "handling": "RED"}""");
            assertThat(((Decoded.Accepted) d).record().envelope().handling())
                    .isEqualTo(new Handling(TlpLabel.RED, HandlingCode.H0, false));
        }

        @Test
        void schemaVersionIsOne() {
            assertThat(common().at("/$defs/schemaVersion/default").asText()).isEqualTo("1");
            assertThat(Schemas.decode("""
                    {"id": "R1", "type": "Person", "owner": "EUROPOL", "schemaVersion": "2"}"""))
                    .isInstanceOfSatisfying(
                            Decoded.Rejected.class,
                            r -> assertThat(r.problems())
                                    .anyMatch(p -> p.code() == ErrorCode.INVALID_VALUE
                                            && p.pointer().equals("/schemaVersion")));
        }
    }
}
