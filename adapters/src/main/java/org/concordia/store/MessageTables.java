package org.concordia.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.concordia.channel.MessageStatus;
import org.concordia.model.ParticipantCode;
import org.concordia.port.StoreException;

/**
 * The channel's tables (migration V4): the messages a node sent and received, and its outbox of
 * deliveries still to make (messages, read receipts). Every change that another node relies on — a
 * message queued, a message received and acknowledged, a read receipt queued — commits with {@code
 * synchronous_commit = on} whatever the server's default, so an acknowledgement never outlives a crash
 * of the database server. The inbox keeps one row per message id ({@code ON CONFLICT DO NOTHING}): a
 * message delivered twice shows once. Plain JDBC, one short transaction per call. Thread-safe.
 */
public final class MessageTables {
    /** Direction of a stored message, seen from this node. */
    public enum Direction {
        OUT,
        IN;

        String wire() {
            return this == OUT ? "out" : "in";
        }
    }

    /**
     * A message as stored: clear fields, the copy this node can open ({@code enc}, {@code
     * ciphertext}), and the signed envelope as it travelled.
     */
    public record Stored(
            UUID id,
            UUID thread,
            String kind,
            Direction direction,
            ParticipantCode from,
            ParticipantCode to,
            String tlp,
            String handlingCode,
            Instant createdAt,
            byte[] enc,
            byte[] ciphertext,
            byte[] envelope,
            byte[] signature,
            MessageStatus status,
            Instant statusAt,
            String author,
            String errorCode) {}

    /** A delivery still to make; {@code attachments}: whether the message has attachments to deliver first. */
    public record Due(
            UUID outboxId,
            ParticipantCode recipient,
            String kind,
            UUID message,
            int attempts,
            Instant deliverBy,
            byte[] envelope,
            byte[] signature,
            boolean attachments) {}

    private static final String COLUMNS = "id, thread, kind, direction, sender, recipient, tlp, handling_code,"
            + " created_at, enc, ciphertext, envelope, signature, status, status_at, author, error_code";

    private final DataSource dataSource;

