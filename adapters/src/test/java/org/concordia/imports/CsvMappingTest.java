package org.concordia.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvMappingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static final String MAPPING = """
            {"type": "Person", "delimiter": ";",
             "fields": {
               "id": {"column": "REF"},
               "owner": {"value": "AFRIPOL"},
               "names/0/given": {"column": "PRENOM"},
               "names/0/family": {"column": "NOM"},
               "birthDate": {"column": "NAISSANCE", "dateFormats": ["dd/MM/yyyy", "MM/yyyy", "yyyy"]},
               "sex": {"column": "SEXE", "values": {"H": "M", "F": "F"}},
               "nationalities/-": {"column": "NATIONALITE", "split": ",", "values": {"gabonaise": "GAB"}},
               "documents/0/number": {"column": "PASSEPORT"},
               "documents/0/type": {"value": "passport"}}}""";

    static List<SourceItem> read(String mapping, String csv) throws Exception {
        CsvSource s = new CsvSource(
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                CsvMapping.parse(JSON.readTree(mapping)),
                1 << 20);
        s.readHeader();
        List<SourceItem> out = new ArrayList<>();
        SourceItem i;
        while ((i = s.next()) != null) {
            out.add(i);
        }
        return out;
    }

    @Test
    void mapsColumnsVocabulariesAndPerSourceDateFormatsIntoTheModel() throws Exception {
        List<SourceItem> items = read(
                MAPPING,
                "REF;NOM;PRENOM;NAISSANCE;SEXE;NATIONALITE;PASSEPORT\n"
                        + "A-1;Ndong;Jean-Marie;07/03/1984;H;gabonaise,Cameroun;GA 123\n"
                        + "A-2;Mba;Ada;03/1990;F;;\n");
        JsonNode first = ((SourceItem.Json) items.get(0)).json();
        assertThat(first.toString())
                .isEqualTo("{\"type\":\"Person\",\"id\":\"A-1\",\"names\":[{\"given\":\"Jean-Marie\","
                        + "\"family\":\"Ndong\"}],\"birthDate\":\"1984-03-07\",\"sex\":\"M\",\"nationalities\":[\"GAB\",\"Cameroun\"],"
                        + "\"documents\":[{\"number\":\"GA 123\",\"type\":\"passport\"}],\"owner\":\"AFRIPOL\"}");
        JsonNode second = ((SourceItem.Json) items.get(1)).json();
        assertThat(second.get("birthDate").asText()).isEqualTo("1990-03");
        assertThat(second.has("documents"))
                .as("no document when its columns are empty")
                .isFalse();
    }

    @Test
    void aRowWithTheWrongNumberOfCellsIsRejectedAndTheNextIsRead() throws Exception {
        List<SourceItem> items =
                read(MAPPING, "REF;NOM;PRENOM;NAISSANCE;SEXE;NATIONALITE;PASSEPORT\nA-1;x\nA-2;Mba;Ada;1990;F;;\n");
        assertThat(items.get(0)).isInstanceOf(SourceItem.Unreadable.class);
        assertThat(((SourceItem.Unreadable) items.get(0)).problem().code().code())
                .isEqualTo("invalid_csv");
        assertThat(items.get(1)).isInstanceOf(SourceItem.Json.class);
        assertThat(items.get(1).line()).isEqualTo(3);
    }

    @Test
    void aMappingThatReadsAColumnTheFileLacksIsRefusedBeforeReading() {
        assertThatThrownBy(() -> read(MAPPING, "REF;NOM\nA;B\n"))
                .isInstanceOf(ImportSetupException.class)
                .hasMessageContaining("PRENOM");
    }

    @Test
    void aMappingRuleNeedsExactlyOneOfColumnOrValue() {
        assertThatThrownBy(() -> CsvMapping.parse(JSON.readTree("{\"type\":\"Person\",\"fields\":{\"id\":{}}}")))
                .isInstanceOf(ImportSetupException.class)
                .extracting(e -> ((ImportSetupException) e).code().code())
                .isEqualTo("invalid_mapping");
    }
}
