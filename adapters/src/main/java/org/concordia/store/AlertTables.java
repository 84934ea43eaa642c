package org.concordia.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.concordia.alert.Alert;
import org.concordia.json.AlertJson;
import org.concordia.model.ParticipantCode;
import org.concordia.model.RecordId;
import org.concordia.port.StoreException;

/**
 * Alerts, their recipients, hits, identity links and the records waiting to be checked (migration V7).
 * Writes caused by a received message are idempotent and committed durably, since the sender is told
 * "stored" right after; writes that go with a message this node sends run in the message's transaction
 * (the static methods taking a connection). Thread-safe.
 */
public final class AlertTables {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An alert as held: the alert and what the node noted about it. */
    public record Row(Alert alert, Instant receivedAt, Instant updatedAt, String publishedBy, int checkedVersion) {}

    /** A recipient an alert's newest version still has to be sent to. */
    public record Unsent(UUID alert, ParticipantCode participant, int version) {}

    /**
     * A hit on either side.
     *
     * @param side {@code found} (at the recipient, whose record hit) or {@code reported} (at the owner)
     * @param recordId the record's id: always at the recipient, at the owner only with a full reply
     * @param reference a hit-only reply's reference (a follow-up request names it)
     * @param state {@code new}, {@code confirmed} or {@code rejected}
     * @param recordVersion at the recipient, the record's version last reported (null when not known)
     * @param event {@code hit}, or {@code changed}: a record that matched a watch changed
     */
    public record Hit(
            UUID id,
            String side,
            UUID alert,
            ParticipantCode participant,
            String recordId,
            String reference,
            String reply,
            double score,
            String matchedOn,
            Instant foundAt,
            String state,
            Instant decidedAt,
            String decidedBy,
            UUID message,
            Integer recordVersion,
            String event) {
        /** The same hit with the message that reports it. */
        public Hit withMessage(UUID m) {
            return new Hit(
                    id,
                    side,
                    alert,
                    participant,
                    recordId,
                    reference,
                    reply,
                    score,
                    matchedOn,
                    foundAt,
                    state,
                    decidedAt,
                    decidedBy,
                    m,
                    recordVersion,
                    event);
        }
    }

    /** An identity link a person decided. */
    public record Link(
            UUID id,
            ParticipantCode leftOwner,
            String leftRecord,
            ParticipantCode rightOwner,
            String rightRecord,
            String rightReference,
            String state,
            String source,
            Double score,
            String decidedBy,
            Instant decidedAt) {}

    /** A record stored or changed and not yet checked against the alerts, with its queuing's number. */
    public record Pending(ParticipantCode owner, RecordId id, long seq) {}

    private static final String ALERT_COLUMNS = "body::text, received_at, updated_at, published_by, checked_version";
    private static final String HIT_COLUMNS = "id, side, alert, participant, record_id, reference, reply, score,"
            + " matched_on, found_at, state, decided_at, decided_by, message, record_version, event";

    private final DataSource dataSource;

