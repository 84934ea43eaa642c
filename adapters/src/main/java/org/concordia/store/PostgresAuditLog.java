package org.concordia.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.concordia.audit.AuditAction;
import org.concordia.audit.AuditCheckpoint;
import org.concordia.audit.AuditEntry;
import org.concordia.audit.AuditEvent;
import org.concordia.audit.AuditHash;
import org.concordia.audit.AuditSigner;
import org.concordia.audit.UnreadableAuditEntryException;
import org.concordia.port.AuditLog;
import org.concordia.port.StoreException;

/**
 * {@link AuditLog} on PostgreSQL (tables {@code audit_entry} and {@code audit_checkpoint} of
 * migration V2; the schema must be migrated, as {@link NodeStorage} does). One row per entry, its
 * columns exactly the fields its hash covers.
 *
 * <p>Appends are serialised across every writer of the database, not only this object's threads:
 * each append is one transaction that first takes {@code LOCK TABLE audit_entry IN SHARE ROW
 * EXCLUSIVE MODE} (which conflicts with itself and with every insert, update and delete, not with
 * reads), then reads the last entry and inserts the next one. So two nodes' processes, or a command
 * and a server on one database, can never fork the chain. After its first append, the log knows the
 * entry it appended last and inserts the next one straight away, without the lock and the read: the
 * unique sequence is then what refuses a fork (another writer appended in between: the insert fails
 * with a unique violation, and the append is retried the locked way). With {@link AutoCheckpoint.Every}, the
 * append that writes sequence N, 2N, 3N... also signs a checkpoint in the same transaction.
 *
 * <p>Thread-safe: appends and checkpoints are serialised on one connection, concurrent appends
 * committed together ({@link #append}); each entry stream
 * reads on a connection of its own, with a server-side cursor.
 */
public final class PostgresAuditLog implements AuditLog {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() {};
    private static final int FETCH_SIZE = 1_000;
    /** SQLSTATE of a unique violation (PostgreSQL, Appendix A). */
    private static final String UNIQUE_VIOLATION = "23505";

    private static final String COLUMNS = "sequence, at, action, actor, actor_role, participant, purpose, outcome,"
            + " record_ids, term_hashes, details::text, previous_hash, hash";

    /** Whether appends sign checkpoints by themselves. */
    public sealed interface AutoCheckpoint {
        /** Only {@link #checkpoint} signs. */
        record Never() implements AutoCheckpoint {}

        /** Every {@code entries}-th entry is checkpointed by {@code signer} as it is appended. */
        record Every(int entries, AuditSigner signer) implements AutoCheckpoint {
            public Every {
                Objects.requireNonNull(signer, "signer");
                if (entries < 1) {
                    throw new IllegalArgumentException("checkpoints are signed every 1 or more entries");
                }
            }
        }
    }

    private final DataSource dataSource;
    private final Connection writer;
    private final AutoCheckpoint autoCheckpoint;
    private final Clock clock;
    /** The entry this object appended last, committed; null before the first append and after a failure. */
    private AuditEntry lastAppended;
    /** Events waiting to be appended, oldest first. */
    private final java.util.concurrent.ConcurrentLinkedQueue<Pending> queue =
            new java.util.concurrent.ConcurrentLinkedQueue<>();
    /** The most events one transaction appends. */
    private static final int MAX_BATCH = 256;

    private PostgresAuditLog(DataSource dataSource, Connection writer, AutoCheckpoint autoCheckpoint, Clock clock) {
        this.dataSource = dataSource;
        this.writer = writer;
        this.autoCheckpoint = autoCheckpoint;
        this.clock = clock;
    }

    /** Opens the log without automatic checkpoints. */
    public static PostgresAuditLog open(DataSource dataSource) {
        return open(dataSource, new AutoCheckpoint.Never(), Clock.systemUTC());
    }

