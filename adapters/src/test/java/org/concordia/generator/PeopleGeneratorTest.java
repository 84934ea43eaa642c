package org.concordia.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.concordia.json.Decoded;
import org.concordia.json.RecordDecoder;
import org.concordia.normalize.Scripts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeopleGeneratorTest {
    private static final int PEOPLE = 2_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path shared;

    private static Path out;
    private static GenerationSummary summary;
    private static List<String> lines;
    private static List<JsonNode> records;
    private static Map<String, String> personOf;

    @BeforeAll
    static void generate() throws IOException {
        out = shared.resolve("seed-7");
        summary = new PeopleGenerator(7).write(PEOPLE, out);
        lines = Files.readAllLines(out.resolve(PeopleGenerator.RECORDS_FILE), StandardCharsets.UTF_8);
        records = new ArrayList<>();
        for (String line : lines) {
            records.add(JSON.readTree(line));
        }
        personOf = new HashMap<>();
        for (String[] row : csv(out.resolve(PeopleGenerator.TRUTH_FILE), "record_id,person_id")) {
            assertThat(personOf.put(row[0], row[1]))
                    .as("record %s listed once", row[0])
                    .isNull();
        }
    }

    @Test
    void inMemoryRecordsAreTheDecodedRecordsOfTheWrittenFile() throws IOException {
        java.io.ByteArrayOutputStream written = new java.io.ByteArrayOutputStream();
        java.io.OutputStream none = java.io.OutputStream.nullOutputStream();
        GenerationSummary g = new PeopleGenerator(5).write(40, written, none, none);

        var records = new PeopleGenerator(5).records(40);

        assertThat((long) records.size()).isEqualTo(g.records());
        String firstLine =
                written.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
        assertThat(records.getFirst().id().value())
                .isEqualTo(new ObjectMapper().readTree(firstLine).path("id").asText());
    }

    @Test
    void readTruthGivesThePersonOfEveryRecordInFileOrder() throws IOException {
        Map<String, String> read = PeopleGenerator.readTruth(out);
        assertThat(read).isEqualTo(personOf);
        assertThat(read.keySet())
                .containsExactlyElementsOf(
                        records.stream().map(r -> r.get("id").asText()).toList());
    }

    @Test
    void sameSeedAndCountGiveByteIdenticalFiles(@TempDir Path again) throws IOException {
        new PeopleGenerator(7).write(PEOPLE, again);
        for (String file :
                List.of(PeopleGenerator.RECORDS_FILE, PeopleGenerator.TRUTH_FILE, PeopleGenerator.LOOKALIKES_FILE)) {
            assertThat(Files.readAllBytes(again.resolve(file)))
                    .as(file)
                    .isEqualTo(Files.readAllBytes(out.resolve(file)));
        }
    }

    @Test
    void differentSeedsGiveDifferentFiles(@TempDir Path other) throws IOException {
        new PeopleGenerator(8).write(PEOPLE, other);
        assertThat(Files.readAllBytes(other.resolve(PeopleGenerator.RECORDS_FILE)))
                .isNotEqualTo(Files.readAllBytes(out.resolve(PeopleGenerator.RECORDS_FILE)));
        assertThat(Files.readAllBytes(other.resolve(PeopleGenerator.TRUTH_FILE)))
                .isNotEqualTo(Files.readAllBytes(out.resolve(PeopleGenerator.TRUTH_FILE)));
    }

    @Test
    void everyLineIsAPersonTheProjectsDecoderAcceptsWithoutWarnings() {
        RecordDecoder decoder = new RecordDecoder(null);
        for (int i = 0; i < records.size(); i++) {
            Decoded decoded = decoder.decode(records.get(i));
            assertThat(decoded).as("line %d: %s", i + 1, lines.get(i)).isInstanceOf(Decoded.Accepted.class);
            assertThat(decoded.problems())
                    .as("line %d: %s", i + 1, lines.get(i))
                    .isEmpty();
        }
    }

    @Test
    void birthDatesAreRealPastDatesFrom1940() {
        LocalDate today = LocalDate.now();
        for (JsonNode r : records) {
            if (r.has("birthDate")) {
                String d = r.get("birthDate").textValue();
                assertThat(d).matches("\\d{4}(-\\d{2}(-\\d{2})?)?");
                assertThat(Integer.parseInt(d.substring(0, 4))).isBetween(1940, today.getYear());
                if (d.length() == 10) {
                    assertThat(LocalDate.parse(d)).isBefore(today);
                }
            }
        }
    }

    @Test
    void truthCoversEveryRecordIdExactlyOnceInFileOrder() throws IOException {
        List<String> ids = records.stream().map(r -> r.get("id").textValue()).toList();
        assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
        List<String> truthIds = csv(out.resolve(PeopleGenerator.TRUTH_FILE), "record_id,person_id").stream()
                .map(row -> row[0])
                .toList();
        assertThat(truthIds).isEqualTo(ids);
        assertThat(ids).allMatch(id -> id.matches("[A-Z]+-\\d{6}"));
    }

    @Test
    void summaryCountsWhatWasWritten() throws IOException {
        assertThat(summary.people()).isEqualTo(PEOPLE);
        assertThat(summary.records()).isEqualTo(records.size());
        assertThat(new HashSet<>(personOf.values())).hasSize(PEOPLE);
        assertThat(summary.lookalikePairs())
                .isEqualTo(csv(out.resolve(PeopleGenerator.LOOKALIKES_FILE), "person_a,person_b,kind")
                        .size());
        assertThat(summary.recordsByOwner().keySet())
                .containsExactly("INTERPOL", "EUROPOL", "AFRIPOL", "ASEANAPOL", "GCCPOL", "AMERIPOL");
        Map<String, Long> counted = new TreeMap<>();
        records.forEach(r -> counted.merge(r.get("owner").textValue(), 1L, Long::sum));
        assertThat(counted).isEqualTo(new TreeMap<>(summary.recordsByOwner()));
    }

    @Test
    void namesAppearInArabicCyrillicHanThaiAndLatinScripts() {
        Map<String, Integer> scripts = new TreeMap<>();
        for (JsonNode r : records) {
            for (JsonNode n : r.get("names")) {
                String text = n.has("full")
                        ? n.get("full").textValue()
                        : n.get("given").textValue() + " " + n.get("family").textValue();
                scripts.merge(Scripts.detect(text), 1, Integer::sum);
            }
        }
        assertThat(scripts.keySet()).contains("Arab", "Cyrl", "Hani", "Thai", "Latn");
        assertThat(scripts.get("Latn")).isGreaterThan(records.size() / 2);
    }

    @Test
    void aPersonsRecordsAreHeldByDifferentOwnersTwoOnAverage() {
        Map<String, List<String>> ownersOf = new HashMap<>();
        for (JsonNode r : records) {
            ownersOf.computeIfAbsent(personOf.get(r.get("id").textValue()), k -> new ArrayList<>())
                    .add(r.get("owner").textValue());
        }
        for (List<String> owners : ownersOf.values()) {
            assertThat(owners).hasSizeBetween(1, 4).doesNotHaveDuplicates();
        }
        long spanning = ownersOf.values().stream().filter(o -> o.size() > 1).count();
        assertThat(spanning).isGreaterThan(PEOPLE / 2);
        assertThat((double) records.size() / PEOPLE).isBetween(1.8, 2.3);
    }

    @Test
    void lookalikePairsNameDifferentPeopleWhoHaveRecords() throws IOException {
        List<String[]> pairs = csv(out.resolve(PeopleGenerator.LOOKALIKES_FILE), "person_a,person_b,kind");
        Set<String> people = new HashSet<>(personOf.values());
        Set<String> kinds = new TreeSet<>();
        for (String[] p : pairs) {
            assertThat(p[0]).isNotEqualTo(p[1]);
            assertThat(people).contains(p[0], p[1]);
            kinds.add(p[2]);
        }
        assertThat(kinds).containsExactly("father_son", "same_name_different_birth", "twins");
        // about 5 % of people are in a pair
        assertThat(pairs.size() * 2.0 / PEOPLE).isBetween(0.03, 0.07);
    }

    @Test
    void zeroPeopleGiveHeadersOnly(@TempDir Path empty) throws IOException {
        GenerationSummary s = new PeopleGenerator(1).write(0, empty);
        assertThat(s.records()).isZero();
        assertThat(Files.readString(empty.resolve(PeopleGenerator.RECORDS_FILE)))
                .isEmpty();
        assertThat(Files.readString(empty.resolve(PeopleGenerator.TRUTH_FILE))).isEqualTo("record_id,person_id\n");
        assertThat(Files.readString(empty.resolve(PeopleGenerator.LOOKALIKES_FILE)))
                .isEqualTo("person_a,person_b,kind\n");
    }

    @Test
    void aNegativeCountIsRefused(@TempDir Path dir) {
        assertThatThrownBy(() -> new PeopleGenerator(1).write(-1, dir)).isInstanceOf(IllegalArgumentException.class);
    }

    /** The rows of a CSV file after checking its header; values never need unquoting here. */
    static List<String[]> csv(Path file, String header) throws IOException {
        List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(all.get(0)).isEqualTo(header);
        return all.subList(1, all.size()).stream().map(l -> l.split(",", -1)).toList();
    }
}
