package org.concordia.pki;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.concordia.model.ParticipantCode;

/** Facts read from a node certificate (RFC 5280). Thread-safe. */
public final class Certificates {
    private Certificates() {}

    /**
     * The participant a node certificate was issued to: its subject's single common name, which must
     * be a participant code exactly (upper case). Empty for any other subject.
     */
    public static Optional<ParticipantCode> participantOf(X509Certificate certificate) {
        X500Name subject =
                X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        RDN[] cns = subject.getRDNs(BCStyle.CN);
        if (cns.length != 1 || cns[0].isMultiValued()) {
            return Optional.empty();
        }
        ASN1Encodable value = cns[0].getFirst().getValue();
        String cn = IETFUtils.valueToString(value);
        ParticipantCode code = ParticipantCode.parse(cn);
        return code != null && code.value().equals(cn) ? Optional.of(code) : Optional.empty();
    }

    /** The serial number (RFC 5280 section 4.1.2.2) in lower-case hexadecimal without leading zeros. */
    public static String serialHex(X509Certificate certificate) {
        return certificate.getSerialNumber().toString(16);
    }

    /** The SHA-256 fingerprint of the DER encoding, lower-case hexadecimal. */
    public static String sha256Fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint a certificate", e);
        }
    }
}
