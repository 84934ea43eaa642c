package org.concordia.node;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.concordia.model.ParticipantCode;
import org.concordia.problem.ErrorCode;
import org.concordia.store.NodeStorage;

/**
 * Everything a node needs to start, checked before anything starts ({@link #problems()}): whose node it
 * is, where its store is, its two listeners (the user API and the federation's mutual-TLS port) and the
 * federation's credentials, and how searches are answered.
 *
 * @param participant the participant code this node serves, as the federation directory lists it
 * @param userPort the port of the user API (REST, OpenAPI, health, metrics); 0 picks a free one
 * @param federation the federation listener and credentials; null runs the node alone (no partners)
 * @param deadline how long a federated search waits for partners
 * @param possible the match probability from which a record is a hit ("possible" threshold)
 * @param top the most hits one participant returns per search
 */
public record NodeSettings(
        ParticipantCode participant,
        NodeStorage.Location storage,
        String bindAddress,
        int userPort,
        Federation federation,
        Duration deadline,
        double possible,
        int top) {

    /**
     * The federation side of a node.
     *
     * @param port the mutual-TLS port partners call; 0 picks a free one
     * @param keyStore this node's PKCS#12 (key and certificate issued by the federation authority)
     * @param authorityCertificate the federation authority's certificate (PEM)
     * @param directory the signed directory file as published by the authority
     * @param cacheDir where the node keeps its last verified copy of the directory
     */
    public record Federation(
            int port,
            Path keyStore,
            char[] keyStorePassword,
            Path authorityCertificate,
            Path directory,
            Path cacheDir) {}

    /** Defaults: loopback, 2 s deadline, 0.5 possible threshold, 10 hits. */
    public static NodeSettings of(
            ParticipantCode participant, NodeStorage.Location storage, int userPort, Federation federation) {
        return new NodeSettings(
                participant, storage, "127.0.0.1", userPort, federation, Duration.ofSeconds(2), 0.5, 10);
    }

    /** This configuration with another search deadline. */
    public NodeSettings withDeadline(Duration d) {
        return new NodeSettings(participant, storage, bindAddress, userPort, federation, d, possible, top);
    }

    /**
     * What is wrong with this configuration, each problem naming the setting and what would happen with
     * it; empty when the node can start.
     */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        if (participant == null) {
            out.add("participant is missing: the node would not know whose records it holds or how partners"
                    + " address it; set it to this organisation's code in the federation directory");
        }
        if (storage == null) {
            out.add("storage is missing: the node would have nowhere to keep records, agreements and its"
                    + " audit log; give a data directory (embedded PostgreSQL) or a JDBC URL");
        }
        if (userPort < 0 || userPort > 65_535) {
            out.add("user port " + userPort + " is not a TCP port: officers could not reach the node");
        }
        if (deadline == null || deadline.isNegative() || deadline.isZero() || deadline.toSeconds() > 60) {
            out.add("search deadline must be between 1 ms and 60 s: a federated search would either never wait"
                    + " for partners or hold officers for minutes");
        }
        if (!(possible > 0 && possible < 1)) {
            out.add("possible threshold must be between 0 and 1 (exclusive): every record, or none, would be a hit");
        }
        if (top < 1 || top > 1_000) {
            out.add("top must be between 1 and 1000 hits per participant");
        }
        if (federation != null) {
            if (federation.port() < 0
                    || federation.port() > 65_535
                    || (federation.port() != 0 && federation.port() == userPort)) {
                out.add("federation port " + federation.port() + " is not a TCP port distinct from the user port:"
                        + " partners could not reach the node's mutual-TLS listener");
            }
            requireFile(
                    out,
                    federation.keyStore(),
                    "federation key store",
                    "the node could not prove its identity to partners");
            requireFile(
                    out,
                    federation.authorityCertificate(),
                    "federation authority certificate",
                    "the node could not check partners' certificates or the directory's signature");
            if (federation.directory() == null && federation.cacheDir() == null) {
                out.add("federation directory is missing and there is no cached copy: the node would know no partner");
            }
        }
        return out;
    }

    private static void requireFile(List<String> out, Path p, String what, String consequence) {
        if (p == null) {
            out.add(what + " is missing: " + consequence);
        } else if (!Files.isReadable(p)) {
            out.add(what + " " + p + " cannot be read: " + consequence);
        }
    }

    /** Thrown at start-up when {@link #problems()} is not empty; carries {@link ErrorCode#INVALID_CONFIGURATION}. */
    public static final class InvalidConfiguration extends RuntimeException {
        private final List<String> problems;

        public InvalidConfiguration(List<String> problems) {
            super(ErrorCode.INVALID_CONFIGURATION.code() + ": " + String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }
}
