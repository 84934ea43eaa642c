package org.concordia.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.concordia.json.Decoded;
import org.concordia.json.RecordDecoder;
import org.concordia.json.RecordEncoder;
import org.concordia.model.ParticipantCode;
import org.concordia.model.Record;
import org.concordia.model.RecordId;
import org.concordia.model.RecordType;
import org.concordia.port.RecordStore;
import org.concordia.port.StoreException;
import org.concordia.port.VersionedRecord;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * {@link RecordStore} on PostgreSQL (the schema is migrated by Flyway at open). A batch goes into a
 * temporary staging table with {@code COPY}, then one set-based upsert writes {@code record}, in
 * one transaction; a trigger of the schema moves every replaced version into {@code
 * record_history}, so no code path can lose one. Records
 * are stored as canonical JSON ({@link RecordEncoder}) with a SHA-256 of it, so identical content
 * is recognised without decoding.
 *
 * <p>Thread-safe: calls are serialised on one connection.
 */
public final class PostgresRecordStore implements RecordStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Connection connection;
    private final RecordEncoder encoder = new RecordEncoder();
    private final RecordDecoder decoder = new RecordDecoder(null);

    private PostgresRecordStore(Connection connection) {
        this.connection = connection;
    }

    /** Migrates the schema and opens the store. */
    public static PostgresRecordStore open(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        try {
            Connection c = dataSource.getConnection();
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TEMP TABLE staging (owner text, id text, type text, content_hash bytea, body jsonb)"
                        + " ON COMMIT DELETE ROWS");
            }
            c.commit();
            return new PostgresRecordStore(c);
        } catch (SQLException e) {
            throw new StoreException("cannot open the record store (sqlstate " + e.getSQLState() + ")", e);
        }
    }

    @Override
    public synchronized List<SaveOutcome> save(List<Record> records) {
        if (records.isEmpty()) {
            return List.of();
        }
        Set<String> keys = new HashSet<>();
        for (Record r : records) {
            if (!keys.add(key(r.owner().value(), r.id().value()))) {
                throw new IllegalArgumentException("ids must be distinct within a batch");
            }
        }
        // Encoding and hashing are the CPU part of a batch: done in parallel, before the database is asked.
        List<String> rows = records.parallelStream().map(this::copyRow).toList();
        StringBuilder copy = new StringBuilder(records.size() * 400);
        rows.forEach(copy::append);
        try {
            CopyManager cm = connection.unwrap(PGConnection.class).getCopyAPI();
            cm.copyIn(
                    "COPY staging (owner, id, type, content_hash, body) FROM STDIN", new StringReader(copy.toString()));
            Map<String, Integer> written = new HashMap<>();
            try (Statement s = connection.createStatement();
                    ResultSet rs =
                            s.executeQuery("INSERT INTO record AS r (owner, id, type, version, content_hash, body,"
                                    + " first_stored_at, stored_at)"
                                    + " SELECT owner, id, type, 1, content_hash, body, now(), now() FROM staging"
                                    + " ON CONFLICT (owner, id) DO UPDATE SET version = r.version + 1, type = EXCLUDED.type,"
                                    + " content_hash = EXCLUDED.content_hash, body = EXCLUDED.body, stored_at = EXCLUDED.stored_at"
                                    + " WHERE r.content_hash <> EXCLUDED.content_hash"
                                    + " RETURNING owner, id, version")) {
                while (rs.next()) {
                    written.put(key(rs.getString(1), rs.getString(2)), rs.getInt(3));
                }
            }
            connection.commit();
            List<SaveOutcome> out = new ArrayList<>(records.size());
            for (Record r : records) {
                Integer v = written.get(key(r.owner().value(), r.id().value()));
                out.add(v == null ? SaveOutcome.UNCHANGED : (v == 1 ? SaveOutcome.CREATED : SaveOutcome.UPDATED));
            }
            return out;
        } catch (SQLException | IOException e) {
            rollback();
            throw new StoreException("cannot store a batch of " + records.size() + " records", e);
        }
    }

    /** One line of COPY text format: owner, id, type, hash, canonical JSON. */
    private String copyRow(Record r) {
        String body = encoder.encode(r);
        return escape(r.owner().value()) + '\t' + escape(r.id().value()) + '\t'
                + r.type().wireName() + "\t\\\\x" + HexFormat.of().formatHex(sha256(body)) + '\t' + escape(body) + '\n';
    }

    @Override
    public synchronized Optional<VersionedRecord> find(ParticipantCode owner, RecordId id) {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT body::text, version, stored_at FROM record WHERE owner = ? AND id = ?")) {
            ps.setString(1, owner.value());
            ps.setString(2, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                Optional<VersionedRecord> result = rs.next() ? Optional.of(versioned(rs)) : Optional.empty();
                connection.commit();
                return result;
            }
        } catch (SQLException e) {
            rollback();
            throw new StoreException("cannot read record " + id, e);
        }
    }

    @Override
    public synchronized List<VersionedRecord> history(ParticipantCode owner, RecordId id) {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT body::text, version, stored_at FROM record_history WHERE owner = ? AND id = ?"
                        + " UNION ALL SELECT body::text, version, stored_at FROM record WHERE owner = ? AND id = ?"
                        + " ORDER BY 2")) {
            ps.setString(1, owner.value());
            ps.setString(2, id.value());
            ps.setString(3, owner.value());
            ps.setString(4, id.value());
            List<VersionedRecord> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(versioned(rs));
                }
            }
            connection.commit();
            return out;
        } catch (SQLException e) {
            rollback();
            throw new StoreException("cannot read the history of record " + id, e);
        }
    }

    @Override
    public synchronized Map<RecordType, Long> countByType() {
        Map<RecordType, Long> counts = new EnumMap<>(RecordType.class);
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT type, count(*) FROM record GROUP BY type")) {
            while (rs.next()) {
                RecordType.fromWireName(rs.getString(1)).ifPresent(t -> {
                    try {
                        counts.put(t, rs.getLong(2));
                    } catch (SQLException e) {
                        throw new StoreException("cannot count records", e);
                    }
                });
            }
            connection.commit();
            return counts;
        } catch (SQLException e) {
            rollback();
            throw new StoreException("cannot count records", e);
        }
    }

    @Override
    public synchronized void forEachCurrent(RecordType type, java.util.function.Consumer<Record> action) {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT body::text, version, stored_at FROM record WHERE type = ? ORDER BY first_stored_at, owner, id")) {
            ps.setString(1, type.wireName());
            ps.setFetchSize(2_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    action.accept(versioned(rs).record());
                }
            }
            connection.commit();
        } catch (SQLException e) {
            rollback();
            throw new StoreException("cannot read the records of type " + type.wireName(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close the record store", e);
        }
    }

    private VersionedRecord versioned(ResultSet rs) throws SQLException {
        String body = rs.getString(1);
        Decoded decoded;
        try {
            decoded = decoder.decode(JSON.readTree(body));
        } catch (IOException e) {
            throw new StoreException("a stored record is not valid JSON", e);
        }
        if (!(decoded instanceof Decoded.Accepted accepted)) {
            throw new StoreException(
                    "a stored record no longer decodes: "
                            + decoded.problems().getFirst().code(),
                    null);
        }
        return new VersionedRecord(
                accepted.record(), rs.getInt(2), rs.getTimestamp(3).toInstant());
    }

    private void rollback() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; the original failure is what the caller needs to see
        }
    }

    private static String key(String owner, String id) {
        return owner + '\u0000' + id;
    }

    /** Escapes a value for COPY's text format. */
    private static String escape(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = switch (c) {
                case '\\' -> "\\\\";
                case '\t' -> "\\t";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                default -> null;
            };
            if (rep != null && sb == null) {
                sb = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (sb != null) {
                if (rep != null) {
                    sb.append(rep);
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? s : sb.toString();
    }

    private static byte[] sha256(String body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
