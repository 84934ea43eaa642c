package org.concordia.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.concordia.audit.AuditAction;
import org.concordia.audit.AuditCheckpoint;
import org.concordia.audit.AuditEntry;
import org.concordia.audit.AuditEvent;
import org.concordia.audit.AuditSigner;
import org.concordia.audit.AuditVerification;
import org.concordia.audit.AuditVerification.Broken;
import org.concordia.audit.AuditVerification.Intact;
import org.concordia.audit.AuditVerifier;
import org.concordia.audit.CheckpointVerifier;
import org.concordia.audit.TermHasher;
import org.concordia.audit.UnreadableAuditEntryException;
import org.concordia.port.AuditLog;
import org.concordia.problem.ErrorCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit log on the embedded PostgreSQL: each test gets a database of its own, and tampers with
 * it the way an administrator could (triggers disabled, rows changed by SQL).
 */
class PostgresAuditLogTest {
    private static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");
    private static final KeyPair KEYS = ecKeys();
    private static final AuditSigner SIGNER = AuditSigner.ecdsa("NODE-A", KEYS.getPrivate());
    private static final CheckpointVerifier SIGNATURES = CheckpointVerifier.ecdsa(KEYS.getPublic());
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final TermHasher TERMS = new TermHasher(TermHasher.newSecret());

    @TempDir
    static Path dir;

    private static EmbeddedPostgresServer server;
    private String url;
    private NodeStorage storage;

