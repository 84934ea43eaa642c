package org.concordia.pki;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManagerFactory;
import org.concordia.model.ParticipantCode;

/**
 * TLS 1.3 (RFC 8446) contexts for mutual TLS between nodes, from the JDK alone. A node's context
 * presents its {@link NodeCredentials} and trusts exactly one anchor, the federation authority's
 * certificate, with the JDK's PKIX path validation (RFC 5280 section 6: signature, validity period,
 * CA constraints, extended key usage). The same context serves the server side ({@link
 * #serverParameters()}: client certificate required) and the client side ({@code
 * java.net.http.HttpClient.newBuilder().sslContext(...)}, which also checks the host name against the
 * subjectAltName).
 *
 * <p>Path validation proves "issued by the federation"; that the certificate is the one the directory
 * lists for its participant, and not revoked, is {@link PeerCertificates}'s check.
 */
public final class TlsContexts {
    private static final String PROTOCOL = "TLSv1.3";

    private TlsContexts() {}

    /** A context presenting {@code node} and trusting only {@code authority}. */
    public static SSLContext forNode(NodeCredentials node, X509Certificate authority) {
        try {
            char[] transientPassword = "in-memory".toCharArray();
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(node.toKeyStore(transientPassword), transientPassword);

            KeyStore anchors = KeyStore.getInstance("PKCS12");
            anchors.load(null, null);
            anchors.setCertificateEntry("federation-authority", authority);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
            tmf.init(anchors);

            SSLContext ctx = SSLContext.getInstance(PROTOCOL);
            ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build the TLS context of " + node.code(), e);
        }
    }

    /**
     * A context from the files {@code pki init} writes: the node's {@code <CODE>.p12} and the
     * authority's {@code ca.pem}.
     */
    public static SSLContext forNode(Path nodeP12, char[] password, Path authorityPem) throws IOException {
        return forNode(NodeCredentials.load(nodeP12, password), FederationAuthority.loadCertificate(authorityPem));
    }

    /** Server-side parameters: TLS 1.3 only, a client certificate required. */
    public static SSLParameters serverParameters() {
        SSLParameters p = new SSLParameters();
        p.setProtocols(new String[] {PROTOCOL});
        p.setNeedClientAuth(true);
        return p;
    }

    /** Client-side parameters: TLS 1.3 only, the server's host name checked (RFC 6125). */
    public static SSLParameters clientParameters() {
        SSLParameters p = new SSLParameters();
        p.setProtocols(new String[] {PROTOCOL});
        p.setEndpointIdentificationAlgorithm("HTTPS");
        return p;
    }

    /**
     * The participant whose certificate the peer of {@code session} presented (its common name),
     * empty when the peer presented none or one naming no participant. Only meaningful for a session
     * of a context from this class, whose trust manager has already validated the chain.
     */
    public static Optional<ParticipantCode> peerParticipant(SSLSession session) {
        try {
            Certificate[] chain = session.getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate leaf
                    ? Certificates.participantOf(leaf)
                    : Optional.empty();
        } catch (SSLPeerUnverifiedException e) {
            return Optional.empty();
        }
    }
}