    public AlertTables(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    // ------------------------------------------------------------------------------------ alerts

    /** Stores an alert this node publishes and its recipients, in one transaction. */
    public void publish(Alert a, String user, List<ParticipantCode> recipients, Instant now) {
        write("cannot store an alert", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO alert (id, version, owner, type, status,"
                    + " valid_until, body, received_at, updated_at, published_by, checked_version)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)")) {
                bindAlert(ps, a);
                ps.setTimestamp(8, Timestamp.from(now));
                ps.setTimestamp(9, Timestamp.from(now));
                ps.setString(10, user);
                ps.setInt(11, a.version());
                ps.executeUpdate();
            }
            try (PreparedStatement ps =
                    c.prepareStatement("INSERT INTO alert_recipient (alert, participant) VALUES (?, ?)")) {
                for (ParticipantCode p : recipients) {
                    ps.setObject(1, a.id());
                    ps.setString(2, p.value());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return true;
        });
    }

    /**
     * Replaces an own alert by its next version (an update or a cancellation); false when the version
     * held is not the one before (changed meanwhile) or it is cancelled already.
     */
    public boolean replaceOwn(Alert next, Instant now) {
        return write("cannot update an alert", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE alert SET version = ?, status = ?, valid_until = ?,"
                    + " body = ?::jsonb, updated_at = ?, checked_version = ? WHERE id = ? AND version = ?"
                    + " AND status = 'active'")) {
                ps.setInt(1, next.version());
                ps.setString(2, next.status().wireName());
                ps.setTimestamp(3, Timestamp.from(next.validUntil()));
                ps.setString(4, AlertJson.write(next).toString());
                ps.setTimestamp(5, Timestamp.from(now));
                ps.setInt(6, next.version());
                ps.setObject(7, next.id());
                ps.setInt(8, next.version() - 1);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /**
     * Stores a received alert unless a version as new is held, or the id is held for another owner;
     * true when it was stored now (it is then to be checked against every record).
     */
    public boolean receive(Alert a, Instant now) {
        return write("cannot store a received alert", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO alert AS x (id, version, owner, type, status,"
                    + " valid_until, body, received_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)"
                    + " ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, type = EXCLUDED.type,"
                    + " status = EXCLUDED.status, valid_until = EXCLUDED.valid_until, body = EXCLUDED.body,"
                    + " updated_at = EXCLUDED.updated_at"
                    + " WHERE x.version < EXCLUDED.version AND x.owner = EXCLUDED.owner")) {
                bindAlert(ps, a);
                ps.setTimestamp(8, Timestamp.from(now));
                ps.setTimestamp(9, Timestamp.from(now));
                return ps.executeUpdate() == 1;
            }
        });
    }

    private static void bindAlert(PreparedStatement ps, Alert a) throws SQLException {
        ps.setObject(1, a.id());
        ps.setInt(2, a.version());
        ps.setString(3, a.owner().value());
        ps.setString(4, a.type().wireName());
        ps.setString(5, a.status().wireName());
        ps.setTimestamp(6, Timestamp.from(a.validUntil()));
        ps.setString(7, AlertJson.write(a).toString());
    }

    public Optional<Row> find(UUID id) {
        List<Row> rows = alerts("SELECT " + ALERT_COLUMNS + " FROM alert WHERE id = ?", ps -> ps.setObject(1, id));
        return rows.stream().findFirst();
    }

    /** The newest alerts first: own ({@code own}) or received. */
    public List<Row> list(ParticipantCode self, boolean own, int limit) {
        return alerts(
                "SELECT " + ALERT_COLUMNS
                        + " FROM alert WHERE (owner = ?) = ? ORDER BY received_at DESC, id DESC LIMIT ?",
                ps -> {
                    ps.setString(1, self.value());
                    ps.setBoolean(2, own);
                    ps.setInt(3, limit);
                });
    }

    /** Received alerts active at {@code now} (their status; validity is checked when matching). */
    public List<Alert> activeReceived(ParticipantCode self, Instant now) {
        return alerts(
                        "SELECT " + ALERT_COLUMNS
                                + " FROM alert WHERE owner <> ? AND status = 'active' AND valid_until > ?",
                        ps -> {
                            ps.setString(1, self.value());
                            ps.setTimestamp(2, Timestamp.from(now));
                        })
                .stream()
                .map(Row::alert)
                .toList();
    }

    /** Received active alerts whose newest version is not yet checked against every record, oldest first. */
    public List<Alert> unchecked(ParticipantCode self, int limit) {
        return alerts(
                        "SELECT " + ALERT_COLUMNS + " FROM alert WHERE checked_version < version AND status = 'active'"
                                + " AND owner <> ? ORDER BY received_at LIMIT ?",
                        ps -> {
                            ps.setString(1, self.value());
                            ps.setInt(2, limit);
                        })
                .stream()
                .map(Row::alert)
                .toList();
    }

