package org.concordia.port;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.concordia.model.ParticipantCode;
import org.concordia.model.Record;
import org.concordia.model.RecordId;
import org.concordia.model.RecordType;

/**
 * Where a node keeps its owner's records, with every earlier version.
 *
 * <p>Contract, for every implementation (checked by one shared contract test):
 *
 * <ul>
 *   <li>a record is stored whole or not at all; a batch is stored in one transaction;
 *   <li>storing a record whose content equals the current version creates no new version ({@link
 *       SaveOutcome#UNCHANGED}); storing a different content keeps the previous version in the
 *       history and increments the version;
 *   <li>records are keyed by owner and id;
 *   <li>methods never return null; implementations are thread-safe.
 * </ul>
 */
public interface RecordStore extends AutoCloseable {

    /** What storing one record did. */
    enum SaveOutcome {
        CREATED,
        UPDATED,
        UNCHANGED
    }

    /**
     * Stores {@code records} in one transaction. Ids must be distinct within the batch.
     *
     * @return one outcome per record, in the order given
     * @throws StoreException when the store cannot be written; then nothing of the batch is stored
     */
    List<SaveOutcome> save(List<Record> records);

    /** The current version of a record. */
    Optional<VersionedRecord> find(ParticipantCode owner, RecordId id);

    /** Every version of a record, oldest first; empty when the record is unknown. */
    List<VersionedRecord> history(ParticipantCode owner, RecordId id);

    /** How many records (current versions) the store holds, by type. */
    Map<RecordType, Long> countByType();

    /**
     * Hands the current version of every record of this type to the action, in the order first stored,
     * without holding them all in memory (a node rebuilds its search index from this at start-up).
     */
    void forEachCurrent(RecordType type, java.util.function.Consumer<Record> action);

    @Override
    void close();
}
