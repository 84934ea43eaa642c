package org.concordia.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.concordia.port.RecordStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/**
 * The store contract on a real PostgreSQL server, named by {@code CONCORDIA_TEST_PG_URL} (a JDBC
 * URL). {@code .ci/run} starts one and sets it; elsewhere the tier is skipped.
 */
@Tag("postgres")
class ExternalPostgresRecordStoreTest extends RecordStoreContract {
    private static NodeStorage storage;

    @BeforeAll
    static void connect() {
        String url = System.getenv("CONCORDIA_TEST_PG_URL");
        assumeTrue(url != null && !url.isBlank(), "CONCORDIA_TEST_PG_URL not set: PostgreSQL tier skipped");
        storage = NodeStorage.open(new NodeStorage.Location.External(url, null, null));
    }

    @AfterAll
    static void disconnect() {
        if (storage != null) {
            storage.close();
        }
    }

    @Override
    protected RecordStore store() {
        return storage.records();
    }
}
