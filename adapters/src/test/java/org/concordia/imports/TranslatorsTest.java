package org.concordia.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.concordia.json.Decoded;
import org.concordia.json.RecordDecoder;
import org.concordia.model.ParticipantCode;
import org.concordia.model.Person;
import org.concordia.model.Record;
import org.concordia.model.RecordLink;
import org.concordia.model.TravelDocument;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TranslatorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static List<Record> translateAndDecode(Translator t, String json, String owner) throws Exception {
        Translation tr = t.translate(JSON.readTree(json));
        assertThat(tr).isInstanceOf(Translation.Records.class);
        RecordDecoder decoder = new RecordDecoder(new ParticipantCode(owner));
        return ((Translation.Records) tr)
                .records().stream()
                        .map(n -> {
                            Decoded d = decoder.decode(n);
                            assertThat(d).as(d.problems().toString()).isInstanceOf(Decoded.Accepted.class);
                            return ((Decoded.Accepted) d).record();
                        })
                        .toList();
    }

    @Nested
    class InterpolNotices {
        @Test
        void aNoticeBecomesAPersonWithItsSlashDateReadAsIso() throws Exception {
            List<Record> r = translateAndDecode(new InterpolNoticeTranslator(), """
                    {"entity_id": "2023/12345", "forename": "MOHAMED", "name": "ABDALLAH", "date_of_birth": "1980/05/12",
                     "nationalities": ["SY", "LB"], "sex_id": "M", "place_of_birth": "Aleppo", "height": 1.8}""", "INTERPOL");
            Person p = (Person) r.getFirst();
            assertThat(p.id().value()).isEqualTo("2023/12345");
            assertThat(p.owner().value()).isEqualTo("INTERPOL");
            assertThat(p.names().getFirst().given()).isEqualTo("MOHAMED");
            assertThat(p.names().getFirst().family()).isEqualTo("ABDALLAH");
            assertThat(p.birthDate().toString()).isEqualTo("1980-05-12");
            assertThat(p.nationalities()).extracting(c -> c.alpha3()).containsExactly("SYR", "LBN");
            assertThat(p.birthPlace()).isEqualTo("Aleppo");
        }

        @Test
        void anUnknownSexAndAYearOnlyDateStayUnknownAndPartial() throws Exception {
            Person p = (Person) translateAndDecode(
                            new InterpolNoticeTranslator(),
                            "{\"entity_id\":\"2020/1\",\"name\":\"DOE\",\"date_of_birth\":\"1975\",\"sex_id\":\"U\"}",
                            "INTERPOL")
                    .getFirst();
            assertThat(p.sex()).isNull();
            assertThat(p.birthDate().toString()).isEqualTo("1975");
        }

        @Test
        void aPageOfTheNoticesApiGivesOneRecordPerNotice() throws Exception {
            List<Record> r = translateAndDecode(new InterpolNoticeTranslator(), """
                    {"total": 2, "_embedded": {"notices": [
                      {"entity_id": "2021/1", "forename": "ANA", "name": "LOPEZ"},
                      {"entity_id": "2021/2", "forename": "IVAN", "name": "PETROV"}]}}""", "INTERPOL");
            assertThat(r).extracting(x -> x.id().value()).containsExactly("2021/1", "2021/2");
        }
    }

    @Nested
    class FollowTheMoney {
        @Test
        void aPersonEntityKeepsEveryNameAndItsDocuments() throws Exception {
            Person p = (Person) translateAndDecode(new FollowTheMoneyTranslator(), """
                    {"id": "ofac-123", "schema": "Person", "properties": {
                      "name": ["Viktor Bout"], "alias": ["Виктор Бут", "Viktor Bout"], "birthDate": ["1967-01-13"],
                      "gender": ["male"], "nationality": ["ru"], "passportNumber": ["21N0588227"]}}""", "EUROPOL")
                    .getFirst();
            assertThat(p.names()).extracting(n -> n.full()).containsExactly("Viktor Bout", "Виктор Бут");
            assertThat(p.names().get(1).script()).isEqualTo("Cyrl");
            assertThat(p.birthDate().toString()).isEqualTo("1967-01-13");
            assertThat(p.nationalities().getFirst().alpha3()).isEqualTo("RUS");
            assertThat(p.documents().getFirst().type()).isEqualTo("passport");
        }

        @Test
        void aPassportBecomesADocumentLinkedToItsHolder() throws Exception {
            List<Record> r = translateAndDecode(new FollowTheMoneyTranslator(), """
                    {"id": "pp-1", "schema": "Passport", "properties": {"number": ["X1234567"], "country": ["fr"], "holder": ["ofac-123"]}}""", "EUROPOL");
            assertThat(r.get(0)).isInstanceOf(TravelDocument.class);
            RecordLink link = (RecordLink) r.get(1);
            assertThat(link.from().value()).isEqualTo("ofac-123");
            assertThat(link.to().value()).isEqualTo("pp-1");
        }

        @Test
        void schemataTheModelDoesNotTakeAreSkippedNotRejected() throws Exception {
            JsonNode n = JSON.readTree("{\"id\":\"a\",\"schema\":\"Address\",\"properties\":{}}");
            assertThat(new FollowTheMoneyTranslator().translate(n)).isInstanceOf(Translation.Skip.class);
        }
    }
}
