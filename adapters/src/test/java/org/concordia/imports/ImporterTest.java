package org.concordia.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.concordia.json.RecordDecoder;
import org.concordia.json.RecordEncoder;
import org.concordia.model.ParticipantCode;
import org.concordia.model.Record;
import org.concordia.model.RecordId;
import org.concordia.model.RecordType;
import org.concordia.port.RecordStore;
import org.concordia.port.VersionedRecord;
import org.junit.jupiter.api.Test;

class ImporterTest {
    /** A store that keeps encoded records in memory and records every batch it is given. */
    static final class RecordingStore implements RecordStore {
        final Map<String, String> current = new HashMap<>();
        final List<Integer> batchSizes = new ArrayList<>();
        private final RecordEncoder encoder = new RecordEncoder();

        @Override
        public synchronized List<SaveOutcome> save(List<Record> records) {
            batchSizes.add(records.size());
            List<SaveOutcome> out = new ArrayList<>();
            for (Record r : records) {
                String key = r.owner() + "/" + r.id();
                String body = encoder.encode(r);
                String before = current.put(key, body);
                out.add(
                        before == null
                                ? SaveOutcome.CREATED
                                : before.equals(body) ? SaveOutcome.UNCHANGED : SaveOutcome.UPDATED);
            }
            return out;
        }

        @Override
        public Optional<VersionedRecord> find(ParticipantCode owner, RecordId id) {
            return Optional.empty();
        }

        @Override
        public List<VersionedRecord> history(ParticipantCode owner, RecordId id) {
            return List.of();
        }

        @Override
        public Map<RecordType, Long> countByType() {
            return Map.of();
        }

        @Override
        public void forEachCurrent(RecordType type, java.util.function.Consumer<Record> action) {
            throw new UnsupportedOperationException("the importer only saves");
        }

        @Override
        public void close() {}
    }

    static NdjsonSource source(String s) {
        return new NdjsonSource(new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8)), 1 << 20);
    }

    static String person(String id, String birth) {
        return "{\"id\":\"" + id
                + "\",\"type\":\"Person\",\"owner\":\"EUROPOL\",\"names\":[\"Ana Lopez\"],\"birthDate\":\"" + birth
                + "\"}\n";
    }

    @Test
    void validRecordsAroundBadLinesAreAllStored() throws Exception {
        RecordingStore store = new RecordingStore();
        String file = person("1", "1980") + "garbage\n" + person("2", "1984-02-30") + person("3", "1990");
        ImportReport r = new Importer(new RecordDecoder(null), store, 2).run(source(file), "f", "ndjson");
        assertThat(r.read()).isEqualTo(4);
        assertThat(r.accepted()).isEqualTo(2);
        assertThat(r.rejected()).isEqualTo(2);
        assertThat(r.created()).isEqualTo(2);
        assertThat(store.current).containsOnlyKeys("EUROPOL/1", "EUROPOL/3");
        assertThat(r.problems())
                .extracting(e -> e.line() + ":" + e.code())
                .containsExactly("2:malformed_json", "3:impossible_date");
        assertThat(r.problems().get(1).id()).isEqualTo("2");
    }

    @Test
    void anIdRepeatedInOneFileIsStoredInFileOrderSoTheLastVersionIsCurrent() throws Exception {
        RecordingStore store = new RecordingStore();
        String file = person("1", "1980") + person("1", "1981") + person("1", "1981");
        ImportReport r = new Importer(new RecordDecoder(null), store, 100).run(source(file), "f", "ndjson");
        assertThat(r.created()).isEqualTo(1);
        assertThat(r.updated()).isEqualTo(1);
        assertThat(r.unchanged()).isEqualTo(1);
        assertThat(store.current.get("EUROPOL/1")).contains("\"1981\"");
        assertThat(store.batchSizes).allSatisfy(n -> assertThat(n).isEqualTo(1));
    }

    @Test
    void validationWithoutAStoreStoresNothingAndCountsTheSame() throws Exception {
        ImportReport r =
                new Importer(new RecordDecoder(null), null, 10).run(source(person("1", "1980") + "x\n"), "f", "ndjson");
        assertThat(r.stored()).isFalse();
        assertThat(r.accepted()).isEqualTo(1);
        assertThat(r.rejected()).isEqualTo(1);
        assertThat(r.created()).isZero();
    }

    @Test
    void recordsAreStoredInBatchesOfTheConfiguredSize() throws Exception {
        RecordingStore store = new RecordingStore();
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < 25; i++) {
            file.append(person("p" + i, "1980"));
        }
        new Importer(new RecordDecoder(null), store, 10).run(source(file.toString()), "f", "ndjson");
        assertThat(store.batchSizes).containsExactly(10, 10, 5);
    }
}
