package org.concordia.node;

import java.io.IOException;
import java.net.http.HttpClient;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.concordia.audit.AuditSigner;
import org.concordia.audit.CheckpointVerifier;
import org.concordia.federation.Directory;
import org.concordia.federation.Participant;
import org.concordia.model.ParticipantCode;
import org.concordia.pki.DirectoryCache;
import org.concordia.pki.DirectorySource;
import org.concordia.pki.FederationAuthority;
import org.concordia.pki.NodeCredentials;
import org.concordia.pki.PeerCertificates;
import org.concordia.pki.ReplayGuard;
import org.concordia.pki.RequestSigner;
import org.concordia.pki.RequestVerifier;
import org.concordia.pki.TlsContexts;
import org.concordia.problem.ErrorCode;
import org.concordia.search.PartnerAnswer;
import org.concordia.search.PartnerGateway;

/**
 * A node's place in the federation: its credentials, the signed directory (verified, cached, refreshed
 * when a search finds it stale), the checks of partners' certificates and signatures, and the signed
 * mutual-TLS client that asks partners. A node started without federation settings is alone: it knows
 * no partner and answers only its own users.
 */
final class Federation implements AutoCloseable {
    private final ParticipantCode self;
    private final NodeCredentials credentials;
    private final DirectoryCache directory;
    private final PeerCertificates peers;
    private final RequestSigner signer;
    private final RequestVerifier verifier;
    private final PartnerGateway gateway;
    private final HttpClient client;
    private java.util.concurrent.ScheduledExecutorService refresher;
    /** How often the node re-reads the published directory (a revocation takes effect at most this late). */
    static final java.time.Duration REFRESH = java.time.Duration.ofMinutes(5);

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Federation.class);

    private Federation(
            ParticipantCode self,
            NodeCredentials credentials,
            DirectoryCache directory,
            PeerCertificates peers,
            RequestSigner signer,
            RequestVerifier verifier,
            HttpClient client,
            PartnerGateway gateway) {
        this.self = self;
        this.credentials = credentials;
        this.directory = directory;
        this.peers = peers;
        this.signer = signer;
        this.verifier = verifier;
        this.client = client;
        this.gateway = gateway;
    }

    static Federation open(NodeSettings settings, Clock clock) throws IOException {
        NodeSettings.Federation f = settings.federation();
        if (f == null) {
            return new Federation(
                    settings.participant(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    (partner, q, requester) -> new PartnerAnswer.Failed(ErrorCode.UNKNOWN_PARTICIPANT));
        }
        X509Certificate authority = FederationAuthority.loadCertificate(f.authorityCertificate());
        NodeCredentials credentials = NodeCredentials.load(f.keyStore(), f.keyStorePassword());
        if (!credentials.code().equals(settings.participant())) {
            throw new NodeSettings.InvalidConfiguration(List.of("the federation key store was issued to another"
                    + " participant: partners would refuse every request of this node"));
        }
        DirectoryCache cache = new DirectoryCache(
                f.directory() == null
                        ? DirectorySource.file(f.cacheDir().resolve("none"))
                        : DirectorySource.file(f.directory()),
                f.cacheDir(),
                authority,
                clock);
        cache.refresh();
        if (cache.current().isEmpty()) {
            throw new NodeSettings.InvalidConfiguration(
                    List.of(
                            "no verified federation directory (neither the"
                                    + " published file nor a cached copy passed the authority's signature): the node would know no partner"));
        }
        RequestSigner signer = RequestSigner.of(credentials, clock);
        RequestVerifier verifier = new RequestVerifier(
                settings.participant(),
                clock,
                RequestVerifier.DEFAULT_SKEW,
                new ReplayGuard(RequestVerifier.DEFAULT_SKEW.multipliedBy(2), ReplayGuard.DEFAULT_CAPACITY));
        HttpClient client = HttpClient.newBuilder()
                .sslContext(DirectoryServerTrust.clientContext(
                        credentials, new DirectoryServerTrust(authority, () -> currentDirectory(cache), clock)))
                .sslParameters(TlsContexts.clientParameters())
                .connectTimeout(settings.deadline())
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        HttpPartnerGateway gateway = new HttpPartnerGateway(
                settings.participant(), client, signer, verifier, () -> currentDirectory(cache), settings.deadline());
        return new Federation(
                settings.participant(),
                credentials,
                cache,
                new PeerCertificates(authority),
                signer,
                verifier,
                client,
                gateway);
    }

    private static Directory currentDirectory(DirectoryCache cache) {
        return cache.current().orElseThrow();
    }

    /** Re-reads the published directory; a bad or unreachable one leaves the cached copy in force (logged by code). */
    void refreshDirectory() {
        try {
            DirectoryCache.Refresh r = directory.refresh();
            if (r instanceof DirectoryCache.KeptCached k) {
                LOG.warn(
                        "directory not refreshed ({}: {}); keeping serial {}",
                        k.failure().code().code(),
                        k.failure(),
                        k.current().serial());
            } else if (r instanceof DirectoryCache.Updated u) {
                LOG.info("directory updated to serial {}", u.current().serial());
            }
        } catch (RuntimeException e) {
            LOG.warn("directory refresh failed: {}", e.getClass().getName());
        }
    }

    boolean alone() {
        return directory == null;
    }

    /** Every participant of the directory (this node included); only this node when alone. */
    List<ParticipantCode> participants() {
        if (directory == null) {
            return List.of(self);
        }
        return directory
                .current()
                .map(d -> d.participants().stream().map(Participant::code).toList())
                .orElse(List.of(self));
    }

    Optional<Directory> directory() {
        return directory == null ? Optional.empty() : directory.current();
    }

    PeerCertificates peers() {
        return peers;
    }

    RequestSigner signer() {
        return signer;
    }

    RequestVerifier verifier() {
        return verifier;
    }

    PartnerGateway gateway() {
        return gateway;
    }

    /**
     * A signed call to a partner's federation endpoint ({@link HttpPartnerGateway#post}); a node alone
     * knows no partner.
     */
    HttpPartnerGateway.Call post(ParticipantCode partner, String path, byte[] body, java.time.Duration timeout) {
        return gateway instanceof HttpPartnerGateway http
                ? http.post(partner, path, body, timeout)
                : new HttpPartnerGateway.Call.Failed(ErrorCode.UNKNOWN_PARTICIPANT);
    }

    /** This participant's encryption keys (messages to it are sealed to the public half); empty when alone. */
    Optional<org.concordia.pki.Sealing.EncryptionKeys> encryptionKeys() {
        return credentials == null ? Optional.empty() : credentials.encryption();
    }

    /** This node's signing key (the one its certificate certifies); null when alone. */
    java.security.PrivateKey signingKey() {
        return credentials == null ? null : credentials.key();
    }

    /** Signs the audit log's checkpoints with this node's key; null when alone (checkpoints unsigned). */
    AuditSigner auditSigner() {
        return credentials == null ? null : AuditSigner.of(self.value(), credentials.key());
    }

    /**
     * Checks the audit log's checkpoints with this node's own certificate's public key; empty when alone
     * (the node has no key, and its checkpoints are not signed).
     */
    Optional<CheckpointVerifier> checkpointVerifier() {
        return credentials == null
                ? Optional.empty()
                : Optional.of(CheckpointVerifier.of(credentials.certificate().getPublicKey()));
    }

    @Override
    public void close() {
        if (refresher != null) {
            refresher.shutdownNow();
        }
        if (client != null) {
            client.close();
        }
    }
}
