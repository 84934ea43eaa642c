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
import org.concordia.channel.FollowUp;
import org.concordia.channel.Urgency;
import org.concordia.model.ParticipantCode;
import org.concordia.port.StoreException;

/**
 * Follow-up requests as both sides keep them (migration V5). Writes that go with a message (a request
 * made, a decision taken) run inside the message's transaction ({@link MessageTables#queue(MessageTables.Stored,
 * Instant, MessageTables.Guard)}); those caused by a received message are idempotent, since a message may
 * be delivered twice. Thread-safe.
 */
public final class FollowUpTables {
    /** A follow-up with who made or decided it and the decision's message. */
    public record Row(
            FollowUp followUp, String requestedBy, Instant decidedAt, String decidedBy, UUID decisionMessage) {}

    private static final String COLUMNS = "id, direction, partner, reference, purpose, urgency, state, requested_at,"
            + " due_at, overdue_at, escalated_to, requested_by, decided_at, decided_by, decision_message";

    private final DataSource dataSource;

    public FollowUpTables(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores a new request unless one with its id is held already; true when stored now. */
    public static boolean insert(Connection c, FollowUp f, String requestedBy) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO follow_up (id, direction, partner, reference,"
                + " purpose, urgency, state, requested_at, due_at, requested_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (id) DO NOTHING")) {
            ps.setObject(1, f.id());
            ps.setString(2, f.outgoing() ? "out" : "in");
            ps.setString(3, f.partner().value());
            ps.setString(4, f.reference());
            ps.setString(5, f.purpose());
            ps.setString(6, f.urgency().wireName());
            ps.setString(7, f.state().wireName());
            ps.setTimestamp(8, Timestamp.from(f.requestedAt()));
            ps.setTimestamp(9, Timestamp.from(f.dueAt()));
            ps.setString(10, requestedBy);
            return ps.executeUpdate() == 1;
        }
    }

    /**
     * Records a decision on a request still open; false when it was decided before (nothing changed).
     *
     * @param decidedBy the local user who decided (at the owner), or null (at the requester)
     */
    public static boolean decide(
            Connection c, UUID id, FollowUp.State state, Instant at, String decidedBy, UUID decisionMessage)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE follow_up SET state = ?, decided_at = ?, decided_by = ?,"
                + " decision_message = ? WHERE id = ? AND state = 'requested'")) {
            ps.setString(1, state.wireName());
            ps.setTimestamp(2, Timestamp.from(at));
            ps.setString(3, decidedBy);
            ps.setObject(4, decisionMessage);
            ps.setObject(5, id);
            return ps.executeUpdate() == 1;
        }
    }

    /** {@link #decide(Connection, UUID, FollowUp.State, Instant, String, UUID)} in its own transaction. */
    public boolean decide(UUID id, FollowUp.State state, Instant at, String decidedBy, UUID decisionMessage) {
        return durably(c -> decide(c, id, state, at, decidedBy, decisionMessage));
    }

    /** What a received message caused is acknowledged to its sender right after: committed durably. */
    private boolean durably(DurableTransaction.Work<Boolean> work) {
        try {
            return DurableTransaction.run(dataSource, work);
        } catch (SQLException e) {
            throw failure("cannot store a follow-up request", e);
        }
    }

    /** {@link #insert(Connection, FollowUp, String)} in its own transaction. */
    public boolean insert(FollowUp f, String requestedBy) {
        return durably(c -> insert(c, f, requestedBy));
    }

    public Optional<Row> find(UUID id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM follow_up WHERE id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("cannot read a follow-up request", e);
        }
    }

    /** The newest requests first. */
    public List<Row> list(int limit) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT " + COLUMNS + " FROM follow_up ORDER BY requested_at DESC, id DESC LIMIT ?")) {
            ps.setInt(1, limit);
            List<Row> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("cannot list follow-up requests", e);
        }
    }

    /**
     * Flags every open request past its deadline at {@code now} that is not flagged yet, escalated to
     * {@code role}; returns those flagged now.
     */
    public List<FollowUp> flagOverdue(Instant now, String role) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE follow_up SET overdue_at = ?, escalated_to = ? WHERE"
                        + " state = 'requested' AND due_at < ? AND overdue_at IS NULL RETURNING " + COLUMNS)) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setString(2, role);
            ps.setTimestamp(3, Timestamp.from(now));
            List<FollowUp> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs).followUp());
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("cannot flag overdue follow-up requests", e);
        }
    }

    private static Row read(ResultSet rs) throws SQLException {
        FollowUp f = new FollowUp(
                rs.getObject(1, UUID.class),
                rs.getString(2).equals("out"),
                new ParticipantCode(rs.getString(3)),
                rs.getString(4),
                rs.getString(5),
                Urgency.parse(rs.getString(6)).orElseThrow(),
                FollowUp.State.parse(rs.getString(7)).orElseThrow(),
                rs.getTimestamp(8).toInstant(),
                rs.getTimestamp(9).toInstant(),
                instant(rs.getTimestamp(10)),
                rs.getString(11));
        return new Row(
                f, rs.getString(12), instant(rs.getTimestamp(13)), rs.getString(14), rs.getObject(15, UUID.class));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static StoreException failure(String what, SQLException e) {
        return new StoreException(what + " (sqlstate " + e.getSQLState() + ")", e);
    }
}
