package org.concordia.node;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.X509TrustManager;

/**
 * The federation listener's TLS trust manager: a client must present a certificate chain, and any
 * chain is let through the handshake, because {@link FederationApi} checks it against the federation
 * authority, the directory and its revocations on every request and audits a refusal with its code (a
 * failed handshake would leave no trace in the audit log). Never used to trust a server.
 *
 * <p>Instantiated by Tomcat by class name, so it has a public no-argument constructor.
 */
public final class AnyClientCertificate implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("a client certificate is required");
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("this trust manager never trusts a server");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
