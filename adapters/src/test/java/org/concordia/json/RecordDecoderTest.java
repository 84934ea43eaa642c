package org.concordia.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.concordia.model.Grading;
import org.concordia.model.Handling;
import org.concordia.model.HandlingCode;
import org.concordia.model.ParticipantCode;
import org.concordia.model.Person;
import org.concordia.model.Sex;
import org.concordia.model.TlpLabel;
import org.concordia.model.TravelDocument;
import org.concordia.problem.ErrorCode;
import org.concordia.problem.Problem;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecordDecoderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final RecordDecoder decoder = new RecordDecoder(null);

    private Decoded decode(String json) {
        try {
            return decoder.decode(JSON.readTree(json));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<ErrorCode> codes(Decoded d) {
        return d.problems().stream().map(Problem::code).toList();
    }

    @Nested
    class ThePublicPersonShape {
        @Test
        void isAcceptedWithEveryFieldRead() {
            Decoded d = decode("""
                    {"id": "R123", "type": "Person", "owner": "EUROPOL",
                     "names": [{"full": "محمد عبد الله", "given": "محمد", "family": "عبد الله", "script": "Arab"}],
                     "sex": "M", "birthDate": "1984-05", "birthPlace": "Riyadh", "nationalities": ["SA", "Jordan"],
                     "documents": [{"type": "passport", "number": "x 12-34", "country": "SAU"}]}""");
            assertThat(d).isInstanceOf(Decoded.Accepted.class);
            Person p = (Person) ((Decoded.Accepted) d).record();
            assertThat(p.owner()).isEqualTo(new ParticipantCode("EUROPOL"));
            assertThat(p.names().getFirst().full()).isEqualTo("محمد عبد الله");
            assertThat(p.names().getFirst().script()).isEqualTo("Arab");
            assertThat(p.sex()).isEqualTo(Sex.M);
            assertThat(p.birthDate().toString()).isEqualTo("1984-05");
            assertThat(p.nationalities()).extracting(c -> c.alpha3()).containsExactly("SAU", "JOR");
            assertThat(p.documents().getFirst().normalizedNumber()).isEqualTo("X1234");
            assertThat(p.documents().getFirst().number()).isEqualTo("x 12-34");
            assertThat(d.problems()).isEmpty();
        }

        @Test
        void takesDocumentedDefaultsForAnAbsentEnvelope() {
            Person p = (Person) ((Decoded.Accepted)
                            decode(
                                    "{\"id\":\"1\",\"type\":\"Person\",\"owner\":\"AFRIPOL\",\"names\":[\"Amina Diallo\"],\"sex\":null,\"birthDate\":null}"))
                    .record();
            assertThat(p.envelope().handling()).isEqualTo(new Handling(TlpLabel.AMBER, HandlingCode.H0, false));
            assertThat(p.envelope().grading()).isEqualTo(new Grading(Grading.Source.X, 4));
            assertThat(p.sex()).isNull();
            assertThat(p.birthDate()).isNull();
            assertThat(p.names().getFirst().script()).isEqualTo("Latn");
        }

        @Test
        void readsHandlingAndGradingInFullAndShortForms() {
            Person p = (Person) ((Decoded.Accepted)
                            decode(
                                    "{\"id\":\"1\",\"type\":\"Person\",\"owner\":\"GCCPOL\","
                                            + "\"handling\":{\"tlp\":\"TLP:AMBER+STRICT\",\"code\":\"H2\",\"hitOnly\":true},\"grading\":\"B2\",\"names\":[\"A B\"]}"))
                    .record();
            assertThat(p.envelope().handling()).isEqualTo(new Handling(TlpLabel.AMBER_STRICT, HandlingCode.H2, true));
            assertThat(p.envelope().grading().shortForm()).isEqualTo("B2");
        }

        @Test
        void needsAnOwnerUnlessTheImportGivesOne() {
            String json = "{\"id\":\"1\",\"type\":\"Person\",\"names\":[\"A B\"]}";
            assertThat(codes(decode(json))).containsExactly(ErrorCode.MISSING_FIELD);
            try {
                Decoded withDefault = new RecordDecoder(new ParticipantCode("INTERPOL")).decode(JSON.readTree(json));
                assertThat(((Decoded.Accepted) withDefault).record().owner().value())
                        .isEqualTo("INTERPOL");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }

    @Nested
    class Rejections {
        @ParameterizedTest(name = "{0}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "missing id|{\"type\":\"Person\",\"owner\":\"EUROPOL\"}|missing_field|/id",
                    "unknown type|{\"id\":\"1\",\"type\":\"Spaceship\",\"owner\":\"EUROPOL\"}|unknown_type|/type",
                    "impossible date|{\"id\":\"1\",\"type\":\"Person\",\"owner\":\"EUROPOL\",\"birthDate\":\"1984-02-30\"}|impossible_date|/birthDate",
                    "bad date|{\"id\":\"1\",\"type\":\"Person\",\"owner\":\"EUROPOL\",\"birthDate\":\"07/03/1984\"}|invalid_date|/birthDate",
                    "future birth|{\"id\":\"1\",\"type\":\"Person\",\"owner\":\"EUROPOL\",\"birthDate\":\"2999\"}|impossible_date|/birthDate",
                    "bad sex|{\"id\":\"1\",\"type\":\"Person\",\"owner\":\"EUROPOL\",\"sex\":\"Q\"}|invalid_sex|/sex",
                    "bad tlp|{\"id\":\"1\",\"type\":\"Person\",\"owner\":\"EUROPOL\",\"handling\":{\"tlp\":\"PURPLE\"}}|invalid_handling|/handling/tlp",
                    "empty name|{\"id\":\"1\",\"type\":\"Person\",\"owner\":\"EUROPOL\",\"names\":[{\"script\":\"Latn\"}]}|invalid_name|/names/0",
                    "bad owner|{\"id\":\"1\",\"type\":\"Person\",\"owner\":\"e u\"}|invalid_owner|/owner",
                    "bad vin|{\"id\":\"1\",\"type\":\"Vehicle\",\"owner\":\"EUROPOL\",\"vin\":\"1M8GDM9A1KP042788\"}|vin_check_digit|/vin",
                    "short vin|{\"id\":\"1\",\"type\":\"Vehicle\",\"owner\":\"EUROPOL\",\"vin\":\"ABC\"}|invalid_vin|/vin",
                    "bad mrz|{\"id\":\"1\",\"type\":\"TravelDocument\",\"owner\":\"EUROPOL\",\"mrz\":[\"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\",\"L898902C46UTO7408122F1204159ZE184226B<<<<<10\"]}|mrz_check_digit|/mrz",
                    "bad iccs|{\"id\":\"1\",\"type\":\"Case\",\"owner\":\"EUROPOL\",\"reference\":\"x\",\"crimeCategory\":\"99\"}|invalid_crime_category|/crimeCategory",
                    "bad link|{\"id\":\"1\",\"type\":\"Link\",\"owner\":\"EUROPOL\",\"kind\":\"friend\",\"from\":\"a\",\"to\":\"b\"}|invalid_link|/kind",
                    "not object|[1,2]|not_an_object|''"
                })
        void rejectsWithAStableCodeAtThePointer(String why, String json, String code, String pointer) {
            Decoded d = decode(json);
            assertThat(d).isInstanceOf(Decoded.Rejected.class);
            assertThat(d.problems())
                    .filteredOn(Problem::isError)
                    .extracting(p -> p.code().code() + " " + p.pointer())
                    .containsExactly(code + " " + pointer);
        }

        @Test
        void messagesNeverRepeatTheValuesTheyRejected() {
            Decoded d = decode(
                    "{\"id\":\"1\",\"type\":\"Person\",\"owner\":\"EUROPOL\",\"sex\":\"SECRETVALUE\","
                            + "\"birthDate\":\"1999-99-99\",\"nationalities\":[\"Wakandaland\"],\"names\":[{\"full\":\"Zed\",\"script\":\"Qqqq\"}]}");
            assertThat(d.problems()).isNotEmpty();
            assertThat(d.problems())
                    .allSatisfy(p -> assertThat(p.message())
                            .doesNotContain("SECRETVALUE", "1999", "Wakandaland", "Zed", "Qqqq"));
        }
    }

    @Nested
    class Warnings {
        @Test
        void keepAnUnknownCountryAsGivenAndAcceptTheRecord() {
            Decoded d = decode(
                    "{\"id\":\"1\",\"type\":\"Person\",\"owner\":\"EUROPOL\",\"names\":[\"A B\"],\"nationalities\":[\"Atlantis\",\"D\"]}");
            assertThat(d).isInstanceOf(Decoded.Accepted.class);
            assertThat(codes(d)).containsExactly(ErrorCode.UNKNOWN_COUNTRY);
            assertThat(d.problems().getFirst().pointer()).isEqualTo("/nationalities/0");
            Person p = (Person) ((Decoded.Accepted) d).record();
            assertThat(p.nationalities())
                    .extracting(c -> c.given() + "=" + c.alpha3())
                    .containsExactly("Atlantis=null", "D=DEU");
        }

        @Test
        void nameUnknownPropertiesWithoutRejecting() {
            Decoded d = decode(
                    "{\"id\":\"1\",\"type\":\"Person\",\"owner\":\"EUROPOL\",\"names\":[\"A B\"],\"shoeSize\":44}");
            assertThat(d).isInstanceOf(Decoded.Accepted.class);
            assertThat(d.problems()).extracting(Problem::pointer).containsExactly("/shoeSize");
        }
    }

    @Test
    void aTravelDocumentTakesItsParticularsFromAValidMrz() {
        Decoded d = decode(
                "{\"id\":\"D1\",\"type\":\"TravelDocument\",\"owner\":\"EUROPOL\",\"status\":\"stolen\","
                        + "\"mrz\":\"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\\nL898902C36UTO7408122F1204159ZE184226B<<<<<10\"}");
        TravelDocument t = (TravelDocument) ((Decoded.Accepted) d).record();
        assertThat(t.normalizedNumber()).isEqualTo("L898902C3");
        assertThat(t.holderNames().getFirst().normalized().tokens()).containsExactly("ERIKSSON", "ANNA", "MARIA");
        assertThat(t.holderBirthDate().toString()).isEqualTo("1974-08-12");
        assertThat(t.holderSex()).isEqualTo(Sex.F);
        assertThat(t.expiryDate().toString()).isEqualTo("2012-04-15");
    }

    @Test
    void encodingThenDecodingGivesTheSameRecord() {
        String json =
                "{\"id\":\"R9\",\"type\":\"Person\",\"owner\":\"ASEANAPOL\",\"handling\":\"RED\",\"purpose\":\"investigation\","
                        + "\"retainUntil\":\"2030-01-01\",\"names\":[{\"given\":\"สมชาย\",\"family\":\"ใจดี\"},\"Somchai Jaidee\"],"
                        + "\"sex\":\"M\",\"birthDate\":\"1975\",\"documents\":[{\"number\":\"AA 1\"}]}";
        var original = ((Decoded.Accepted) decode(json)).record();
        String encoded = new RecordEncoder().encode(original);
        var again = ((Decoded.Accepted) decode(encoded)).record();
        assertThat(again).isEqualTo(original);
        assertThat(new RecordEncoder().encode(again)).isEqualTo(encoded);
    }
}
