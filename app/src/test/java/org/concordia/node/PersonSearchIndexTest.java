package org.concordia.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.concordia.model.ParticipantCode;
import org.concordia.model.Person;
import org.concordia.model.Record;
import org.concordia.search.OwnerSearch;
import org.concordia.search.SearchQuery;
import org.concordia.store.InMemoryRecordStore;
import org.junit.jupiter.api.Test;

class PersonSearchIndexTest {
    @Test
    void aNodeFindsItsOwnRecordFromItsNameAndBirthDate() throws Exception {
        Map<String, List<Record>> generated = TestFederation.generated(2000, 7);
        List<Record> interpol = generated.get("INTERPOL");
        InMemoryRecordStore store = new InMemoryRecordStore();
        store.save(interpol);
        try (PersonSearchIndex index = PersonSearchIndex.of(store, null)) {
            int found = 0;
            int asked = 0;
            for (Record r : interpol.subList(0, 50)) {
                Person p = (Person) r;
                if (p.names().isEmpty() || p.birthDate() == null) {
                    continue;
                }
                asked++;
                SearchQuery q = ((SearchQuery.Checked.Valid) SearchQuery.of(
                                "criminal-investigation",
                                p.names().getFirst().full(),
                                p.birthDate().toString(),
                                null,
                                null))
                        .query();
                List<OwnerSearch.Match> m = index.match(q.asPerson(new ParticipantCode("INTERPOL")), 5);
                if (!m.isEmpty()
                        && m.getFirst().record().id().equals(p.id())
                        && m.getFirst().probability() >= 0.5) {
                    found++;
                }
            }
            assertThat(found).as("found of " + asked).isGreaterThanOrEqualTo(asked * 19 / 20);
        }
    }
}
