package org.concordia.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.concordia.model.ParticipantCode;
import org.concordia.port.StoreException;

/**
 * Officers' subscriptions and what they are told (migration V8): a watched record of this node and the
 * partners' enquiries that found it; a watched person or object, whose events are the hits partners
 * report on its watch alert ({@link AlertTables}). Thread-safe.
 */
public final class SubscriptionTables {
    /**
     * A subscription.
     *
     * @param kind {@code record} (one of this node's records) or {@code subject} (a person or object
     *     watched at the partners through a watch alert)
     */
    public record Row(
            UUID id,
            String user,
            String kind,
            ParticipantCode recordOwner,
            String recordId,
            UUID alert,
            Instant createdAt,
            Instant endedAt) {}

    /** A partner's search that found a watched record: who, when, under which purpose, answered how. */
    public record Event(
            UUID id,
            UUID subscription,
            String kind,
            ParticipantCode participant,
            Instant at,
            String purpose,
            String reply) {}

    private static final String COLUMNS = "id, username, kind, record_owner, record_id, alert, created_at, ended_at";

    private final DataSource dataSource;

    public SubscriptionTables(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void insert(Row r) {
        update(
                "cannot store a subscription",
                "INSERT INTO subscription (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                ps -> {
                    ps.setObject(1, r.id());
                    ps.setString(2, r.user());
                    ps.setString(3, r.kind());
                    ps.setString(
                            4, r.recordOwner() == null ? null : r.recordOwner().value());
                    ps.setString(5, r.recordId());
                    ps.setObject(6, r.alert());
                    ps.setTimestamp(7, Timestamp.from(r.createdAt()));
                    ps.setTimestamp(8, null);
                });
    }

    /** Ends a user's subscription still running; false when there is none. */
    public boolean end(UUID id, String user, Instant at) {
        return update(
                        "cannot end a subscription",
                        "UPDATE subscription SET ended_at = ? WHERE id = ? AND username = ? AND ended_at IS NULL",
                        ps -> {
                            ps.setTimestamp(1, Timestamp.from(at));
                            ps.setObject(2, id);
                            ps.setString(3, user);
                        })
                == 1;
    }

    public Optional<Row> find(UUID id) {
        return rows("SELECT " + COLUMNS + " FROM subscription WHERE id = ?", ps -> ps.setObject(1, id)).stream()
                .findFirst();
    }

    /** A user's subscriptions, the newest first. */
    public List<Row> of(String user, int limit) {
        return rows(
                "SELECT " + COLUMNS + " FROM subscription WHERE username = ? ORDER BY created_at DESC, id DESC LIMIT ?",
                ps -> {
                    ps.setString(1, user);
                    ps.setInt(2, limit);
                });
    }

    /** Running subscriptions of records of this node. */
    public List<Row> watchedRecords() {
        return rows("SELECT " + COLUMNS + " FROM subscription WHERE kind = 'record' AND ended_at IS NULL", ps -> {});
    }

    public void event(Event e) {
        update(
                "cannot store a subscription event",
                "INSERT INTO subscription_event (id, subscription, kind, participant, at, purpose, reply)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                ps -> {
                    ps.setObject(1, e.id());
                    ps.setObject(2, e.subscription());
                    ps.setString(3, e.kind());
                    ps.setString(4, e.participant().value());
                    ps.setTimestamp(5, Timestamp.from(e.at()));
                    ps.setString(6, e.purpose());
                    ps.setString(7, e.reply());
                });
    }

    /** The enquiries that found a user's watched records, the newest first. */
    public List<Event> events(String user, int limit) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT e.id, e.subscription, e.kind, e.participant, e.at,"
                        + " e.purpose, e.reply FROM subscription_event e JOIN subscription s ON s.id = e.subscription"
                        + " WHERE s.username = ? ORDER BY e.at DESC, e.id DESC LIMIT ?")) {
            ps.setString(1, user);
            ps.setInt(2, limit);
            List<Event> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Event(
                            rs.getObject(1, UUID.class),
                            rs.getObject(2, UUID.class),
                            rs.getString(3),
                            new ParticipantCode(rs.getString(4)),
                            rs.getTimestamp(5).toInstant(),
                            rs.getString(6),
                            rs.getString(7)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("cannot read subscription events", e);
        }
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private int update(String what, String sql, Binder binder) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    private List<Row> rows(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            List<Row> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp ended = rs.getTimestamp(8);
                    out.add(new Row(
                            rs.getObject(1, UUID.class),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4) == null ? null : new ParticipantCode(rs.getString(4)),
                            rs.getString(5),
                            rs.getObject(6, UUID.class),
                            rs.getTimestamp(7).toInstant(),
                            ended == null ? null : ended.toInstant()));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("cannot read subscriptions", e);
        }
    }

    private static StoreException failure(String what, SQLException e) {
        return new StoreException(what + " (sqlstate " + e.getSQLState() + ")", e);
    }
}
