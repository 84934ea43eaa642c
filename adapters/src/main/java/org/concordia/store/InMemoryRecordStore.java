package org.concordia.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.concordia.json.RecordEncoder;
import org.concordia.model.ParticipantCode;
import org.concordia.model.Record;
import org.concordia.model.RecordId;
import org.concordia.model.RecordType;
import org.concordia.port.RecordStore;
import org.concordia.port.VersionedRecord;

/**
 * A {@link RecordStore} in memory, for batch commands that read a file and work on it (link,
 * screen) and for tests. Same contract as the PostgreSQL store (identical content is recognised by
 * its canonical encoding); records are kept in insertion order. Thread-safe.
 */
public final class InMemoryRecordStore implements RecordStore {
    private final RecordEncoder encoder = new RecordEncoder();
    private final Map<String, List<VersionedRecord>> versions = new LinkedHashMap<>();
    private final Map<String, String> encoded = new LinkedHashMap<>();

    @Override
    public synchronized List<SaveOutcome> save(List<Record> records) {
        Set<String> keys = new HashSet<>();
        for (Record r : records) {
            if (!keys.add(key(r.owner(), r.id()))) {
                throw new IllegalArgumentException("ids must be distinct within a batch");
            }
        }
        List<SaveOutcome> out = new ArrayList<>(records.size());
        Instant now = Instant.now();
        for (Record r : records) {
            String k = key(r.owner(), r.id());
            String body = encoder.encode(r);
            String before = encoded.put(k, body);
            if (body.equals(before)) {
                out.add(SaveOutcome.UNCHANGED);
                continue;
            }
            List<VersionedRecord> h = versions.computeIfAbsent(k, x -> new ArrayList<>(1));
            h.add(new VersionedRecord(r, h.size() + 1, now));
            out.add(before == null ? SaveOutcome.CREATED : SaveOutcome.UPDATED);
        }
        return out;
    }

    @Override
    public synchronized Optional<VersionedRecord> find(ParticipantCode owner, RecordId id) {
        List<VersionedRecord> h = versions.get(key(owner, id));
        return h == null ? Optional.empty() : Optional.of(h.getLast());
    }

    @Override
    public synchronized List<VersionedRecord> history(ParticipantCode owner, RecordId id) {
        return List.copyOf(versions.getOrDefault(key(owner, id), List.of()));
    }

    @Override
    public synchronized Map<RecordType, Long> countByType() {
        Map<RecordType, Long> counts = new EnumMap<>(RecordType.class);
        for (List<VersionedRecord> h : versions.values()) {
            counts.merge(h.getLast().record().type(), 1L, Long::sum);
        }
        return counts;
    }

    @Override
    public synchronized void forEachCurrent(RecordType type, java.util.function.Consumer<Record> action) {
        for (List<VersionedRecord> h : versions.values()) {
            Record r = h.getLast().record();
            if (r.type() == type) {
                action.accept(r);
            }
        }
    }

    /** The current version of every record, in the order first stored. */
    public synchronized List<Record> current() {
        return versions.values().stream().map(h -> h.getLast().record()).toList();
    }

    @Override
    public void close() {}

    private static String key(ParticipantCode owner, RecordId id) {
        return owner.value() + '\u0000' + id.value();
    }
}
