package org.concordia.store;

import org.concordia.port.RecordStore;

/** The store contract on the in-memory store. */
class InMemoryRecordStoreTest extends RecordStoreContract {
    private final InMemoryRecordStore store = new InMemoryRecordStore();

    @Override
    protected RecordStore store() {
        return store;
    }
}
