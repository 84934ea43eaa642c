package org.concordia.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.concordia.json.Decoded;
import org.concordia.json.RecordDecoder;
import org.concordia.model.ParticipantCode;
import org.concordia.model.Person;
import org.concordia.port.CandidateIndex;
import org.junit.jupiter.api.Test;

class LuceneCandidateIndexTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final RecordDecoder DECODER = new RecordDecoder(new ParticipantCode("TEST"));

    static Person person(String id, String name, String birthDate, String document) throws Exception {
        var p = JSON.createObjectNode().put("id", id).put("type", "Person");
        p.putArray("names").addObject().put("full", name);
        if (birthDate != null) {
            p.put("birthDate", birthDate);
        }
        if (document != null) {
            p.putArray("documents")
                    .addObject()
                    .put("type", "passport")
                    .put("number", document)
                    .put("country", "FRA");
        }
        Decoded d = DECODER.decode(p);
        assertThat(d).isInstanceOf(Decoded.Accepted.class);
        return (Person) ((Decoded.Accepted) d).record();
    }

    /** 300 people named like the target family (a common family name), then the targets. */
    static List<Person> crowd(String family) throws Exception {
        List<Person> people = new ArrayList<>();
        String[] given = {"SOMCHAI", "KITTI", "MALEE", "SUDARAT", "ANAN", "PRANEE"};
        for (int i = 0; i < 300; i++) {
            people.add(person(
                    "c" + i,
                    given[i % given.length] + " " + family,
                    String.format("%04d-%02d-%02d", 1950 + i % 50, 1 + i % 12, 1 + i % 28),
                    null));
        }
        return people;
    }

    static List<Integer> candidates(LuceneCandidateIndex index, List<Person> people, Person query, int max) {
        for (int i = 0; i < people.size(); i++) {
            index.add(i, people.get(i));
        }
        index.refresh();
        return index.candidates(query, max).stream()
                .map(CandidateIndex.Candidate::ordinal)
                .toList();
    }

    @Test
    void spellingVariantsInAnyOrderAreCandidates() throws Exception {
        List<Person> people = crowd("HADDAD");
        people.add(person("t1", "Muhammad Abdullah", null, null));
        people.add(person("t2", "محمد عبد الله", null, null));
        try (LuceneCandidateIndex index = LuceneCandidateIndex.inMemory()) {
            List<Integer> found = candidates(index, people, person("q", "ABDALLAH, Mohamed", null, null), 5);
            assertThat(found).contains(300, 301);
        }
    }

    @Test
    void recordsAddedInBatchesAreSearchedAsOneSegmentAndAllFound() throws Exception {
        List<Person> people = crowd("HADDAD");
        try (LuceneCandidateIndex index = LuceneCandidateIndex.inMemory(LuceneCandidateIndex.Retrieval.SCREENING)) {
            for (int from = 0; from < people.size(); from += 50) {
                for (int i = from; i < from + 50; i++) {
                    index.add(i, people.get(i));
                }
                index.refresh();
                assertThat(index.segments()).isEqualTo(1);
            }
            assertThat(index.candidates(person("q", "SOMCHAI HADDAD", null, null), 1_000))
                    .extracting(CandidateIndex.Candidate::ordinal)
                    .containsAll(java.util.stream.IntStream.range(0, 300)
                            .filter(i -> i % 6 == 0)
                            .boxed()
                            .toList());
        }
    }

    @Test
    void anEqualDocumentNumberRanksFirst() throws Exception {
        List<Person> people = crowd("THONGKHAM");
        people.add(person("t", "Kittisak Wongsawat", "1968", "12AB34567"));
        try (LuceneCandidateIndex index = LuceneCandidateIndex.inMemory()) {
            List<Integer> found =
                    candidates(index, people, person("q", "SOMCHAI THONGKHAM", "1970-01-01", "12ab-34567"), 3);
            assertThat(found.getFirst()).isEqualTo(300);
        }
    }

    @Test
    void screeningFindsANameWrittenApartByItsDateAndJoinedTokens() throws Exception {
        // the target shares the family name with the crowd, its given name is written in two parts
        // and it shares the full birth date with the query
        List<Person> people = crowd("GAO");
        people.add(person("t", "JIAN GUO GAO", "1963-10-17", null));
        Person query = person("q", "Jianguo Gao", "1963-10-17", null);
        try (LuceneCandidateIndex index = LuceneCandidateIndex.inMemory(LuceneCandidateIndex.Retrieval.SCREENING)) {
            assertThat(candidates(index, people, query, 3).getFirst()).isEqualTo(300);
        }
    }
}