    @BeforeAll
    static void start() {
        server = EmbeddedPostgresServer.start(dir);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void newDatabase() throws SQLException {
        String name = "audit_" + DATABASES.incrementAndGet();
        try (Connection c = server.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        url = server.jdbcUrl().replace("/postgres?", "/" + name + "?");
        storage = open(new PostgresAuditLog.AutoCheckpoint.Never());
    }

    @AfterEach
    void closeStorage() {
        storage.close();
    }

    private NodeStorage open(PostgresAuditLog.AutoCheckpoint auto) {
        return NodeStorage.open(new NodeStorage.Location.External(url, null, null), auto);
    }

    static KeyPair ecKeys() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    static AuditEvent event(int i) {
        return AuditEvent.of(
                        T0.plusMillis(i),
                        i % 3 == 0 ? AuditAction.PARTNER_SEARCH : AuditAction.SEARCH,
                        "officer" + i,
                        "hit")
                .withActorRole("analyst")
                .withParticipant(i % 2 == 0 ? "EUROPOL" : null)
                .withPurpose("criminal_investigation")
                .withRecordIds(List.of("R" + i, "R" + (i + 1)))
                .withTermHashes(List.of(TERMS.hash("term " + i)))
                .withDetails(Map.of("request", "Q" + i, "agreement", "A1"));
    }

    private List<AuditEntry> appendEvents(AuditLog log, int n) {
        List<AuditEntry> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(log.append(event(i)));
        }
        return out;
    }

    private static List<AuditEntry> read(AuditLog log, long from) {
        try (Stream<AuditEntry> s = log.entries(from)) {
            return s.toList();
        }
    }

    /** As {@code audit verify} does: checkpoints first, then the entries. */
    private static AuditVerification verify(AuditLog log) {
        List<AuditCheckpoint> checkpoints = log.checkpoints();
        try (Stream<AuditEntry> s = log.entries()) {
            return new AuditVerifier().verify(s.iterator(), checkpoints, SIGNATURES);
        }
    }

    private void tamper(String... sql) throws SQLException {
        try (Connection c = java.sql.DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            s.execute("ALTER TABLE audit_entry DISABLE TRIGGER USER");
            s.execute("ALTER TABLE audit_checkpoint DISABLE TRIGGER USER");
            for (String q : sql) {
                s.execute(q);
            }
            s.execute("ALTER TABLE audit_entry ENABLE TRIGGER USER");
            s.execute("ALTER TABLE audit_checkpoint ENABLE TRIGGER USER");
        }
    }

    private static void assertBroken(AuditVerification result, ErrorCode code, long sequence) {
        assertThat(result).isInstanceOf(Broken.class);
        Broken b = (Broken) result;
        assertThat(b.code()).as(b.explanation()).isEqualTo(code);
        assertThat(b.sequence()).as(b.explanation()).isEqualTo(sequence);
    }

    @Nested
    class Appending {
        @Test
        void appendsChainAndReadBackEqual() {
            List<AuditEntry> written = appendEvents(storage.audit(), 6);
            assertThat(written).extracting(AuditEntry::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
            for (int i = 1; i < written.size(); i++) {
                assertThat(written.get(i).previousHash())
                        .isEqualTo(written.get(i - 1).hash());
            }
            assertThat(read(storage.audit(), 1)).isEqualTo(written);
            assertThat(read(storage.audit(), 4)).isEqualTo(written.subList(3, 6));
            assertThat(verify(storage.audit()))
                    .isEqualTo(new Intact(6, 6, written.get(5).hash(), 0, 0));
        }

        @Test
        void concurrentAppendsFromFourWritersGiveOneUnbrokenChain() throws Exception {
            int writers = 4;
            int each = 40;
            List<NodeStorage> nodes = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            try {
                for (int w = 0; w < writers; w++) {
                    nodes.add(open(new PostgresAuditLog.AutoCheckpoint.Every(25, SIGNER)));
                }
                CountDownLatch go = new CountDownLatch(1);
                List<Future<?>> done = new ArrayList<>();
                for (NodeStorage node : nodes) {
                    done.add(pool.submit(() -> {
                        go.await();
                        for (int i = 0; i < each; i++) {
                            node.audit().append(AuditEvent.of(Instant.now(), AuditAction.RECORD_VIEW, "u", "ok"));
                        }
                        return null;
                    }));
                }
                go.countDown();
                for (Future<?> f : done) {
                    f.get(2, TimeUnit.MINUTES);
                }
            } finally {
                pool.shutdownNow();
                nodes.forEach(NodeStorage::close);
            }
            AuditVerification result = verify(storage.audit());
            assertThat(result).isInstanceOf(Intact.class);
            Intact intact = (Intact) result;
            assertThat(intact.entries()).isEqualTo(writers * each);
            assertThat(intact.lastSequence()).isEqualTo(writers * each);
            assertThat(intact.checkpointsVerified()).isEqualTo(writers * each / 25);
        }

        @Test
        void concurrentAppendsToOneLogEachGetTheirOwnEntryOfOneUnbrokenChain() throws Exception {
            storage.close();
            storage = open(new PostgresAuditLog.AutoCheckpoint.Every(10, SIGNER));
            int threads = 16;
            int each = 25;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<List<AuditEntry>>> done = new ArrayList<>();
            try {
                CountDownLatch go = new CountDownLatch(1);
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    done.add(pool.submit(() -> {
                        go.await();
                        List<AuditEntry> mine = new ArrayList<>();
                        for (int i = 0; i < each; i++) {
                            mine.add(storage.audit().append(event(thread * each + i)));
                        }
                        return mine;
                    }));
                }
                go.countDown();
                List<AuditEntry> returned = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    List<AuditEntry> mine = done.get(t).get(2, TimeUnit.MINUTES);
                    // each thread's entries are its own events, in the order it appended them
                    assertThat(mine)
                            .extracting(e -> e.event().actor())
                            .containsExactlyElementsOf(java.util.stream.IntStream.range(t * each, (t + 1) * each)
                                    .mapToObj(i -> "officer" + i)
                                    .toList());
                    assertThat(mine).extracting(AuditEntry::sequence).isSorted();
                    returned.addAll(mine);
                }
                assertThat(read(storage.audit(), 1))
                        .containsExactlyInAnyOrderElementsOf(returned)
                        .extracting(AuditEntry::sequence)
                        .doesNotHaveDuplicates();
            } finally {
                pool.shutdownNow();
            }
            assertThat(verify(storage.audit())).isInstanceOf(Intact.class);
            assertThat(((Intact) verify(storage.audit())).entries()).isEqualTo(threads * each);
            assertThat(storage.audit().checkpoints())
                    .extracting(AuditCheckpoint::sequence)
                    .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, threads * each / 10)
                            .map(k -> k * 10)
                            .boxed()
                            .toList());
        }

        @Test
        void checkpointsAreSignedEveryNEntriesAndOnRequest() {
            storage.close();
            storage = open(new PostgresAuditLog.AutoCheckpoint.Every(3, SIGNER));
            assertThat(storage.audit().checkpoint(SIGNER)).isEmpty();
            List<AuditEntry> written = appendEvents(storage.audit(), 7);
            AuditCheckpoint manual = storage.audit().checkpoint(SIGNER).orElseThrow();
            assertThat(manual.sequence()).isEqualTo(7);
            assertThat(manual.hash()).isEqualTo(written.get(6).hash());
            assertThat(storage.audit().checkpoints())
                    .extracting(AuditCheckpoint::sequence)
                    .containsExactly(3L, 6L, 7L);
            assertThat(storage.audit().checkpoints()).allMatch(SIGNATURES::verify);
            assertThat(verify(storage.audit()))
                    .isEqualTo(new Intact(7, 7, written.get(6).hash(), 3, 0));
        }

        @Test
        void theDatabaseRefusesChangesAndDeletions() {
            appendEvents(storage.audit(), 2);
            assertThatThrownBy(() -> {
                        try (Connection c = java.sql.DriverManager.getConnection(url);
                                Statement s = c.createStatement()) {
                            s.execute("UPDATE audit_entry SET purpose = 'other' WHERE sequence = 1");
                        }
                    })
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> {
                        try (Connection c = java.sql.DriverManager.getConnection(url);
                                Statement s = c.createStatement()) {
                            s.execute("DELETE FROM audit_entry");
                        }
                    })
                    .isInstanceOf(SQLException.class);
            assertThat(read(storage.audit(), 1)).hasSize(2);
        }
    }

    @Nested
    class Tampering {
        @BeforeEach
        void tenEntriesWithCheckpointsEveryFive() {
            storage.close();
            storage = open(new PostgresAuditLog.AutoCheckpoint.Every(5, SIGNER));
            appendEvents(storage.audit(), 10);
            assertThat(verify(storage.audit())).isInstanceOf(Intact.class);
        }

        @Test
        void anUpdatedPurposeIsFoundAtItsEntry() throws SQLException {
            tamper("UPDATE audit_entry SET purpose = 'other_purpose' WHERE sequence = 4");
            assertBroken(verify(storage.audit()), ErrorCode.AUDIT_ENTRY_ALTERED, 4);
        }

        @Test
        void aDeletedMiddleRowIsMissing() throws SQLException {
            tamper("DELETE FROM audit_entry WHERE sequence = 5");
            assertBroken(verify(storage.audit()), ErrorCode.AUDIT_ENTRY_MISSING, 5);
        }

        @Test
        void rowsDeletedFromTheEndAreMissingUpToTheLastCheckpoint() throws SQLException {
            tamper("DELETE FROM audit_entry WHERE sequence >= 8");
            assertBroken(verify(storage.audit()), ErrorCode.AUDIT_ENTRY_MISSING, 8);
        }

        @Test
        void twoRowsWithSwappedSequenceNumbersAreReordered() throws SQLException {
            tamper(
                    "UPDATE audit_entry SET sequence = 1000000 WHERE sequence = 5",
                    "UPDATE audit_entry SET sequence = 5 WHERE sequence = 6",
                    "UPDATE audit_entry SET sequence = 6 WHERE sequence = 1000000");
            assertBroken(verify(storage.audit()), ErrorCode.AUDIT_ENTRY_REORDERED, 5);
        }

        @Test
        void aChainRecomputedFromScratchIsCaughtByTheCheckpointAfterTheChange() throws SQLException {
            List<AuditEntry> stored = read(storage.audit(), 1);
            List<AuditEntry> rebuilt = new ArrayList<>();
            for (AuditEntry e : stored) {
                AuditEvent event = e.sequence() == 7 ? e.event().withPurpose("other_purpose") : e.event();
                rebuilt.add(
                        rebuilt.isEmpty()
                                ? AuditEntry.first(event)
                                : rebuilt.getLast().next(event));
            }
            try (Connection c = java.sql.DriverManager.getConnection(url)) {
                try (Statement s = c.createStatement()) {
                    s.execute("ALTER TABLE audit_entry DISABLE TRIGGER USER");
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE audit_entry SET purpose = ?, previous_hash = ?, hash = ? WHERE sequence = ?")) {
                    for (AuditEntry e : rebuilt) {
                        ps.setString(1, e.event().purpose());
                        ps.setBytes(2, e.previousHash().bytes());
                        ps.setBytes(3, e.hash().bytes());
                        ps.setLong(4, e.sequence());
                        ps.executeUpdate();
                    }
                }
            }
            // the chain alone holds: only the checkpoint of entry 10 shows the rewrite, after the one of entry 5
            assertThat(new AuditVerifier().verify(rebuilt.iterator(), List.of(), SIGNATURES))
                    .isInstanceOf(Intact.class);
            assertBroken(verify(storage.audit()), ErrorCode.AUDIT_CHECKPOINT_INVALID, 6);
        }

        @Test
        void aRowHoldingWhatTheLogNeverWritesIsAlteredAndTheRestStillReads() throws SQLException {
            tamper(
                    "UPDATE audit_entry SET purpose = 'looking for someone' WHERE sequence = 3",
                    "UPDATE audit_entry SET action = 'NO_SUCH_ACTION' WHERE sequence = 8");
            assertBroken(verify(storage.audit()), ErrorCode.AUDIT_ENTRY_ALTERED, 3);
            List<Long> readable = new ArrayList<>();
            List<Long> unreadable = new ArrayList<>();
            try (Stream<AuditEntry> s = storage.audit().entries()) {
                var it = s.iterator();
                while (true) {
                    try {
                        if (!it.hasNext()) {
                            break;
                        }
                        readable.add(it.next().sequence());
                    } catch (UnreadableAuditEntryException e) {
                        assertThat(e.getMessage()).doesNotContain("someone", "NO_SUCH_ACTION");
                        unreadable.add(e.sequence());
                    }
                }
            }
            assertThat(unreadable).containsExactly(3L, 8L);
            assertThat(readable).containsExactly(1L, 2L, 4L, 5L, 6L, 7L, 9L, 10L);
        }

        @Test
        void appendingAfterTheLastRowWasMadeUnreadableIsRefused() throws SQLException {
            tamper("UPDATE audit_entry SET action = 'NO_SUCH_ACTION' WHERE sequence = 10");
            storage.close();
            storage = open(new PostgresAuditLog.AutoCheckpoint.Every(5, SIGNER)); // a restarted node reads the head
            assertThatThrownBy(() -> storage.audit().append(event(11)))
                    .isInstanceOf(org.concordia.port.StoreException.class)
                    .hasMessageContaining("audit verify");
        }

        @Test
        void theWriterChainsToWhatItWroteSoALastRowAlteredSinceStaysFound() throws SQLException {
            tamper("UPDATE audit_entry SET purpose = 'other_purpose' WHERE sequence = 10");
            storage.audit().append(event(11));
            assertBroken(verify(storage.audit()), ErrorCode.AUDIT_ENTRY_ALTERED, 10);
        }
    }
}
