package org.concordia.node;

import java.util.List;
import java.util.Map;
import org.concordia.store.NodeStorage;
import org.concordia.store.NodeTables;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Starts and stops one node in this JVM: the demo starts several side by side, each its own Spring
 * context, store, index and listeners. Checks the settings first ({@link NodeSettings#problems()}).
 */
public final class NodeServer implements AutoCloseable {
    static {
        // Tomcat's cipher-list parser initialises its tables lazily and not thread-safely; nodes started
        // in parallel in one JVM (the demo) raced on it. Initialise it once here.
        org.apache.tomcat.util.net.openssl.ciphers.OpenSSLCipherConfigurationParser.parse("HIGH");
    }

    private final NodeSettings settings;
    private final ConfigurableApplicationContext context;

    private NodeServer(NodeSettings settings, ConfigurableApplicationContext context) {
        this.settings = settings;
        this.context = context;
    }

    /**
     * Starts a node.
     *
     * @throws NodeSettings.InvalidConfiguration when the settings are incomplete or inconsistent
     */
    public static NodeServer start(NodeSettings settings) {
        List<String> problems = settings.problems();
        if (!problems.isEmpty()) {
            throw new NodeSettings.InvalidConfiguration(problems);
        }
        SpringApplication app = new SpringApplication(NodeApplication.class);
        app.setBannerMode(Banner.Mode.OFF);
        app.setLogStartupInfo(false);
        app.setRegisterShutdownHook(false);
        app.setDefaultProperties(Map.ofEntries(
                Map.entry("logging.level.org.apache", "WARN"),
                Map.entry("logging.level.org.springdoc", "ERROR"),
                Map.entry("spring.main.cloud-platform", "none"),
                Map.entry("management.endpoints.web.exposure.include", "health,prometheus"),
                Map.entry("management.endpoint.health.probes.enabled", "true"),
                // an observation around each of the security chain's filters, per request: about 3 % of
                // a federated search's CPU (bench federation); HTTP request metrics stay
                Map.entry("management.observations.enable.spring.security", "false"),
                Map.entry("springdoc.api-docs.enabled", "true"),
                Map.entry("springdoc.api-docs.path", "/v3/api-docs"),
                Map.entry("springdoc.writer-with-order-by-keys", "true"),
                Map.entry("server.shutdown", "immediate"),
                Map.entry("server.tomcat.max-keep-alive-requests", "-1"),
                Map.entry("spring.mvc.problemdetails.enabled", "true")));
        app.addInitializers(ctx -> ctx.getBeanFactory().registerSingleton("nodeSettings", settings));
        return new NodeServer(settings, app.run());
    }

    /** The user API's base URL, for example {@code http://127.0.0.1:8081}. */
    public String url() {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return "http://" + settings.bindAddress() + ":" + port;
    }

    public NodeSettings settings() {
        return settings;
    }

    /** Creates or replaces a local account (the password is stored as its Argon2id hash). */
    public void putAccount(String user, String password, Roles role) {
        String hash = context.getBean(PasswordEncoder.class).encode(password);
        context.getBean(NodeTables.class).putAccount(new NodeTables.Account(user, hash, role.wireName()));
    }

    /** Puts an agreement in force, as an administrator would through the API (audited). */
    public void putAgreement(org.concordia.sharing.SharingAgreement a, String by) {
        context.getBean(Node.class).changeAgreement(a, by);
    }

    /** Stores records of this node's owner and makes them searchable (what an import does after decoding). */
    public void importRecords(List<org.concordia.model.Record> records) {
        context.getBean(Node.class).indexingStore().save(records);
    }

    /** The node's audit log, in order. */
    public List<org.concordia.audit.AuditEntry> auditEntries() {
        try (var s = context.getBean(NodeAudit.class).log().entries()) {
            return s.toList();
        }
    }

    /**
     * Signs a checkpoint of the audit log now, as the node does every {@value NodeAudit#CHECKPOINT_EVERY}
     * entries (before a backup or a shutdown, say: entries after the last checkpoint could be cut off
     * without trace).
     *
     * @return whether a checkpoint was signed: false when the log is empty or the node has no key (alone)
     */
    public boolean checkpointAudit() {
        org.concordia.audit.AuditSigner signer =
                context.getBean(Federation.class).auditSigner();
        return signer != null
                && context.getBean(NodeAudit.class).log().checkpoint(signer).isPresent();
    }

    /**
     * Messages this node received, for benchmarks: how many, and for each the time from its creation at
     * the sender to its commit in this node's inbox, in microseconds (both nodes on one clock); only
     * messages created at or after {@code since}.
     */
    public long[] receivedMessageLatenciesMicros(java.time.Instant since) {
        try (java.sql.Connection c =
                        context.getBean(NodeStorage.class).dataSource().getConnection();
                java.sql.PreparedStatement s = c.prepareStatement("SELECT (extract(epoch FROM status_at -"
                        + " created_at) * 1000000)::bigint FROM message WHERE direction = 'in' AND status ="
                        + " 'received' AND created_at >= ?")) {
            s.setTimestamp(1, java.sql.Timestamp.from(since));
            java.sql.ResultSet rs = s.executeQuery();
            java.util.List<Long> out = new java.util.ArrayList<>();
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
            return out.stream().mapToLong(Long::longValue).toArray();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot read the inbox (sqlstate " + e.getSQLState() + ")", e);
        }
    }

    /**
     * Sends a message as {@code user} of this node would through the API (sealed, signed, queued, audited;
     * delivered by the channel); for benchmarks and tools in this JVM.
     *
     * @return the message id
     * @throws IllegalStateException when the channel refuses it (the code says why)
     */
    public java.util.UUID sendMessage(String user, String to, String subject, String body) {
        return switch (context.getBean(Channel.class)
                .send(
                        user,
                        new org.concordia.model.ParticipantCode(to),
                        new org.concordia.channel.MessageContent(subject, body),
                        org.concordia.model.TlpLabel.AMBER,
                        org.concordia.model.HandlingCode.H0,
                        null,
                        org.concordia.channel.MessageKind.MESSAGE,
                        null)) {
            case Channel.Sent.Queued q -> q.message().id();
            case Channel.Sent.Declined d ->
                throw new IllegalStateException("a message send has no guard to decline it");
            case Channel.Sent.Refused r ->
                throw new IllegalStateException("message refused: " + r.code().code());
        };
    }

    /** How many messages this node has received (for benchmarks). */
    public long receivedMessages() {
        try (java.sql.Connection c =
                        context.getBean(NodeStorage.class).dataSource().getConnection();
                java.sql.Statement s = c.createStatement();
                java.sql.ResultSet rs = s.executeQuery("SELECT count(*) FROM message WHERE direction = 'in'")) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot count the inbox (sqlstate " + e.getSQLState() + ")", e);
        }
    }

    /** Publishes an alert as {@code user} (for benchmarks): its id, or an exception naming the refusal's code. */
    public java.util.UUID publishAlert(String user, String json) {
        try {
            return switch (context.getBean(Alerts.class)
                    .publish(user, new com.fasterxml.jackson.databind.ObjectMapper().readTree(json))) {
                case Alerts.Outcome.Done d -> d.alert().id();
                case Alerts.Outcome.Refused r ->
                    throw new IllegalStateException("alert refused: " + r.code().code() + " " + r.reason());
            };
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON", e);
        }
    }

    /** How many partners' alerts this node holds checked against all its records (for benchmarks). */
    public long checkedAlerts() {
        return count("SELECT count(*) FROM alert WHERE owner <> ? AND checked_version = version");
    }

    /** How many hits partners reported on this node's alerts (for benchmarks). */
    public long reportedHits() {
        return count("SELECT count(*) FROM alert_hit WHERE side = 'reported' AND participant <> ?");
    }

    private long count(String sql) {
        try (java.sql.Connection c =
                        context.getBean(NodeStorage.class).dataSource().getConnection();
                java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, settings.participant().value());
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot count (sqlstate " + e.getSQLState() + ")", e);
        }
    }

    /** A part of the running node, for tests in this package. */
    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** How many persons the node's search index holds. */
    public int indexedPersons() {
        return context.getBean(Node.class).indexedPersons();
    }

    @Override
    public void close() {
        context.close();
    }
}
