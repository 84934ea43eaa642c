package org.concordia.store;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import javax.sql.DataSource;
import org.concordia.port.AuditLog;
import org.concordia.port.RecordStore;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A node's storage, opened from its settings: an external PostgreSQL server when a JDBC URL is
 * given, otherwise the embedded default in the node's data directory. It holds the node's records
 * and its audit log, in one database. Closing it closes both and stops an embedded server.
 */
public final class NodeStorage implements AutoCloseable {
    private final EmbeddedPostgresServer embedded;
    private final PostgresRecordStore records;
    private final PostgresAuditLog audit;
    private final DataSource dataSource;

    private NodeStorage(
            EmbeddedPostgresServer embedded,
            PostgresRecordStore records,
            PostgresAuditLog audit,
            DataSource dataSource) {
        this.embedded = embedded;
        this.records = records;
        this.audit = audit;
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

    /** Opens the storage; its audit log signs no checkpoint by itself. */
    public static NodeStorage open(Location location) {
        return open(location, new PostgresAuditLog.AutoCheckpoint.Never());
    }

    /** Opens the storage; its audit log checkpoints as {@code autoCheckpoint} says. */
    public static NodeStorage open(Location location, PostgresAuditLog.AutoCheckpoint autoCheckpoint) {
        return switch (location) {
            case Location.Embedded e -> {
                EmbeddedPostgresServer server = EmbeddedPostgresServer.start(e.dataDir());
                try {
                    yield open(server, server.dataSource(), autoCheckpoint);
                } catch (RuntimeException ex) {
                    server.close();
                    throw ex;
                }
            }
            case Location.External x -> open(null, dataSource(x), autoCheckpoint);
        };
    }

    private static NodeStorage open(
            EmbeddedPostgresServer server, DataSource dataSource, PostgresAuditLog.AutoCheckpoint autoCheckpoint) {
        PostgresRecordStore records =
                PostgresRecordStore.open(dataSource); // migrates the schema, audit tables included
        try {
            return new NodeStorage(
                    server, records, PostgresAuditLog.open(dataSource, autoCheckpoint, Clock.systemUTC()), dataSource);
        } catch (RuntimeException ex) {
            records.close();
            throw ex;
        }
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

    /** The node's audit log. */
    public AuditLog audit() {
        return audit;
    }

    @Override
    public void close() {
        try {
            records.close();
        } finally {
            try {
                audit.close();
            } finally {
                if (embedded != null) {
                    embedded.close();
                }
            }
        }
    }
}
