package org.concordia.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.concordia.model.ParticipantCode;
import org.concordia.model.RecordId;
import org.concordia.model.RecordType;
import org.concordia.model.TlpLabel;
import org.concordia.port.StoreException;
import org.concordia.sharing.SharingAgreement;
import org.concordia.sharing.SharingMode;

/**
 * The node's own tables beside its records (migration V3): local accounts, the owner's sharing
 * agreements, and the references handed out in hit-only answers. Plain JDBC, one short transaction per
 * call. Thread-safe.
 */
public final class NodeTables {
    /** A local account: the password only as its Argon2id hash. */
    public record Account(String username, String passwordHash, String role) {}

    /** What a hit-only reference stands for. */
    public record Reference(
            String reference, ParticipantCode partner, ParticipantCode owner, RecordId recordId, Instant issuedAt) {}

    private final DataSource dataSource;
    private final ParticipantCode owner;

    public NodeTables(DataSource dataSource, ParticipantCode owner) {
        this.dataSource = dataSource;
        this.owner = owner;
    }

    /** Creates or replaces an account. */
    public void putAccount(Account a) {
        update(
                "INSERT INTO account (username, password_hash, role) VALUES (?, ?, ?) ON CONFLICT (username)"
                        + " DO UPDATE SET password_hash = EXCLUDED.password_hash, role = EXCLUDED.role",
                a.username(),
                a.passwordHash(),
                a.role());
    }

    public Optional<Account> account(String username) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT username, password_hash, role FROM account WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new Account(rs.getString(1), rs.getString(2), rs.getString(3)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read an account (sqlstate " + e.getSQLState() + ")", e);
        }
    }

    public long accountCount() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM account");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new StoreException("cannot count accounts (sqlstate " + e.getSQLState() + ")", e);
        }
    }

    /** Every agreement this owner has made. */
    public List<SharingAgreement> agreements() {
        List<SharingAgreement> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT partner, mode, record_types, max_tlp, purposes FROM sharing_agreement ORDER BY partner");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Set<RecordType> types = EnumSet.noneOf(RecordType.class);
                for (String t : strings(rs.getArray(3))) {
                    RecordType.fromWireName(t).ifPresent(types::add);
                }
                out.add(new SharingAgreement(
                        owner,
                        new ParticipantCode(rs.getString(1)),
                        SharingMode.parse(rs.getString(2)).orElse(SharingMode.NONE),
                        types,
                        TlpLabel.parse(rs.getString(4)).orElse(TlpLabel.CLEAR),
                        new HashSet<>(strings(rs.getArray(5)))));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read the sharing agreements (sqlstate " + e.getSQLState() + ")", e);
        }
    }

    /** Creates or replaces the agreement with its partner. */
    public void putAgreement(SharingAgreement a, String changedBy, Instant at) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO sharing_agreement (partner, mode, record_types, max_tlp, purposes, changed_at,"
                                + " changed_by) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (partner) DO UPDATE SET"
                                + " mode = EXCLUDED.mode, record_types = EXCLUDED.record_types, max_tlp ="
                                + " EXCLUDED.max_tlp, purposes = EXCLUDED.purposes, changed_at = EXCLUDED.changed_at,"
                                + " changed_by = EXCLUDED.changed_by")) {
            ps.setString(1, a.partner().value());
            ps.setString(2, a.mode().wireName());
            ps.setArray(
                    3,
                    c.createArrayOf(
                            "text",
                            a.recordTypes().stream()
                                    .map(RecordType::wireName)
                                    .sorted()
                                    .toArray()));
            ps.setString(4, a.maxTlp().wireName());
            ps.setArray(
                    5, c.createArrayOf("text", a.purposes().stream().sorted().toArray()));
            ps.setTimestamp(6, Timestamp.from(at));
            ps.setString(7, changedBy);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot store a sharing agreement (sqlstate " + e.getSQLState() + ")", e);
        }
    }

    /** Records a reference handed out to a partner. */
    public void putReference(Reference r) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO hit_reference (reference, partner, record_owner, record_id, issued_at)"
                                + " VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, r.reference());
            ps.setString(2, r.partner().value());
            ps.setString(3, r.owner().value());
            ps.setString(4, r.recordId().value());
            ps.setTimestamp(5, Timestamp.from(r.issuedAt()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot store a hit reference (sqlstate " + e.getSQLState() + ")", e);
        }
    }

    public Optional<Reference> reference(String reference) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT reference, partner, record_owner, record_id, issued_at FROM hit_reference WHERE"
                                + " reference = ?")) {
            ps.setString(1, reference);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new Reference(
                                rs.getString(1),
                                new ParticipantCode(rs.getString(2)),
                                new ParticipantCode(rs.getString(3)),
                                new RecordId(rs.getString(4)),
                                rs.getTimestamp(5).toInstant()))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read a hit reference (sqlstate " + e.getSQLState() + ")", e);
        }
    }

    /** The node's secret of this name, made (random, {@code bytes} long) and stored on first use. */
    public byte[] secret(String name, int bytes) {
        try (Connection c = dataSource.getConnection()) {
            byte[] fresh = new byte[bytes];
            new java.security.SecureRandom().nextBytes(fresh);
            try (PreparedStatement ins = c.prepareStatement(
                    "INSERT INTO node_secret (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")) {
                ins.setString(1, name);
                ins.setBytes(2, fresh);
                ins.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT value FROM node_secret WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getBytes(1);
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the node's secrets (sqlstate " + e.getSQLState() + ")", e);
        }
    }

    private void update(String sql, String... values) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setString(i + 1, values[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot update the node's tables (sqlstate " + e.getSQLState() + ")", e);
        }
    }

    private static List<String> strings(Array a) throws SQLException {
        if (a == null) {
            return List.of();
        }
        return List.of((String[]) a.getArray());
    }
}
