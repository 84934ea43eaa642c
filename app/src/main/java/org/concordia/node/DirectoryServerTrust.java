package org.concordia.node;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.concordia.federation.Directory;
import org.concordia.federation.Verification;
import org.concordia.pki.NodeCredentials;
import org.concordia.pki.PeerCertificates;

/**
 * The trust a node puts in a partner's server when it asks it: the certificate chain must lead to the
 * federation authority (RFC 5280 path validation, the JDK's PKIX), <em>and</em> its certificate must be
 * one the directory lists now, not revoked, not expired ({@link PeerCertificates}). Without the second
 * check a revoked node that could redirect a partner's address would receive the query terms before the
 * reply's signature is checked. Host names are checked by the HTTP client as usual.
 */
final class DirectoryServerTrust implements X509TrustManager {
    private final X509TrustManager pkix;
    private final PeerCertificates peers;
    private final Supplier<Directory> directory;
    private final Clock clock;

    DirectoryServerTrust(X509Certificate authority, Supplier<Directory> directory, Clock clock) {
        this.pkix = pkix(authority);
        this.peers = new PeerCertificates(authority);
        this.directory = directory;
        this.clock = clock;
    }

    /** A client TLS context presenting this node's credentials and trusting partners as described above. */
    static SSLContext clientContext(NodeCredentials node, DirectoryServerTrust trust) {
        try {
            char[] transientPassword = "in-memory".toCharArray();
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(node.toKeyStore(transientPassword), transientPassword);
            SSLContext ctx = SSLContext.getInstance("TLSv1.3");
            ctx.init(kmf.getKeyManagers(), new TrustManager[] {trust}, null);
            return ctx;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot build the client TLS context of " + node.code(), e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        pkix.checkServerTrusted(chain, authType);
        if (peers.check(List.of(chain), directory.get(), clock.instant()) instanceof Verification.Rejected r) {
            throw new CertificateException(
                    "partner certificate refused: " + r.code().code());
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("this trust manager only checks partners' servers");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return pkix.getAcceptedIssuers();
    }

    private static X509TrustManager pkix(X509Certificate authority) {
        try {
            KeyStore anchors = KeyStore.getInstance("PKCS12");
            anchors.load(null, null);
            anchors.setCertificateEntry("federation-authority", authority);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
            tmf.init(anchors);
            for (TrustManager tm : tmf.getTrustManagers()) {
                if (tm instanceof X509TrustManager x) {
                    return x;
                }
            }
            throw new IllegalStateException("no X.509 trust manager");
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot trust the federation authority", e);
        }
    }
}
