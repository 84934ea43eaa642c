package org.concordia.datasets;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.concordia.json.Decoded;
import org.concordia.json.RecordDecoder;
import org.concordia.model.ParticipantCode;
import org.concordia.model.Person;

/**
 * Reads the public benchmark data sets of {@code shared/datasets} into exchange-model persons,
 * through the same decoder as any import. Fields the model has no place for (addresses, postcodes,
 * occupations) are left out, so the figures measure what Concordia itself can use.
 */
public final class BenchmarkDatasets {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final RecordDecoder DECODER = new RecordDecoder(new ParticipantCode("BENCH"));

    private BenchmarkDatasets() {}

    /**
     * A FEBRL file (Christen, Febrl data generator): {@code rec-N-org} / {@code rec-N-dup-k}, the
     * entity is N; given name, surname, date of birth (YYYYMMDD), and the social security id as a
     * national id document.
     */
    public static LabelledPersons febrl(String name, List<Path> files) throws IOException {
        List<Person> persons = new ArrayList<>();
        List<String> entity = new ArrayList<>();
        List<String> source = new ArrayList<>();
        for (Path file : files) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                CSVFormat format = CSVFormat.DEFAULT
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .setIgnoreSurroundingSpaces(true)
                        .setTrim(true)
                        .get();
                for (CSVRecord row : format.parse(r)) {
                    String id = row.get("rec_id");
                    ObjectNode p = F.objectNode().put("id", id).put("type", "Person");
                    ObjectNode n = F.objectNode();
                    put(n, "given", row.get("given_name"));
                    put(n, "family", row.get("surname"));
                    if (!n.isEmpty()) {
                        p.putArray("names").add(n);
                    }
                    String dob = row.get("date_of_birth");
                    if (dob.matches("\\d{8}")) {
                        p.put("birthDate", dob.substring(0, 4) + "-" + dob.substring(4, 6) + "-" + dob.substring(6, 8));
                    }
                    String ssn = row.get("soc_sec_id");
                    if (!ssn.isBlank()) {
                        p.putArray("documents")
                                .addObject()
                                .put("type", "national_id")
                                .put("number", ssn)
                                .put("country", "AUS");
                    }
                    Person person = decode(p);
                    if (person == null) {
                        p.remove("birthDate"); // FEBRL corrupts some dates into impossible days: keep the person
                        person = decode(p);
                    }
                    if (person != null) {
                        persons.add(person);
                        entity.add(id.split("-")[1]);
                        source.add(file.getFileName().toString());
                    }
                }
            }
        }
        return new LabelledPersons(name, persons, entity, source);
    }

    /**
     * Splink's historical_50k (Wikidata persons with synthetic errors): full name and first name +
     * surname as two names of the person, date of birth, birth place, gender; the entity is {@code
     * cluster}.
     */
    public static LabelledPersons historical(Path file) throws IOException {
        List<Person> persons = new ArrayList<>();
        List<String> entity = new ArrayList<>();
        List<String> source = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            CSVFormat format = CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get();
            for (CSVRecord row : format.parse(r)) {
                ObjectNode p = F.objectNode().put("id", row.get("unique_id")).put("type", "Person");
                var names = p.putArray("names");
                if (!row.get("full_name").isBlank()) {
                    names.addObject().put("full", row.get("full_name"));
                }
                ObjectNode n = F.objectNode();
                put(n, "given", row.get("first_name"));
                put(n, "family", row.get("surname"));
                if (!n.isEmpty()) {
                    names.add(n);
                }
                put(p, "birthDate", row.get("dob"));
                put(p, "birthPlace", row.get("birth_place"));
                switch (row.get("gender")) {
                    case "male" -> p.put("sex", "M");
                    case "female" -> p.put("sex", "F");
                    default -> {}
                }
                Person person = decode(p);
                if (person == null) {
                    p.remove("birthDate");
                    person = decode(p);
                }
                if (person != null) {
                    persons.add(person);
                    entity.add(row.get("cluster"));
                    source.add("historical_50k");
                }
            }
        }
        return new LabelledPersons("historical_50k", persons, entity, source);
    }

    private static void put(ObjectNode n, String field, String value) {
        if (value != null && !value.isBlank()) {
            n.put(field, value.strip());
        }
    }

    private static Person decode(ObjectNode p) {
        return DECODER.decode(p) instanceof Decoded.Accepted a && a.record() instanceof Person person ? person : null;
    }
}