    /** Notes that these alerts' versions were checked against every record. */
    public void checked(List<Alert> alerts) {
        write("cannot note an alert as checked", c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("UPDATE alert SET checked_version = ? WHERE id = ? AND checked_version < ?")) {
                for (Alert a : alerts) {
                    ps.setInt(1, a.version());
                    ps.setObject(2, a.id());
                    ps.setInt(3, a.version());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return true;
        });
    }

    /**
     * Recipients of own alerts that have not been sent the newest version, but for {@code skipped} ones
     * (those that cannot be sent to now), the oldest first.
     */
    public List<Unsent> unsent(int limit, java.util.Set<ParticipantCode> skipped) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT r.alert, r.participant, a.version FROM alert_recipient r"
                                + " JOIN alert a ON a.id = r.alert WHERE r.sent_version < a.version AND r.participant <> ALL (?)"
                                + " ORDER BY a.updated_at LIMIT ?")) {
            ps.setArray(
                    1,
                    c.createArrayOf(
                            "text", skipped.stream().map(ParticipantCode::value).toArray()));
            ps.setInt(2, limit);
            List<Unsent> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Unsent(
                            rs.getObject(1, UUID.class), new ParticipantCode(rs.getString(2)), rs.getInt(3)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("cannot read the alerts to send", e);
        }
    }

    /** Whom an own alert goes to. */
    public List<ParticipantCode> recipients(UUID alert) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT participant FROM alert_recipient WHERE alert = ? ORDER BY participant")) {
            ps.setObject(1, alert);
            List<ParticipantCode> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ParticipantCode(rs.getString(1)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("cannot read an alert's recipients", e);
        }
    }

    /** In the transaction that queues the message: notes the version sent; false when it was sent before. */
    public static boolean sent(Connection c, UUID alert, ParticipantCode participant, int version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE alert_recipient SET sent_version = ? WHERE alert = ?"
                + " AND participant = ? AND sent_version < ?")) {
            ps.setInt(1, version);
            ps.setObject(2, alert);
            ps.setString(3, participant.value());
            ps.setInt(4, version);
            return ps.executeUpdate() == 1;
        }
    }

    // ------------------------------------------------------------------------------ record checks

    /** Records waiting to be checked against the alerts. */
    public List<Pending> pending(int limit) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT owner, id, seq FROM record_check ORDER BY seq LIMIT ?")) {
            ps.setInt(1, limit);
            List<Pending> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Pending(
                            new ParticipantCode(rs.getString(1)), new RecordId(rs.getString(2)), rs.getLong(3)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("cannot read the records to check", e);
        }
    }

    /**
     * Removes records from the waiting list once they were checked (and their hits stored), unless queued
     * again meanwhile (a new version stored during the check: its entry has another number).
     */
    public void done(List<Pending> checked) {
        if (checked.isEmpty()) {
            return;
        }
        write("cannot note records as checked", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM record_check WHERE (owner, id, seq) IN"
                    + " (SELECT * FROM unnest(?::text[], ?::text[], ?::bigint[]))")) {
                ps.setArray(
                        1,
                        c.createArrayOf(
                                "text",
                                checked.stream().map(p -> p.owner().value()).toArray()));
                ps.setArray(
                        2,
                        c.createArrayOf(
                                "text",
                                checked.stream().map(p -> p.id().value()).toArray()));
                ps.setArray(
                        3,
                        c.createArrayOf(
                                "bigint", checked.stream().map(Pending::seq).toArray()));
                ps.executeUpdate();
            }
            return true;
        });
    }

    // --------------------------------------------------------------------------------------- hits

    /** Stores a hit unless this one, or one of the same alert and record, is held; true when stored now. */
    public static boolean insertHit(Connection c, Hit h) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO alert_hit (" + HIT_COLUMNS + ")"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            ps.setObject(1, h.id());
            ps.setString(2, h.side());
            ps.setObject(3, h.alert());
            ps.setString(4, h.participant().value());
            ps.setString(5, h.recordId());
            ps.setString(6, h.reference());
            ps.setString(7, h.reply());
            ps.setDouble(8, h.score());
            ps.setString(9, h.matchedOn());
            ps.setTimestamp(10, Timestamp.from(h.foundAt()));
            ps.setString(11, h.state());
            ps.setTimestamp(12, h.decidedAt() == null ? null : Timestamp.from(h.decidedAt()));
            ps.setString(13, h.decidedBy());
            ps.setObject(14, h.message());
            ps.setObject(15, h.recordVersion(), Types.INTEGER);
            ps.setString(16, h.event());
            return ps.executeUpdate() == 1;
        }
    }

    /** {@link #insertHit(Connection, Hit)} in its own durable transaction (a hit a partner reported). */
    public boolean insertHit(Hit h) {
        return write("cannot store a hit", c -> insertHit(c, h));
    }

    /** The hit of this alert and record found here before, if any. */
    public Optional<Hit> foundBefore(UUID alert, ParticipantCode participant, String recordId) {
        return hits(
                        "SELECT " + HIT_COLUMNS
                                + " FROM alert_hit WHERE side = 'found' AND alert = ? AND participant = ?"
                                + " AND record_id = ?",
                        ps -> {
                            ps.setObject(1, alert);
                            ps.setString(2, participant.value());
                            ps.setString(3, recordId);
                        })
                .stream()
                .findFirst();
    }

    /**
     * In the transaction that reports it: notes that a newer version of a found hit's record is reported
     * (a watched record changed); false when this version, or a newer one, was reported before.
     */
    public static boolean reportVersion(Connection c, UUID hit, int version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE alert_hit SET record_version = ? WHERE id = ?"
                + " AND (record_version IS NULL OR record_version < ?)")) {
            ps.setInt(1, version);
            ps.setObject(2, hit);
            ps.setInt(3, version);
            return ps.executeUpdate() == 1;
        }
    }

    public Optional<Hit> hit(UUID id) {
        return hits("SELECT " + HIT_COLUMNS + " FROM alert_hit WHERE id = ?", ps -> ps.setObject(1, id)).stream()
                .findFirst();
    }

    /** The newest hits of one side first, of one alert or (null) of all. */
    public List<Hit> hits(String side, UUID alert, int limit) {
        return hits(
                "SELECT " + HIT_COLUMNS + " FROM alert_hit WHERE side = ? AND (?::uuid IS NULL OR alert = ?::uuid)"
                        + " ORDER BY found_at DESC, id DESC LIMIT ?",
                ps -> {
                    ps.setString(1, side);
                    ps.setObject(2, alert, Types.OTHER);
                    ps.setObject(3, alert, Types.OTHER);
                    ps.setInt(4, limit);
                });
    }

    /** Hits found here that could not be reported yet (the owner could not be sent to), oldest first. */
    public List<Hit> unreported(int limit) {
        return hits(
                "SELECT " + HIT_COLUMNS
                        + " FROM alert_hit WHERE side = 'found' AND message IS NULL AND reply <> 'withheld'"
                        + " ORDER BY found_at LIMIT ?",
                ps -> ps.setInt(1, limit));
    }

    /** In the transaction that queues its report: notes the report of a hit found before; false when reported. */
    public static boolean reported(Connection c, UUID hit, UUID message, String reply, String reference)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE alert_hit SET message = ?, reply = ?, reference = ?" + " WHERE id = ? AND message IS NULL")) {
            ps.setObject(1, message);
            ps.setString(2, reply);
            ps.setString(3, reference);
            ps.setObject(4, hit);
            return ps.executeUpdate() == 1;
        }
    }

    /** Decides a hit still new; false when it was decided before. */
    public static boolean decide(Connection c, UUID hit, String state, String by, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE alert_hit SET state = ?, decided_by = ?, decided_at = ? WHERE id = ? AND state = 'new'")) {
            ps.setString(1, state);
            ps.setString(2, by);
            ps.setTimestamp(3, Timestamp.from(at));
            ps.setObject(4, hit);
            return ps.executeUpdate() == 1;
        }
    }

    /** Stores an identity link unless held; true when stored now. */
    public static boolean link(Connection c, Link l) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO identity_link (id, left_owner, left_record,"
                + " right_owner, right_record, right_reference, state, source, score, decided_by, decided_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
            ps.setObject(1, l.id());
            ps.setString(2, l.leftOwner().value());
            ps.setString(3, l.leftRecord());
            ps.setString(4, l.rightOwner().value());
            ps.setString(5, l.rightRecord());
            ps.setString(6, l.rightReference());
            ps.setString(7, l.state());
            ps.setString(8, l.source());
            if (l.score() == null) {
                ps.setNull(9, Types.DOUBLE);
            } else {
                ps.setDouble(9, l.score());
            }
            ps.setString(10, l.decidedBy());
            ps.setTimestamp(11, Timestamp.from(l.decidedAt()));
            return ps.executeUpdate() == 1;
        }
    }

    /** At the recipient: the owner's decision on a hit found here, and the link it makes, durably. */
    public boolean decided(UUID hit, String state, String by, Instant at, Link link) {
        return write("cannot store a hit decision", c -> {
            boolean changed = decide(c, hit, state, by, at);
            link(c, link);
            return changed;
        });
    }

    /** The newest identity links first. */
    public List<Link> links(int limit) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT id, left_owner, left_record, right_owner, right_record,"
                                + " right_reference, state, source, score, decided_by, decided_at FROM identity_link"
                                + " ORDER BY decided_at DESC, id DESC LIMIT ?")) {
            ps.setInt(1, limit);
            List<Link> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double score = rs.getDouble(9);
                    out.add(new Link(
                            rs.getObject(1, UUID.class),
                            new ParticipantCode(rs.getString(2)),
                            rs.getString(3),
                            new ParticipantCode(rs.getString(4)),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(8),
                            rs.wasNull() ? null : score,
                            rs.getString(10),
                            rs.getTimestamp(11).toInstant()));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("cannot read identity links", e);
        }
    }

    // ------------------------------------------------------------------------------------ helpers

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private List<Row> alerts(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            List<Row> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    AlertJson.Read read = AlertJson.read(JSON.readTree(rs.getString(1)));
                    if (!(read instanceof AlertJson.Read.Ok ok)) {
                        throw new StoreException("a stored alert does not read", null);
                    }
                    out.add(new Row(
                            ok.alert(),
                            rs.getTimestamp(2).toInstant(),
                            rs.getTimestamp(3).toInstant(),
                            rs.getString(4),
                            rs.getInt(5)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("cannot read alerts", e);
        } catch (IOException e) {
            throw new StoreException("a stored alert is not JSON", e);
        }
    }

    private List<Hit> hits(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            List<Hit> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp decided = rs.getTimestamp(12);
                    out.add(new Hit(
                            rs.getObject(1, UUID.class),
                            rs.getString(2),
                            rs.getObject(3, UUID.class),
                            new ParticipantCode(rs.getString(4)),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getDouble(8),
                            rs.getString(9),
                            rs.getTimestamp(10).toInstant(),
                            rs.getString(11),
                            decided == null ? null : decided.toInstant(),
                            rs.getString(13),
                            rs.getObject(14, UUID.class),
                            (Integer) rs.getObject(15),
                            rs.getString(16)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("cannot read hits", e);
        }
    }

    private <T> T write(String what, DurableTransaction.Work<T> work) {
        try {
            return DurableTransaction.run(dataSource, work);
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    private static StoreException failure(String what, SQLException e) {
        return new StoreException(what + " (sqlstate " + e.getSQLState() + ")", e);
    }
}