    public MessageTables(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Work done in the transaction that queues a message; false rolls it all back. */
    @FunctionalInterface
    public interface Guard {
        boolean run(Connection c) throws SQLException;
    }

    /** Stores a message this node sends and puts it in the outbox, in one durable transaction. */
    public void queue(Stored m, Instant deliverBy) {
        queue(m, deliverBy, c -> true);
    }

    /**
     * Like {@link #queue(Stored, Instant)}, with {@code guard} run first in the same transaction: when it
     * returns false nothing is stored and the result is false (a follow-up decided meanwhile, say).
     */
    public boolean queue(Stored m, Instant deliverBy, Guard guard) {
        return inTransaction(c -> {
            if (!guard.run(c)) {
                c.rollback();
                return false;
            }
            // the message and its outbox row in one statement
            try (PreparedStatement ps = c.prepareStatement("WITH m AS (INSERT INTO message (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)) INSERT INTO outbox (id, recipient,"
                    + " kind, message, next_attempt, deliver_by) VALUES (?, ?, 'message', ?, ?, ?)")) {
                bind(ps, m);
                ps.setObject(18, m.id());
                ps.setString(19, m.to().value());
                ps.setObject(20, m.id());
                ps.setTimestamp(21, Timestamp.from(m.createdAt()));
                ps.setTimestamp(22, Timestamp.from(deliverBy));
                ps.executeUpdate();
            }
            return true;
        });
    }

    /**
     * Stores received messages, each once: the ids of those that were new (a message already held is
     * left as it is). Returns only after a durable commit, so the sender may be told they are stored.
     */
    public Set<UUID> receive(List<Stored> messages) {
        if (messages.isEmpty()) {
            return Set.of();
        }
        return inTransaction(c -> {
            Set<UUID> inserted = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO message (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
                for (Stored m : messages) {
                    bind(ps, m);
                    ps.addBatch();
                }
                int[] counts = ps.executeBatch();
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] > 0 || counts[i] == Statement.SUCCESS_NO_INFO) {
                        inserted.add(messages.get(i).id());
                    }
                }
            }
            return inserted;
        });
    }

    /**
     * The earliest next attempt of each recipient that has deliveries in the outbox: a loose index scan of
     * {@code outbox (recipient, next_attempt)}, two probes per recipient whatever the outbox holds.
     */
    public Map<ParticipantCode, Instant> nextAttempts() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("WITH RECURSIVE r (recipient) AS ((SELECT recipient FROM"
                        + " outbox ORDER BY recipient LIMIT 1) UNION ALL SELECT (SELECT o.recipient FROM outbox o WHERE"
                        + " o.recipient > r.recipient ORDER BY o.recipient LIMIT 1) FROM r WHERE r.recipient IS NOT"
                        + " NULL) SELECT r.recipient, (SELECT o.next_attempt FROM outbox o WHERE o.recipient ="
                        + " r.recipient ORDER BY o.next_attempt LIMIT 1) FROM r WHERE r.recipient IS NOT NULL");
                ResultSet rs = ps.executeQuery()) {
            Map<ParticipantCode, Instant> out = new LinkedHashMap<>();
            while (rs.next()) {
                Timestamp t = rs.getTimestamp(2);
                if (t != null) { // delivered since the recipient was read
                    out.put(new ParticipantCode(rs.getString(1)), t.toInstant());
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("cannot read the outbox", e);
        }
    }

    /** Deliveries to {@code recipient} due at {@code now}, oldest first, at most {@code limit}. */
    public List<Due> due(ParticipantCode recipient, Instant now, int limit) {
        try (Connection c = dataSource.getConnection();
                // the outbox by its index, then each message by its key (LATERAL): a hash join would read
                // the whole message table, which only grows
                PreparedStatement ps = c.prepareStatement("SELECT o.id, o.recipient, o.kind, o.message, o.attempts,"
                        + " o.deliver_by, m.envelope, m.signature, EXISTS (SELECT 1 FROM attachment a WHERE a.message ="
                        + " o.message AND a.direction = 'out') FROM (SELECT * FROM outbox WHERE recipient = ? AND"
                        + " next_attempt <= ? ORDER BY next_attempt LIMIT ?) o CROSS JOIN LATERAL (SELECT envelope,"
                        + " signature FROM message WHERE id = o.message) m ORDER BY o.next_attempt")) {
            ps.setString(1, recipient.value());
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setInt(3, limit);
            List<Due> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Due(
                            rs.getObject(1, UUID.class),
                            new ParticipantCode(rs.getString(2)),
                            rs.getString(3),
                            rs.getObject(4, UUID.class),
                            rs.getInt(5),
                            rs.getTimestamp(6).toInstant(),
                            rs.getBytes(7),
                            rs.getBytes(8),
                            rs.getBoolean(9)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("cannot read the outbox", e);
        }
    }

    /** Makes every delivery waiting for {@code recipient} due at {@code now} (it was seen to be up). */
    public void retryNow(ParticipantCode recipient, Instant now) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "UPDATE outbox SET next_attempt = ? WHERE recipient = ? AND next_attempt > ?")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setString(2, recipient.value());
            ps.setTimestamp(3, Timestamp.from(now));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure("cannot update the outbox", e);
        }
    }

    /**
     * Deliveries the recipient acknowledged: messages become {@code delivered} (unless a read receipt
     * already said more), and leave the outbox with the receipts.
     */
    public void delivered(List<Due> done, Instant at) {
        if (done.isEmpty()) {
            return;
        }
        inTransaction(c -> {
            // two statements for the whole batch
            try (PreparedStatement status = c.prepareStatement("UPDATE message SET status = 'delivered', status_at = ?"
                            + " WHERE id = ANY (?) AND direction = 'out' AND status = 'queued'");
                    PreparedStatement remove = c.prepareStatement("DELETE FROM outbox WHERE id = ANY (?)")) {
                status.setTimestamp(1, Timestamp.from(at));
                status.setArray(
                        2,
                        c.createArrayOf(
                                "uuid",
                                done.stream()
                                        .filter(d -> d.kind().equals("message"))
                                        .map(Due::message)
                                        .toArray()));
                status.executeUpdate();
                remove.setArray(
                        1,
                        c.createArrayOf("uuid", done.stream().map(Due::outboxId).toArray()));
                remove.executeUpdate();
            }
            return null;
        });
    }

    /** A failed attempt: tried again at {@code next}. */
    public void retryLater(Due d, Instant next, String errorCode) {
        inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE outbox SET attempts = attempts + 1, next_attempt = ?, last_error = ? WHERE id = ?")) {
                ps.setTimestamp(1, Timestamp.from(next));
                ps.setString(2, errorCode);
                ps.setObject(3, d.outboxId());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /**
     * A delivery given up (its time ran out, or the recipient refused it for good): a message becomes
     * {@code undeliverable} with the code, shown to its sender; a receipt is dropped.
     */
    public void giveUp(Due d, String errorCode, Instant at) {
        inTransaction(c -> {
            if (d.kind().equals("message")) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE message SET status = 'undeliverable',"
                        + " status_at = ?, error_code = ? WHERE id = ? AND status = 'queued'")) {
                    ps.setTimestamp(1, Timestamp.from(at));
                    ps.setString(2, errorCode);
                    ps.setObject(3, d.message());
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM outbox WHERE id = ?")) {
                ps.setObject(1, d.outboxId());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /**
     * A received message read for the first time by {@code reader}: marked read, and a read receipt
     * queued for its sender, in one transaction. False when it was read before (or is not received here).
     */
    public boolean markRead(UUID id, String reader, Instant at, Instant deliverBy) {
        return inTransaction(c -> {
            String sender;
            try (PreparedStatement ps = c.prepareStatement("UPDATE message SET status = 'read', status_at = ?,"
                    + " reader = ? WHERE id = ? AND direction = 'in' AND status = 'received' RETURNING sender")) {
                ps.setTimestamp(1, Timestamp.from(at));
                ps.setString(2, reader);
                ps.setObject(3, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return false;
                    }
                    sender = rs.getString(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox (id, recipient, kind, message,"
                    + " next_attempt, deliver_by) VALUES (?, ?, 'read-receipt', ?, ?, ?)")) {
                ps.setObject(1, UUID.randomUUID());
                ps.setString(2, sender);
                ps.setObject(3, id);
                ps.setTimestamp(4, Timestamp.from(at));
                ps.setTimestamp(5, Timestamp.from(deliverBy));
                ps.executeUpdate();
            }
            return true;
        });
    }

    /**
     * A read receipt from {@code reader}'s node for a message this node sent it: the message becomes
     * {@code read}. False when no such message was sent to that participant (or it was marked read before).
     */
    public boolean readBy(UUID id, ParticipantCode reader, Instant at) {
        return inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE message SET status = 'read', status_at = ? WHERE"
                    + " id = ? AND direction = 'out' AND recipient = ? AND status IN ('queued', 'delivered')")) {
                ps.setTimestamp(1, Timestamp.from(at));
                ps.setObject(2, id);
                ps.setString(3, reader.value());
                boolean changed = ps.executeUpdate() == 1;
                // a receipt can overtake the delivery's acknowledgement: the message is no longer due
                try (PreparedStatement d = c.prepareStatement(
                        "DELETE FROM outbox WHERE message = ? AND kind = 'message' AND recipient = ?")) {
                    d.setObject(1, id);
                    d.setString(2, reader.value());
                    d.executeUpdate();
                }
                return changed;
            }
        });
    }

    public Optional<Stored> find(UUID id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM message WHERE id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("cannot read a message", e);
        }
    }

    /**
     * The newest messages first, at most {@code limit}; not those of alerts (the alerts, their hits and
     * decisions are listed as such).
     */
    public List<Stored> list(int limit) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT " + COLUMNS + " FROM message WHERE kind NOT LIKE 'alert%'"
                                + " ORDER BY created_at DESC, id DESC LIMIT ?")) {
            ps.setInt(1, limit);
            List<Stored> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("cannot list messages", e);
        }
    }

    private static void bind(PreparedStatement ps, Stored m) throws SQLException {
        ps.setObject(1, m.id());
        ps.setObject(2, m.thread());
        ps.setString(3, m.kind());
        ps.setString(4, m.direction().wire());
        ps.setString(5, m.from().value());
        ps.setString(6, m.to().value());
        ps.setString(7, m.tlp());
        ps.setString(8, m.handlingCode());
        ps.setTimestamp(9, Timestamp.from(m.createdAt()));
        ps.setBytes(10, m.enc());
        ps.setBytes(11, m.ciphertext());
        ps.setBytes(12, m.envelope());
        ps.setBytes(13, m.signature());
        ps.setString(14, m.status().wireName());
        ps.setTimestamp(15, Timestamp.from(m.statusAt()));
        ps.setString(16, m.author());
        ps.setString(17, m.errorCode());
    }

    private static Stored read(ResultSet rs) throws SQLException {
        return new Stored(
                rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class),
                rs.getString(3),
                rs.getString(4).equals("out") ? Direction.OUT : Direction.IN,
                new ParticipantCode(rs.getString(5)),
                new ParticipantCode(rs.getString(6)),
                rs.getString(7),
                rs.getString(8),
                rs.getTimestamp(9).toInstant(),
                rs.getBytes(10),
                rs.getBytes(11),
                rs.getBytes(12),
                rs.getBytes(13),
                MessageStatus.parse(rs.getString(14)).orElseThrow(),
                rs.getTimestamp(15).toInstant(),
                rs.getString(16),
                rs.getString(17));
    }

    private <T> T inTransaction(DurableTransaction.Work<T> work) {
        try {
            return DurableTransaction.run(dataSource, work);
        } catch (SQLException e) {
            throw failure("cannot store a message", e);
        }
    }

    private static StoreException failure(String what, SQLException e) {
        return new StoreException(what + " (sqlstate " + e.getSQLState() + ")", e);
    }
}
