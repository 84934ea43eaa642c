package org.concordia.store;

import java.nio.file.Path;
import java.util.Objects;
import javax.sql.DataSource;
import org.concordia.port.RecordStore;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A node's storage, opened from its settings: an external PostgreSQL server when a JDBC URL is
 * given, otherwise the embedded default in the node's data directory. Closing it closes the store and
 * stops an embedded server.
 */
public final class NodeStorage implements AutoCloseable {
    private final EmbeddedPostgresServer embedded;
    private final PostgresRecordStore records;
    private final DataSource dataSource;

    private NodeStorage(EmbeddedPostgresServer embedded, PostgresRecordStore records, DataSource dataSource) {
        this.embedded = embedded;
        this.records = records;
        this.dataSource = dataSource;
    }

    /** Where a node keeps its data. */
    public sealed interface Location {
        /** The embedded default: a PostgreSQL server started on {@code dataDir}. */
        record Embedded(Path dataDir) implements Location {
            public Embedded {
                Objects.requireNonNull(dataDir, "dataDir");
            }
        }

        /** An external PostgreSQL server. */
        record External(String jdbcUrl, String user, String password) implements Location {
            public External {
                Objects.requireNonNull(jdbcUrl, "jdbcUrl");
            }
        }
    }

    public static NodeStorage open(Location location) {
        return switch (location) {
            case Location.Embedded e -> {
                EmbeddedPostgresServer server = EmbeddedPostgresServer.start(e.dataDir());
                try {
                    yield new NodeStorage(server, PostgresRecordStore.open(server.dataSource()), server.dataSource());
                } catch (RuntimeException ex) {
                    server.close();
                    throw ex;
                }
            }
            case Location.External x -> {
                DataSource ds = dataSource(x);
                yield new NodeStorage(null, PostgresRecordStore.open(ds), ds);
            }
        };
    }

    static DataSource dataSource(Location.External x) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(x.jdbcUrl());
        if (x.user() != null) {
            ds.setUser(x.user());
        }
        if (x.password() != null) {
            ds.setPassword(x.password());
        }
        return ds;
    }

    public RecordStore records() {
        return records;
    }

    /** The store's database, migrated, for the node's other tables (accounts, agreements, references). */
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        try {
            records.close();
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}
