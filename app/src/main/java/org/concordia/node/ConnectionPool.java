package org.concordia.node;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Keeps a few connections to the node's store open for the node's short statements (the account of
 * every request, agreements, the reference of every hit-only answer). Without it each of them opened a
 * PostgreSQL connection, that is a server process: about 35 ms on the embedded store, far more than the
 * statement (docs/benchmarks.md, federated search).
 *
 * <p>A connection handed out goes back to the pool on {@code close()}, its transaction rolled back if
 * one was left open; one that failed with a connection error (SQLSTATE class 08) is closed instead.
 * Beyond {@code idle} connections in use at once, further ones are opened and closed as before. Thread-safe.
 */
final class ConnectionPool implements DataSource, AutoCloseable {
    private final DataSource source;
    private final BlockingQueue<Connection> idle;
    private volatile boolean closed;

    ConnectionPool(DataSource source, int idle) {
        this.source = source;
        this.idle = new ArrayBlockingQueue<>(idle);
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection c = idle.poll();
        return handle(c != null ? c : source.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the pool connects as the store's own user only");
    }

    private Connection handle(Connection physical) {
        boolean[] state = new boolean[2]; // [0] handle closed, [1] physical connection broken
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "close" -> {
                            if (!state[0]) {
                                state[0] = true;
                                release(physical, state[1]);
                            }
                            return null;
                        }
                        case "isClosed" -> {
                            return state[0] || physical.isClosed();
                        }
                        default -> {
                            if (state[0]) {
                                throw new SQLException("connection handle already closed", "08003");
                            }
                        }
                    }
                    try {
                        return method.invoke(physical, args);
                    } catch (InvocationTargetException e) {
                        if (e.getCause() instanceof SQLException s
                                && s.getSQLState() != null
                                && s.getSQLState().startsWith("08")) {
                            state[1] = true;
                        }
                        throw e.getCause();
                    }
                });
    }

    private void release(Connection physical, boolean broken) throws SQLException {
        boolean keep = !broken && !closed;
        try {
            if (keep && !physical.getAutoCommit()) {
                physical.rollback();
                physical.setAutoCommit(true);
            }
        } catch (SQLException e) {
            keep = false;
        }
        if (!keep || !idle.offer(physical)) {
            physical.close();
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Connection c; (c = idle.poll()) != null; ) {
            try {
                c.close();
            } catch (SQLException e) {
                // the server is stopping anyway
            }
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return source.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        source.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        source.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return source.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return source.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        return source.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || source.isWrapperFor(iface);
    }
}