    /** Opens the log; {@code clock} dates the checkpoints. */
    public static PostgresAuditLog open(DataSource dataSource, AutoCheckpoint autoCheckpoint, Clock clock) {
        Objects.requireNonNull(autoCheckpoint, "autoCheckpoint");
        Objects.requireNonNull(clock, "clock");
        try {
            Connection c = dataSource.getConnection();
            c.setAutoCommit(false);
            return new PostgresAuditLog(dataSource, c, autoCheckpoint, clock);
        } catch (SQLException e) {
            throw new StoreException("cannot open the audit log (sqlstate " + e.getSQLState() + ")", e);
        }
    }

    /**
     * Appends the event. Concurrent appends are written together (group commit): a thread that gets
     * the writer appends every event queued by then (its own among them, up to {@value #MAX_BATCH}), in
     * queue order and in one transaction, and the threads whose events it wrote return without a
     * transaction of their own.
     * Under load a node's appends used to queue behind each other's insert and commit (in the federation
     * benchmark a partner search waited 18 ms on average for the log); now they share them. If the
     * transaction fails, every append in it fails and none of its entries is stored.
     */
    @Override
    public AuditEntry append(AuditEvent event) {
        Pending mine = new Pending(Objects.requireNonNull(event, "event"));
        queue.add(mine);
        synchronized (this) {
            while (!mine.finished()) { // mine is in the queue, within MAX_BATCH of its head
                List<Pending> batch = new ArrayList<>();
                for (Pending p; batch.size() < MAX_BATCH && (p = queue.poll()) != null; ) {
                    batch.add(p);
                }
                try {
                    appendAll(batch);
                } catch (RuntimeException e) {
                    rollback();
                    fail(batch, e);
                } catch (Error e) {
                    rollback();
                    fail(batch, new StoreException("the audit append was interrupted; nothing of it was stored", e));
                    throw e;
                }
            }
        }
        return mine.entry();
    }

    /**
     * An event waiting to be appended, then its entry or why it was not stored. Its outcome is written
     * under the log's monitor, and its own thread reads it after taking that monitor: no lock of its own.
     */
    private static final class Pending {
        final AuditEvent event;
        private AuditEntry entry;
        private RuntimeException failure;

        Pending(AuditEvent event) {
            this.event = event;
        }

        boolean finished() {
            return entry != null || failure != null;
        }

        AuditEntry entry() {
            if (failure != null) {
                throw failure;
            }
            return entry;
        }

        void done(AuditEntry e, RuntimeException f) {
            entry = e;
            failure = f;
        }
    }

