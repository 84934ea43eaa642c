package org.concordia.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concordia.schema.Schemas.RECORD_SCHEMA;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.concordia.json.Decoded;
import org.concordia.problem.ErrorCode;
import org.concordia.problem.Problem;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Forms the decoder accepts, alone or with a warning, are valid against the schemas too. */
class SchemaDecoderAgreementTest {
    private static void assertBothAccept(String json, ErrorCode... warnings) {
        assertThat(Schemas.errors(RECORD_SCHEMA, json)).as(json).isEmpty();
        Decoded decoded = Schemas.decode(json);
        assertThat(decoded).as(json + " -> " + decoded.problems()).isInstanceOf(Decoded.Accepted.class);
        assertThat(decoded.problems()).as(json).map(Problem::code).containsExactlyInAnyOrder(warnings);
        assertThat(decoded.problems()).allMatch(p -> !p.isError());
    }

    @Nested
    class ThePublicPersonShape {
        static Stream<Arguments> sexAndBirthDate() {
            List<Arguments> out = new ArrayList<>();
            for (String sex : new String[] {"M", "F", "X", null}) {
                for (String birth : new String[] {"1984", "1984-05", "1984-05-06", null}) {
                    out.add(Arguments.of(sex, birth));
                }
            }
            return out.stream();
        }

        @ParameterizedTest(name = "sex {0}, birthDate {1}")
        @MethodSource("sexAndBirthDate")
        void isValidAndAcceptedWithEverySexAndBirthDatePrecision(String sex, String birthDate) {
            ObjectNode p = Schemas.JSON.createObjectNode();
            p.put("id", "R123").put("type", "Person").put("owner", "EUROPOL");
            p.putArray("names")
                    .addObject()
                    .put("full", "كريم ناصر")
                    .put("given", "كريم")
                    .put("family", "ناصر")
                    .put("script", "Arab");
            p.put("sex", sex);
            p.put("birthDate", birthDate);
            p.put("birthPlace", "Alexandria");
            p.putArray("nationalities").add("EGY");
            ArrayNode documents = p.putArray("documents");
            documents
                    .addObject()
                    .put("type", "passport")
                    .put("number", "A12345678")
                    .put("country", "EGY");
            String json = p.toString();
            assertBothAccept(json);
            assertThat(Schemas.errors("person.schema.json", json)).isEmpty();
        }
    }

    @Nested
    class Shorthands {
        @ParameterizedTest
        @MethodSource("org.concordia.schema.SchemaDecoderAgreementTest#shorthands")
        void areValidAndAccepted(String json) {
            assertBothAccept(json);
        }
    }

    static Stream<String> shorthands() {
        return Stream.of(
                // handling as a TLP label, grading as its short form, names as plain strings
                """
                {"id": "R1", "type": "Person", "owner": "EUROPOL", "handling": "AMBER+STRICT", "grading": "C3",
                 "names": ["ABDALLAH, Mohamed", "محمد عبد الله"]}""",
                // handling and grading objects with members left to their defaults
                """
                {"id": "R1", "type": "Person", "owner": "EUROPOL", "names": ["Example"],
                 "handling": {"hitOnly": true}, "grading": {"source": "B"}}""",
                // a name object with only a family name
                """
                {"id": "R1", "type": "Person", "owner": "EUROPOL", "names": [{"family": "Novák"}]}""",
                // one value where a list is expected
                """
                {"id": "R1", "type": "Person", "owner": "EUROPOL", "names": {"given": "Jan", "family": "Novák"},
                 "nationalities": "CZE", "documents": {"type": "passport", "number": "40123456"}}""",
                // null for every optional field
                """
                {"id": "R1", "type": "Person", "owner": "EUROPOL", "names": ["Example"], "handling": null,
                 "grading": null, "purpose": null, "legalBasis": null, "created": null, "retainUntil": null,
                 "reviewBy": null, "schemaVersion": null, "sex": null, "birthDate": null, "birthPlace": null,
                 "nationalities": null, "documents": null}""",
                // instants with a zone offset and fractions of a second; a date for created
                """
                {"id": "R1", "type": "Person", "owner": "EUROPOL", "names": ["Example"],
                 "created": "2024-05-01T12:00:00.250+02:00", "retainUntil": "2030-01-31", "reviewBy": "2026-01-31"}""",
                """
                {"id": "R1", "type": "Case", "owner": "EUROPOL", "title": "Example", "created": "2024-05-01"}""",
                // a TravelDocument whose number comes from its MRZ, given as one string
                """
                {"id": "R1", "type": "TravelDocument", "owner": "EUROPOL", "issuingCountry": "SWE",
                 "mrz": "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\\nL898902C36UTO7408122F1204159ZE184226B<<<<<10"}""",
                // a Vehicle known by its plate only; an organisation with a single name
                """
                {"id": "R1", "type": "Vehicle", "owner": "EUROPOL", "plate": "AB-123-CD", "registrationCountry": "D"}""",
                """
                {"id": "R1", "type": "Organisation", "owner": "EUROPOL", "names": "Example Holdings Ltd"}""",
                // a Case known by its title only
                """
                {"id": "R1", "type": "Case", "owner": "EUROPOL", "title": "Example", "crimeCategory": "060131"}""");
    }

    @Nested
    class WhatTheDecoderOnlyWarnsAbout {
        @ParameterizedTest(name = "{1}")
        @MethodSource("org.concordia.schema.SchemaDecoderAgreementTest#warnings")
        void isValidAgainstTheSchema(String json, ErrorCode warning) {
            assertBothAccept(json, warning);
        }
    }

    static Stream<Arguments> warnings() {
        return Stream.of(
                Arguments.of("""
                        {"id": "R1", "type": "Person", "owner": "EUROPOL", "names": ["Example"], "eyeColour": "brown"}""", ErrorCode.UNKNOWN_PROPERTY),
                Arguments.of("""
                        {"id": "R1", "type": "Person", "owner": "EUROPOL", "names": ["Example"],
                         "handling": {"tlp": "RED", "caveat": "none"}}""", ErrorCode.UNKNOWN_PROPERTY),
                Arguments.of("""
                        {"id": "R1", "type": "Person", "owner": "EUROPOL", "names": [{"full": "Example", "alias": true}]}""", ErrorCode.UNKNOWN_PROPERTY),
                Arguments.of("""
                        {"id": "R1", "type": "Person", "owner": "EUROPOL", "names": ["Example"], "nationalities": ["Atlantis"]}""", ErrorCode.UNKNOWN_COUNTRY),
                Arguments.of("""
                        {"id": "R1", "type": "Person", "owner": "EUROPOL", "names": ["Example"],
                         "documents": [{"type": "library_card", "number": "X1"}]}""", ErrorCode.UNKNOWN_DOCUMENT_TYPE),
                Arguments.of("""
                        {"id": "R1", "type": "Person", "owner": "EUROPOL", "names": [{"full": "Example", "script": "Klingon"}]}""", ErrorCode.INVALID_VALUE),
                Arguments.of("""
                        {"id": "R1", "type": "Person", "owner": "EUROPOL", "sex": "F"}""", ErrorCode.NO_NAME),
                Arguments.of("""
                        {"id": "R1", "type": "TravelDocument", "owner": "EUROPOL", "number": "L898902C4", "issuingCountry": "SWE",
                         "mrz": ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"]}""", ErrorCode.MRZ_MISMATCH));
    }
}
