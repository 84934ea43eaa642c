package org.concordia.port;

import java.time.Instant;
import java.util.Objects;
import org.concordia.model.Record;

/** One version of a stored record: versions count from 1; {@code storedAt} is when it was written. */
public record VersionedRecord(Record record, int version, Instant storedAt) {
    public VersionedRecord {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(storedAt, "storedAt");
        if (version < 1) {
            throw new IllegalArgumentException("version counts from 1");
        }
    }
}
