package org.concordia.pki;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** X.509 certificates (RFC 5280) in the PEM text form of RFC 7468. Thread-safe. */
public final class Pem {
    private static final Base64.Encoder LINES = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

    private Pem() {}

    /** One certificate as a {@code CERTIFICATE} block ending with a line break. */
    public static String encode(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + LINES.encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("certificate cannot be encoded", e);
        }
    }

    /**
     * The certificates of every {@code CERTIFICATE} block in {@code pem}, in order.
     *
     * @throws CertificateException when the text holds no certificate or a block is not one
     */
    public static List<X509Certificate> decodeAll(String pem) throws CertificateException {
        List<X509Certificate> known = DECODED.get(pem);
        if (known != null) {
            return known;
        }
        List<X509Certificate> decoded = parse(pem);
        if (DECODED.size() >= CACHE_LIMIT) {
            DECODED.clear();
        }
        DECODED.put(pem, decoded);
        return decoded;
    }

    /**
     * Certificates already decoded, by their PEM text: every signed request and reply checks the
     * sender's certificate from the directory, and the JDK's PEM parser is slow (it reads to the end of
     * the stream through exceptions). Certificates are immutable, so sharing them is safe.
     */
    private static final java.util.Map<String, List<X509Certificate>> DECODED =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static final int CACHE_LIMIT = 10_000;

    private static List<X509Certificate> parse(String pem) throws CertificateException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<X509Certificate> out = new ArrayList<>();
        for (var c : factory.generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
            out.add((X509Certificate) c);
        }
        if (out.isEmpty()) {
            throw new CertificateException("no certificate in the PEM text");
        }
        return List.copyOf(out);
    }

    /**
     * The first certificate of {@code pem}.
     *
     * @throws CertificateException when the text holds no certificate
     */
    public static X509Certificate decode(String pem) throws CertificateException {
        return decodeAll(pem).get(0);
    }
}
