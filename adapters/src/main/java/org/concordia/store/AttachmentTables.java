package org.concordia.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.concordia.port.StoreException;

/**
 * Attachments of messages (migration V6): a row per attachment and its sealed segments, written one
 * segment per statement so an upload or a delivery never holds a whole attachment in memory. Segments
 * are stored once per (attachment, sequence number): a segment delivered twice is kept once. Thread-safe.
 */
public final class AttachmentTables {
    /** An attachment's row. */
    public record Row(
            UUID id,
            boolean outgoing,
            UUID message,
            String peer,
            String uploader,
            long size,
            int segments,
            byte[] ciphertextSha256,
            byte[] sealedKey,
            byte[] keyNonce,
            boolean complete) {}

    private static final String COLUMNS = "id, direction, message, peer, uploader, size, segments, ciphertext_sha256,"
            + " sealed_key, key_nonce, complete";

    private final DataSource dataSource;

    public AttachmentTables(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Starts an upload by a local user: no segment and no key yet. */
    public void startUpload(UUID id, String uploader, Instant at) {
        update(
                "INSERT INTO attachment (id, direction, uploader, size, segments, complete, created_at) VALUES (?,"
                        + " 'out', ?, 0, 0, false, ?)",
                id,
                uploader,
                Timestamp.from(at));
    }

    /**
     * Completes an upload: its size, segment count, the hash of its sealed segments, and its key (with
     * its name and content hash) sealed locally.
     */
    public void finishUpload(
            UUID id, long size, int segments, byte[] ciphertextSha256, byte[] sealedKey, byte[] keyNonce) {
        update(
                "UPDATE attachment SET size = ?, segments = ?, ciphertext_sha256 = ?, sealed_key = ?, key_nonce = ?,"
                        + " complete = true WHERE id = ?",
                size,
                segments,
                ciphertextSha256,
                sealedKey,
                keyNonce,
                id);
    }

    /** Removes an attachment and its segments (an upload that failed or was too large). */
    public void delete(UUID id) {
        update("DELETE FROM attachment_segment WHERE attachment = ?", id);
        update("DELETE FROM attachment WHERE id = ?", id);
    }

    /** Starts receiving a partner's attachment, unless it is being received already. */
    public void startReceiving(UUID id, String peer, int segments, Instant at) {
        update(
                "INSERT INTO attachment (id, direction, peer, size, segments, complete, created_at) VALUES (?, 'in',"
                        + " ?, 0, ?, false, ?) ON CONFLICT (id) DO NOTHING",
                id,
                peer,
                segments,
                Timestamp.from(at));
    }

    /** Stores a segment once. */
    public void putSegment(UUID id, int seq, byte[] bytes) {
        update(
                "INSERT INTO attachment_segment (attachment, seq, bytes) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                id,
                seq,
                bytes);
    }

    public Optional<byte[]> segment(UUID id, int seq) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT bytes FROM attachment_segment WHERE attachment = ? AND seq = ?")) {
            ps.setObject(1, id);
            ps.setInt(2, seq);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("cannot read an attachment", e);
        }
    }

    public int segmentCount(UUID id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT count(*) FROM attachment_segment WHERE attachment = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw failure("cannot read an attachment", e);
        }
    }

    public Optional<Row> find(UUID id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM attachment WHERE id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Row(
                        rs.getObject(1, UUID.class),
                        rs.getString(2).equals("out"),
                        rs.getObject(3, UUID.class),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getLong(6),
                        rs.getInt(7),
                        rs.getBytes(8),
                        rs.getBytes(9),
                        rs.getBytes(10),
                        rs.getBoolean(11)));
            }
        } catch (SQLException e) {
            throw failure("cannot read an attachment", e);
        }
    }

    /**
     * Attaches uploads of {@code uploader} to the message being queued (inside its transaction); false
     * when one of them is not a complete upload of that user waiting to be sent.
     */
    public static boolean attach(Connection c, Collection<UUID> ids, String uploader, UUID message)
            throws SQLException {
        if (ids.isEmpty()) {
            return true;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE attachment SET message = ?, sealed_key = NULL,"
                + " key_nonce = NULL WHERE id = ANY (?) AND direction = 'out' AND message IS NULL AND uploader = ?"
                + " AND complete")) {
            ps.setObject(1, message);
            ps.setArray(2, c.createArrayOf("uuid", ids.toArray()));
            ps.setString(3, uploader);
            return ps.executeUpdate() == ids.size();
        }
    }

    /** A received attachment checked and accepted with its message. */
    public void completeIncoming(UUID id, UUID message, long size, byte[] ciphertextSha256) {
        update(
                "UPDATE attachment SET message = ?, size = ?, ciphertext_sha256 = ?, complete = true WHERE id = ? AND"
                        + " direction = 'in'",
                message,
                size,
                ciphertextSha256,
                id);
    }

    /**
     * One statement in its own transaction, committed synchronously: a segment or an acceptance is
     * acknowledged to the sender right after, so it must outlive a crash of the database server.
     */
    private void update(String sql, Object... args) {
        try {
            DurableTransaction.run(dataSource, c -> {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    for (int i = 0; i < args.length; i++) {
                        ps.setObject(i + 1, args[i]);
                    }
                    return ps.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw failure("cannot store an attachment", e);
        }
    }

    private static StoreException failure(String what, SQLException e) {
        return new StoreException(what + " (sqlstate " + e.getSQLState() + ")", e);
    }
}