    /**
     * Appends the events in order, in one transaction; called holding the monitor. A failure of the
     * store fails every append of the batch; any other exception is left to {@link #append}, which does
     * the same.
     */
    private void appendAll(List<Pending> batch) {
        AuditEntry known = lastAppended;
        lastAppended = null;
        if (known != null) {
            try {
                finish(batch, store(known, batch));
                return;
            } catch (SQLException e) {
                rollback();
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    fail(
                            batch,
                            new StoreException("cannot append to the audit log (sqlstate " + e.getSQLState() + ")", e));
                    return;
                }
                // another writer appended since: chain to what the table holds, under the lock
            }
        }
        try {
            try (Statement s = writer.createStatement()) {
                s.execute("LOCK TABLE audit_entry IN SHARE ROW EXCLUSIVE MODE");
            }
            finish(batch, store(head().orElse(null), batch));
        } catch (SQLException e) {
            rollback();
            fail(batch, new StoreException("cannot append to the audit log (sqlstate " + e.getSQLState() + ")", e));
        }
    }

    private static void finish(List<Pending> batch, List<AuditEntry> entries) {
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).done(entries.get(i), null);
        }
    }

    private static void fail(List<Pending> batch, RuntimeException failure) {
        for (Pending p : batch) {
            p.done(null, failure);
        }
    }

    /**
     * Inserts the entries of the events chained after {@code head} (null: the log is empty), with
     * the checkpoints that fall due among them, and commits.
     */
    private List<AuditEntry> store(AuditEntry head, List<Pending> batch) throws SQLException {
        List<AuditEntry> entries = new ArrayList<>(batch.size());
        AuditEntry previous = head;
        for (Pending p : batch) {
            previous = previous == null ? AuditEntry.first(p.event) : previous.next(p.event);
            entries.add(previous);
        }
        try (PreparedStatement ps = writer.prepareStatement("INSERT INTO audit_entry (sequence, at, action, actor,"
                + " actor_role, participant, purpose, outcome, record_ids, term_hashes, details, previous_hash, hash)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)")) {
            for (AuditEntry e : entries) {
                bind(ps, e);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        if (autoCheckpoint instanceof AutoCheckpoint.Every every) {
            for (AuditEntry e : entries) {
                if (e.sequence() % every.entries() == 0) {
                    insert(AuditCheckpoint.sign(e.sequence(), e.hash(), clock.instant(), every.signer()));
                }
            }
        }
        writer.commit();
        lastAppended = previous;
        return entries;
    }

    /** The entry with the highest sequence, read on the writer's transaction. */
    private Optional<AuditEntry> head() throws SQLException {
        try (Statement s = writer.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT " + COLUMNS + " FROM audit_entry ORDER BY sequence DESC LIMIT 1")) {
            if (!rs.next()) {
                return Optional.empty();
            }
            try {
                return Optional.of(decode(rs));
            } catch (UnreadableAuditEntryException e) {
                // Chaining to a row changed by hand would hide the change: refuse, and let audit verify say where.
                throw new StoreException(
                        "the last audit entry cannot be read back, so nothing can be appended to it: run audit verify",
                        e);
            }
        }
    }

    private void bind(PreparedStatement ps, AuditEntry e) throws SQLException {
        AuditEvent v = e.event();
        try {
            ps.setLong(1, e.sequence());
            ps.setObject(2, OffsetDateTime.ofInstant(v.at(), ZoneOffset.UTC));
            ps.setString(3, v.action().name());
            ps.setString(4, v.actor());
            ps.setString(5, v.actorRole());
            ps.setString(6, v.participant());
            ps.setString(7, v.purpose());
            ps.setString(8, v.outcome());
            ps.setArray(9, writer.createArrayOf("text", v.recordIds().toArray()));
            ps.setArray(10, writer.createArrayOf("text", v.termHashes().toArray()));
            ps.setString(11, JSON.writeValueAsString(v.details()));
            ps.setBytes(12, e.previousHash().bytes());
            ps.setBytes(13, e.hash().bytes());
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException("a map of strings always serialises", ex);
        }
    }

    private void insert(AuditCheckpoint c) throws SQLException {
        try (PreparedStatement ps = writer.prepareStatement(
                "INSERT INTO audit_checkpoint (sequence, hash, at, signer, signature) VALUES (?, ?, ?, ?, ?)")) {
            ps.setLong(1, c.sequence());
            ps.setBytes(2, c.hash().bytes());
            ps.setObject(3, OffsetDateTime.ofInstant(c.at(), ZoneOffset.UTC));
            ps.setString(4, c.signer());
            ps.setBytes(5, c.signature());
            ps.executeUpdate();
        }
    }

    @Override
    public synchronized Optional<AuditCheckpoint> checkpoint(AuditSigner signer) {
        Objects.requireNonNull(signer, "signer");
        try {
            Optional<AuditEntry> head = head();
            Optional<AuditCheckpoint> c =
                    head.map(h -> AuditCheckpoint.sign(h.sequence(), h.hash(), clock.instant(), signer));
            if (c.isPresent()) {
                insert(c.get());
            }
            writer.commit();
            return c;
        } catch (SQLException e) {
            rollback();
            throw new StoreException("cannot store an audit checkpoint (sqlstate " + e.getSQLState() + ")", e);
        } catch (RuntimeException e) {
            rollback();
            throw e;
        }
    }

    @Override
    public synchronized List<AuditCheckpoint> checkpoints() {
        try (Statement s = writer.createStatement();
                ResultSet rs = s.executeQuery("SELECT sequence, hash, at, signer, signature FROM audit_checkpoint"
                        + " ORDER BY sequence, id")) {
            List<AuditCheckpoint> out = new ArrayList<>();
            while (rs.next()) {
                long sequence = rs.getLong(1);
                try {
                    out.add(new AuditCheckpoint(
                            sequence,
                            AuditHash.of(rs.getBytes(2)),
                            rs.getObject(3, OffsetDateTime.class).toInstant(),
                            rs.getString(4),
                            rs.getBytes(5)));
                } catch (RuntimeException e) {
                    throw new StoreException("the audit checkpoint of entry " + sequence + " cannot be read back", e);
                }
            }
            writer.commit();
            return out;
        } catch (SQLException e) {
            rollback();
            throw new StoreException("cannot read the audit checkpoints (sqlstate " + e.getSQLState() + ")", e);
        }
    }

    @Override
    public Stream<AuditEntry> entries(long fromSequence) {
        Connection c = null;
        try {
            c = dataSource.getConnection();
            c.setAutoCommit(false); // a server-side cursor, fetched in pages, needs a transaction
            c.setReadOnly(true);
            PreparedStatement ps = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM audit_entry WHERE sequence >= ? ORDER BY position",
                    ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY);
            ps.setFetchSize(FETCH_SIZE);
            ps.setLong(1, fromSequence);
            ResultSet rs = ps.executeQuery();
            Connection connection = c;
            return StreamSupport.stream(
                            Spliterators.spliteratorUnknownSize(
                                    new Rows(rs), Spliterator.ORDERED | Spliterator.NONNULL),
                            false)
                    .onClose(() -> {
                        try (connection) {
                            connection.rollback();
                        } catch (SQLException e) {
                            throw new StoreException("cannot close an audit log read", e);
                        }
                    });
        } catch (SQLException e) {
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw new StoreException("cannot read the audit log (sqlstate " + e.getSQLState() + ")", e);
        }
    }

    /** Rows as entries; a row that cannot be decoded throws for itself only. */
    private static final class Rows implements Iterator<AuditEntry> {
        private final ResultSet rs;
        private boolean ready;
        private boolean done;

        Rows(ResultSet rs) {
            this.rs = rs;
        }

        @Override
        public boolean hasNext() {
            if (!ready && !done) {
                try {
                    ready = rs.next();
                    done = !ready;
                } catch (SQLException e) {
                    throw new StoreException("cannot read the audit log (sqlstate " + e.getSQLState() + ")", e);
                }
            }
            return ready;
        }

        @Override
        public AuditEntry next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ready = false;
            try {
                return decode(rs);
            } catch (SQLException e) {
                throw new StoreException("cannot read the audit log (sqlstate " + e.getSQLState() + ")", e);
            }
        }
    }

    /** The entry of the current row; a row the log could not have written is {@link UnreadableAuditEntryException}. */
    private static AuditEntry decode(ResultSet rs) throws SQLException {
        long sequence = rs.getLong(1);
        String field = "at";
        try {
            Instant at = rs.getObject(2, OffsetDateTime.class).toInstant();
            field = "action";
            AuditAction action = AuditAction.valueOf(rs.getString(3));
            field = "record_ids";
            List<String> recordIds = strings(rs.getArray(9));
            field = "term_hashes";
            List<String> termHashes = strings(rs.getArray(10));
            field = "details";
            Map<String, String> details = JSON.readValue(rs.getString(11), DETAILS);
            field = "previous_hash";
            AuditHash previous = AuditHash.of(rs.getBytes(12));
            field = "hash";
            AuditHash hash = AuditHash.of(rs.getBytes(13));
            field = "actor, actor_role, participant, purpose or outcome";
            AuditEvent event = new AuditEvent(
                    at,
                    action,
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getString(8),
                    recordIds,
                    termHashes,
                    details);
            return new AuditEntry(sequence, event, previous, hash);
        } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
            // The cause's message is dropped from the reason: it may quote the stored value.
            throw new UnreadableAuditEntryException(
                    sequence, "the " + field + " column is not as the log writes it", null);
        }
    }

    private static List<String> strings(Array array) throws SQLException {
        try {
            return Arrays.asList((String[]) array.getArray());
        } finally {
            array.free();
        }
    }

    private void rollback() {
        try {
            writer.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; the failure that brought us here is what the caller sees
        }
    }

    @Override
    public synchronized void close() {
        try {
            writer.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close the audit log", e);
        }
    }
}
