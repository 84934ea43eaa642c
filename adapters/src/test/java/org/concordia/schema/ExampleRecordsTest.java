package org.concordia.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concordia.schema.Schemas.EXAMPLES;
import static org.concordia.schema.Schemas.RECORD_SCHEMA;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.concordia.json.Decoded;
import org.concordia.model.RecordType;
import org.concordia.problem.ErrorCode;
import org.concordia.problem.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The published examples ({@code docs/examples}) and the two readers of the model, the JSON Schemas
 * and the decoder, agree on each of them.
 *
 * <ul>
 *   <li>{@code valid/}: both accept;
 *   <li>{@code invalid/}: both reject; the file name starts with the error code the decoder gives,
 *       then {@code --} and a description ({@code unknown_type--alert-is-not-a-v1-type.json});
 *   <li>{@code invalid/beyond-schema/}: the decoder rejects what the schema cannot see (days that do
 *       not exist, dates after today, check digits, numbers and names without letters), so the schema
 *       accepts them: if a schema learns to reject one, move the file up to {@code invalid/}.
 * </ul>
 */
class ExampleRecordsTest {
    /**
     * Warnings the valid examples are allowed: ICAO's specimen documents are issued by Utopia (UTO), a
     * state that does not exist, so its code is kept with a warning.
     */
    private static final Map<String, Set<ErrorCode>> EXPECTED_WARNINGS = Map.of(
            "travel-document-td3-specimen.json", Set.of(ErrorCode.UNKNOWN_COUNTRY),
            "travel-document-td1-specimen.json", Set.of(ErrorCode.UNKNOWN_COUNTRY));

    static Stream<Path> validExamples() {
        return Schemas.jsonFiles(EXAMPLES.resolve("valid")).stream();
    }

    static Stream<Path> invalidExamples() {
        return Schemas.jsonFiles(EXAMPLES.resolve("invalid")).stream();
    }

    static Stream<Path> beyondSchemaExamples() {
        return Schemas.jsonFiles(EXAMPLES.resolve("invalid/beyond-schema")).stream();
    }

    /** The error code an invalid example is named for. */
    private static ErrorCode expectedCode(Path file) {
        String name = file.getFileName().toString();
        assertThat(name)
                .as("invalid examples are named <error_code>--<description>.json")
                .contains("--");
        return ErrorCode.valueOf(name.substring(0, name.indexOf("--")).toUpperCase(Locale.ROOT));
    }

    @ParameterizedTest
    @MethodSource("validExamples")
    void validExampleIsValidAgainstTheRecordSchemaAndItsTypeSchema(Path file) {
        String json = Schemas.read(file);
        assertThat(Schemas.errors(RECORD_SCHEMA, json))
                .as(file.getFileName().toString())
                .isEmpty();
        RecordType type = RecordType.fromWireName(
                        Schemas.tree(file).path("type").asText())
                .orElseThrow();
        assertThat(Schemas.errors(Schemas.fileOf(type), json))
                .as(file.getFileName().toString())
                .isEmpty();
    }

    @ParameterizedTest
    @MethodSource("validExamples")
    void validExampleIsAcceptedByTheDecoderWithoutUnexpectedWarnings(Path file) {
        String name = file.getFileName().toString();
        Decoded decoded = Schemas.decode(Schemas.read(file));
        assertThat(decoded).as(name + ": " + decoded.problems()).isInstanceOf(Decoded.Accepted.class);
        assertThat(decoded.problems())
                .as(name)
                .map(Problem::code)
                .isSubsetOf(EXPECTED_WARNINGS.getOrDefault(name, Set.of()));
    }

    @Test
    void everyRecordTypeHasAValidExample() {
        Set<String> types = Set.copyOf(
                validExamples().map(f -> Schemas.tree(f).path("type").asText()).toList());
        assertThat(types)
                .containsExactlyInAnyOrder(Arrays.stream(RecordType.values())
                        .map(RecordType::wireName)
                        .toArray(String[]::new));
    }

    @ParameterizedTest
    @MethodSource("invalidExamples")
    void invalidExampleIsRejectedByTheRecordSchema(Path file) {
        assertThat(Schemas.errors(RECORD_SCHEMA, Schemas.read(file)))
                .as(file.getFileName().toString())
                .isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("invalidExamples")
    void invalidExampleIsRejectedByTheDecoderWithTheCodeInItsName(Path file) {
        assertRejectedWith(file, expectedCode(file));
    }

    @ParameterizedTest
    @MethodSource("beyondSchemaExamples")
    void beyondSchemaExampleIsValidAgainstTheSchemaYetRejectedByTheDecoder(Path file) {
        assertThat(Schemas.errors(RECORD_SCHEMA, Schemas.read(file)))
                .as(file.getFileName() + " is rejected by the schema now: move it to docs/examples/invalid")
                .isEmpty();
        assertRejectedWith(file, expectedCode(file));
    }

    @Test
    void thereAreInvalidExamplesOfBothKinds() {
        assertThat(invalidExamples()).hasSizeGreaterThanOrEqualTo(10);
        assertThat(beyondSchemaExamples().map(ExampleRecordsTest::expectedCode))
                .contains(ErrorCode.IMPOSSIBLE_DATE, ErrorCode.MRZ_CHECK_DIGIT, ErrorCode.VIN_CHECK_DIGIT);
    }

    private static void assertRejectedWith(Path file, ErrorCode code) {
        Decoded decoded = Schemas.decode(Schemas.read(file));
        assertThat(decoded).as(file.getFileName().toString()).isInstanceOf(Decoded.Rejected.class);
        assertThat(decoded.problems()).as(file.getFileName().toString()).anyMatch(p -> p.code() == code && p.isError());
    }
}
