package org.concordia.store;

import java.nio.file.Path;
import org.concordia.port.RecordStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on the embedded default (a PostgreSQL server started by the test). */
class EmbeddedPostgresRecordStoreTest extends RecordStoreContract {
    @TempDir
    static Path dir;

    private static NodeStorage storage;

    @BeforeAll
    static void start() {
        storage = NodeStorage.open(new NodeStorage.Location.Embedded(dir));
    }

    @AfterAll
    static void stop() {
        storage.close();
    }

    @Override
    protected RecordStore store() {
        return storage.records();
    }
}
