package org.concordia.node;

import java.net.URI;
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
 * @param jwt bearer tokens (OpenID Connect access tokens) the user API accepts besides local accounts;
 *     null for local accounts only
 * @param channel how messages are delivered and follow-up requests are timed
 */
public record NodeSettings(
        ParticipantCode participant,
        NodeStorage.Location storage,
        String bindAddress,
        int userPort,
        Federation federation,
        Duration deadline,
        double possible,
        int top,
        Jwt jwt,
        Channel channel) {

    /**
     * The channel between participants (docs/decisions/0005).
     *
     * @param deliverWithin how long the outbox retries a message before it is reported {@code undeliverable}
     * @param urgentDeadline how long an owner has to decide an urgent follow-up request
     * @param standardDeadline how long an owner has to decide a standard follow-up request
     * @param escalationRole the role an overdue follow-up request is escalated to
     * @param retryAtMost the longest wait between two delivery attempts to a recipient that is down
     */
    public record Channel(
            Duration deliverWithin,
            Duration urgentDeadline,
            Duration standardDeadline,
            Roles escalationRole,
            Duration retryAtMost) {
        /**
         * 24 hours to deliver; follow-up deadlines after EU Directive 2023/977, article 5: 8 hours for an
         * urgent request, 3 days otherwise; escalated to the data-protection officer; retries at least
         * every 10 minutes.
         */
        public static final Channel DEFAULT = new Channel(
                Duration.ofHours(24), Duration.ofHours(8), Duration.ofDays(3), Roles.DPO, Duration.ofMinutes(10));
    }

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

    /**
     * Bearer tokens on the user API: JWT access tokens of the organisation's identity provider (OpenID
     * Connect, RFC 9068), checked by signature, expiry ({@code exp}, {@code nbf}, one minute of clock skew),
     * issuer and audience when given, and required to name a subject ({@code sub}, the user the audit log
     * records). The roles claim is mapped to {@link Roles}: unknown values are ignored, so a token without a
     * known role signs in but may call only the endpoints open to every user.
     *
     * <p>Where the verification keys come from, first that is set: {@code keyFile}, then {@code jwkSetUri},
     * then {@code issuer} (OpenID Connect discovery of its {@code jwks_uri}).
     *
     * @param issuer the identity provider's issuer URL; when set, every token's {@code iss} must equal it
     * @param jwkSetUri the provider's JWK set URL; may be null
     * @param keyFile a PEM public key or certificate, or a JWK set (JSON), for tests and sites without access
     *     to the provider; may be null
     * @param audience when not null, every token's {@code aud} must contain it (tokens issued to other
     *     applications of the same provider are then refused)
     * @param rolesClaim the claim holding the roles, a list or a space-separated string; a dotted path for a
     *     nested claim (Keycloak: {@code realm_access.roles}); null or blank for {@value #DEFAULT_ROLES_CLAIM}
     */
    public record Jwt(URI issuer, URI jwkSetUri, Path keyFile, String audience, String rolesClaim) {
        public static final String DEFAULT_ROLES_CLAIM = "roles";

        public Jwt {
            if (rolesClaim == null || rolesClaim.isBlank()) {
                rolesClaim = DEFAULT_ROLES_CLAIM;
            }
        }

        /** Tokens of an OpenID Connect provider, keys found by discovery, roles in {@code roles}. */
        public static Jwt issuer(URI issuer) {
            return new Jwt(issuer, null, null, null, null);
        }

        /** Tokens verified with the keys in a file (PEM public key or certificate, or JWK set), roles in {@code roles}. */
        public static Jwt keyFile(Path keyFile) {
            return new Jwt(null, null, keyFile, null, null);
        }
    }

    /** Defaults: loopback, 2 s deadline, 0.5 possible threshold, 10 hits, local accounts only. */
    public static NodeSettings of(
            ParticipantCode participant, NodeStorage.Location storage, int userPort, Federation federation) {
        return new NodeSettings(
                participant,
                storage,
                "127.0.0.1",
                userPort,
                federation,
                Duration.ofSeconds(2),
                0.5,
                10,
                null,
                Channel.DEFAULT);
    }

    /** This configuration with another search deadline. */
    public NodeSettings withDeadline(Duration d) {
        return new NodeSettings(
                participant, storage, bindAddress, userPort, federation, d, possible, top, jwt, channel);
    }

    /** This configuration accepting bearer tokens as well as local accounts (null: local accounts only). */
    public NodeSettings withJwt(Jwt j) {
        return new NodeSettings(
                participant, storage, bindAddress, userPort, federation, deadline, possible, top, j, channel);
    }

    /** This configuration with other channel settings. */
    public NodeSettings withChannel(Channel c) {
        return new NodeSettings(
                participant, storage, bindAddress, userPort, federation, deadline, possible, top, jwt, c);
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
        if (channel == null) {
            out.add("channel settings are missing: messages and follow-up requests could not be timed");
        } else {
            for (Duration d : new Duration[] {
                channel.deliverWithin(), channel.urgentDeadline(), channel.standardDeadline(), channel.retryAtMost()
            }) {
                if (d == null || d.isNegative() || d.isZero()) {
                    out.add("message delivery time, retry wait and follow-up deadlines must be positive durations:"
                            + " messages would be reported undeliverable, or requests overdue, at once");
                    break;
                }
            }
            if (channel.retryAtMost() != null && channel.retryAtMost().compareTo(Duration.ofSeconds(1)) < 0) {
                out.add("the longest wait between delivery attempts must be at least 1 s: a recipient that is"
                        + " down would be called in a tight loop");
            }
            if (channel.escalationRole() == null) {
                out.add("follow-up escalation role is missing: overdue requests would be escalated to nobody");
            }
        }
        if (jwt != null) {
            if (jwt.keyFile() == null && jwt.jwkSetUri() == null && jwt.issuer() == null) {
                out.add("bearer tokens are enabled without keys (no key file, JWK set URL or issuer): no token"
                        + " could be verified, so every token would be refused");
            }
            if (jwt.keyFile() != null) {
                requireFile(out, jwt.keyFile(), "bearer token key file", "no bearer token could be verified");
            }
            if ((jwt.issuer() != null || jwt.jwkSetUri() != null)
                    && (jwt.audience() == null || jwt.audience().isBlank())) {
                out.add("bearer tokens of an identity provider without an audience: a token it issued for any"
                        + " other application would be accepted here (set the node's client id as audience)");
            }
            for (URI u : new URI[] {jwt.issuer(), jwt.jwkSetUri()}) {
                if (u != null && !"https".equals(u.getScheme()) && !"http".equals(u.getScheme())) {
                    out.add("bearer token URL " + u + " is not an http(s) URL: the node could not fetch the"
                            + " identity provider's keys");
                }
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
