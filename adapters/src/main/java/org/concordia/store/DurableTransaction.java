package org.concordia.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * One transaction committed with {@code synchronous_commit = on}, whatever the server's default (the
 * embedded server runs with it off, decision 0001): for writes another node is told about right after
 * (a message acknowledged, a segment stored), which must outlive a crash of the database server. Rolled
 * back on any failure.
 */
final class DurableTransaction {
    /** Work inside the transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private DurableTransaction() {}

    static <T> T run(DataSource dataSource, Work<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL synchronous_commit = on");
            }
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }
}
