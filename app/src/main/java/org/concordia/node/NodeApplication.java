package org.concordia.node;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.concordia.audit.AuditSigner;
import org.concordia.audit.TermHasher;
import org.concordia.pki.NodeCredentials;
import org.concordia.store.AttachmentTables;
import org.concordia.store.FollowUpTables;
import org.concordia.store.MessageTables;
import org.concordia.store.NodeStorage;
import org.concordia.store.NodeTables;
import org.concordia.store.PostgresAuditLog;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The node's composition root: every part of a running node is made here, from {@link NodeSettings},
 * and nowhere else. Two listeners: the user API on {@link NodeSettings#userPort()} (HTTP on the loopback
 * address by default; put TLS in front, or set Spring's {@code server.ssl.*}, for anything else), and
 * the federation's mutual-TLS listener on {@link NodeSettings.Federation#port()}, which presents this
 * node's certificate and asks every caller for one.
 *
 * <p>The TLS layer of the federation listener accepts any client certificate ({@link
 * AnyClientCertificate}); {@link FederationApi} then checks it against the federation authority and
 * directory before anything else, so an unknown, expired or revoked certificate is refused with its
 * code <em>and audited</em> rather than lost in a failed handshake.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({
    SecurityConfiguration.class,
    UserApi.class,
    AuditApi.class,
    FederationApi.class,
    MessagesApi.class,
    FollowUpsApi.class,
    AlertsApi.class,
    SubscriptionsApi.class,
    ApiErrors.class,
    PortGuard.class,
    ApiDescription.class
})
class NodeApplication {
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean(destroyMethod = "close")
    NodeStorage storage(NodeSettings settings, Federation federation) {
        AuditSigner signer = federation.auditSigner();
        return NodeStorage.open(
                settings.storage(),
                signer == null
                        ? new PostgresAuditLog.AutoCheckpoint.Never()
                        : new PostgresAuditLog.AutoCheckpoint.Every(NodeAudit.CHECKPOINT_EVERY, signer));
    }

    /**
     * Open connections for the node's short statements, which would otherwise each start a server process.
     * As many as the node runs statements at once under load (16 officers sending, deliveries, partner
     * requests): with 8 kept, the channel benchmark opened and closed about 150 connections every 10,000
     * messages, a third of the store's CPU (docs/benchmarks.md, messages).
     */
    static final int KEPT_CONNECTIONS = 32;

    @Bean(destroyMethod = "close")
    ConnectionPool connections(NodeStorage storage) {
        return new ConnectionPool(storage.dataSource(), KEPT_CONNECTIONS);
    }

    @Bean
    NodeTables tables(ConnectionPool connections, NodeSettings settings) {
        return new NodeTables(connections, settings.participant());
    }

    @Bean(destroyMethod = "close")
    Federation federation(NodeSettings settings, Clock clock) throws IOException {
        return Federation.open(settings, clock);
    }

    @Bean
    NodeAudit audit(NodeStorage storage, NodeTables tables, Clock clock) {
        return new NodeAudit(
                storage.audit(), new TermHasher(tables.secret("term-hash", TermHasher.MIN_SECRET_BYTES)), clock);
    }

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService searchExecutor() {
        return Executors.newVirtualThreadPerTaskExecutor();
    }

    @Bean(destroyMethod = "close")
    Node node(
            NodeSettings settings,
            NodeStorage storage,
            NodeTables tables,
            Federation federation,
            NodeAudit audit,
            MeterRegistry registry,
            ExecutorService searchExecutor,
            Clock clock) {
        return new Node(
                settings,
                storage,
                tables,
                federation.gateway(),
                federation::participants,
                audit,
                new NodeMetrics(registry),
                searchExecutor,
                clock);
    }

    @Bean(destroyMethod = "close")
    Channel channel(
            NodeSettings settings, ConnectionPool connections, Federation federation, NodeAudit audit, Clock clock) {
        return new Channel(
                settings.participant(),
                new MessageTables(connections),
                federation,
                audit,
                attachments(connections, federation, clock),
                settings.channel(),
                clock);
    }

    @Bean
    Attachments attachments(ConnectionPool connections, Federation federation, Clock clock) {
        return new Attachments(new AttachmentTables(connections), federation, clock);
    }

    @Bean(destroyMethod = "close")
    FollowUps followUps(
            NodeSettings settings,
            Channel channel,
            ConnectionPool connections,
            NodeTables tables,
            NodeStorage storage,
            NodeAudit audit,
            Clock clock) {
        return new FollowUps(
                settings.participant(),
                channel,
                new FollowUpTables(connections),
                tables,
                storage.records(),
                audit,
                settings.channel(),
                clock);
    }

    /**
     * The alert worker's own reader of the records (its own connection): its passes over every record,
     * when alerts arrive, hold up neither imports nor users' record views.
     */
    @Bean(destroyMethod = "close")
    org.concordia.store.PostgresRecordStore alertRecords(NodeStorage storage) {
        return org.concordia.store.PostgresRecordStore.open(storage.dataSource());
    }

    @Bean(destroyMethod = "close")
    Alerts alerts(
            NodeSettings settings,
            Channel channel,
            ConnectionPool connections,
            NodeTables tables,
            NodeStorage storage,
            Node node,
            Federation federation,
            NodeAudit audit,
            MeterRegistry registry,
            org.concordia.store.PostgresRecordStore alertRecords,
            Clock clock) {
        java.util.function.Supplier<org.concordia.alert.AlertIndex<?>> indexes =
                () -> AlertMatching.newIndex(node::matchModel, AlertMatching.THRESHOLD);
        Alerts alerts = new Alerts(
                settings.participant(),
                channel,
                new org.concordia.store.AlertTables(connections),
                tables,
                alertRecords,
                node.agreements()::policy,
                federation::directory,
                audit,
                indexes.get(),
                indexes,
                new NodeMetrics(registry),
                clock);
        node.whenStored(alerts::wake);
        return alerts;
    }

    @Bean
    Subscriptions subscriptions(
            NodeSettings settings,
            ConnectionPool connections,
            Alerts alerts,
            NodeTables tables,
            NodeStorage storage,
            Node node,
            NodeAudit audit,
            Clock clock) {
        Subscriptions subscriptions = new Subscriptions(
                settings.participant(),
                new org.concordia.store.SubscriptionTables(connections),
                alerts,
                tables,
                storage.records(),
                audit,
                clock);
        node.whenAnswered(subscriptions::answered);
        return subscriptions;
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> listeners(NodeSettings settings) {
        return factory -> {
            factory.setPort(settings.userPort());
            factory.setAddress(address(settings.bindAddress()));
            NodeSettings.Federation f = settings.federation();
            if (f != null) {
                factory.addAdditionalConnectors(federationConnector(settings, f));
            }
        };
    }

    private static Connector federationConnector(NodeSettings settings, NodeSettings.Federation f) {
        Connector c = new Connector(Http11NioProtocol.class.getName());
        c.setPort(f.port());
        c.setScheme("https");
        c.setSecure(true);
        c.setProperty("address", settings.bindAddress());
        Http11NioProtocol protocol = (Http11NioProtocol) c.getProtocolHandler();
        protocol.setSSLEnabled(true);
        // Partners keep their connection (and its TLS session) open: a new mutual-TLS handshake per
        // hundred requests (Tomcat's default) costs more CPU than the search it carries.
        protocol.setMaxKeepAliveRequests(-1);
        protocol.setKeepAliveTimeout(120_000);
        SSLHostConfig host = new SSLHostConfig();
        host.setHostName("_default_");
        host.setProtocols("TLSv1.3");
        host.setCertificateVerification("required");
        host.setTrustManagerClassName(AnyClientCertificate.class.getName());
        SSLHostConfigCertificate cert = new SSLHostConfigCertificate(host, SSLHostConfigCertificate.Type.UNDEFINED);
        cert.setCertificateKeystoreFile(f.keyStore().toAbsolutePath().toString());
        cert.setCertificateKeystorePassword(new String(f.keyStorePassword()));
        cert.setCertificateKeystoreType("PKCS12");
        cert.setCertificateKeyAlias(NodeCredentials.ALIAS);
        host.addCertificate(cert);
        protocol.addSslHostConfig(host);
        return c;
    }

    private static InetAddress address(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new NodeSettings.InvalidConfiguration(
                    List.of("bind address cannot be resolved: the node could not listen"));
        }
    }
}
