package org.concordia.pki;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.IPAddress;
import org.concordia.model.ParticipantCode;

/**
 * The federation's certificate authority: an EC P-256 key (FIPS 186-5, SEC 2 {@code secp256r1}) and
 * its self-signed CA certificate (RFC 5280: basicConstraints CA, keyUsage keyCertSign and cRLSign).
 * It issues the nodes' certificates and signs the directory. Keep its key offline: whoever holds it
 * can admit any node to the federation.
 *
 * <p>Saved as {@value #KEYSTORE_FILE} (PKCS#12, RFC 7292, key and certificate under the alias {@value
 * #ALIAS}, protected by a password) and {@value #CERTIFICATE_FILE} (the certificate alone, PEM, for
 * the nodes). Immutable and thread-safe.
 */
public final class FederationAuthority {
    public static final String KEYSTORE_FILE = "authority.p12";
    public static final String CERTIFICATE_FILE = "ca.pem";
    public static final String ALIAS = "authority";
    /** How long the authority's own certificate is valid when not said otherwise. */
    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(10 * 365);
    /** How long a node certificate is valid when not said otherwise. */
    public static final Duration DEFAULT_NODE_VALIDITY = Duration.ofDays(2 * 365);
    /** Certificates start this long before their issue, so a peer whose clock is behind accepts them. */
    private static final Duration BACKDATE = Duration.ofHours(1);

    static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PrivateKey key;
    private final X509Certificate certificate;

    private FederationAuthority(PrivateKey key, X509Certificate certificate) {
        this.key = key;
        this.certificate = certificate;
    }

    /**
     * A new authority with a new key and a self-signed certificate with subject {@code CN=<name>
     * Federation Authority}.
     *
     * @param name the federation's name, for example {@code Concordia}; not blank
     */
    public static FederationAuthority create(String name, Clock clock, Duration validity) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("the federation needs a name");
        }
        KeyPair pair = newKeyPair();
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.CN, name.strip() + " Federation Authority")
                .build();
        Instant now = clock.instant();
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(
                            subject,
                            newSerial(),
                            Date.from(now.minus(BACKDATE)),
                            Date.from(now.plus(validity)),
                            subject,
                            pair.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(
                            Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(pair.getPublic()));
            return new FederationAuthority(pair.getPrivate(), sign(b, pair.getPrivate()));
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot create the authority certificate", e);
        }
    }

    /** {@link #create(String, Clock, Duration)} with the {@link #DEFAULT_VALIDITY}. */
    public static FederationAuthority create(String name, Clock clock) {
        return create(name, clock, DEFAULT_VALIDITY);
    }

    /**
     * Reads an authority saved by {@link #save(Path, char[])} from {@code dir}.
     *
     * @throws IOException when the file is missing or unreadable, or the password is wrong
     */
    public static FederationAuthority load(Path dir, char[] password) throws IOException {
        try (InputStream in = Files.newInputStream(dir.resolve(KEYSTORE_FILE))) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            if (!(ks.getKey(ALIAS, password) instanceof PrivateKey key)
                    || !(ks.getCertificate(ALIAS) instanceof X509Certificate cert)) {
                throw new IOException(KEYSTORE_FILE + " holds no key under the alias " + ALIAS);
            }
            return new FederationAuthority(key, cert);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot open " + KEYSTORE_FILE, e);
        }
    }

    /** Reads the authority's certificate alone ({@value #CERTIFICATE_FILE}), as nodes do. */
    public static X509Certificate loadCertificate(Path caPem) throws IOException {
        try {
            return Pem.decode(Files.readString(caPem, StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the authority certificate", e);
        }
    }

    /** Writes {@value #KEYSTORE_FILE} and {@value #CERTIFICATE_FILE} into {@code dir}, creating it. */
    public void save(Path dir, char[] password) throws IOException {
        Files.createDirectories(dir);
        try (OutputStream out = Files.newOutputStream(dir.resolve(KEYSTORE_FILE))) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry(ALIAS, key, password, new X509Certificate[] {certificate});
            ks.store(out, password);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot write " + KEYSTORE_FILE, e);
        }
        Files.writeString(dir.resolve(CERTIFICATE_FILE), Pem.encode(certificate), StandardCharsets.US_ASCII);
    }

    /** The self-signed CA certificate: the federation's single trust anchor. */
    public X509Certificate certificate() {
        return certificate;
    }

    /**
     * Issues a node certificate and key for a participant: a new Ed25519 key pair (RFC 8032; the
     * authority signs the certificate with its EC P-256 key), subject {@code
     * CN=<code>,O=<organisation>}, a random positive 128-bit serial, subjectAltName DNS {@code
     * localhost}, IP {@code 127.0.0.1} and each of {@code hostnames} (IP literals as IP addresses),
     * extendedKeyUsage serverAuth and clientAuth (RFC 5280 section 4.2.1.12), so the same credentials
     * serve both sides of mutual TLS.
     *
     * @param hostnames further DNS names or IP literals the node is reached by; may be empty
     */
    public NodeCredentials issue(
            ParticipantCode code, String organisation, List<String> hostnames, Clock clock, Duration validity) {
        Objects.requireNonNull(code, "code");
        if (organisation == null || organisation.isBlank()) {
            throw new IllegalArgumentException("the organisation needs a name");
        }
        KeyPair pair = newNodeKeyPair();
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                // most general first, so the RFC 4514 string reads CN=<code>,O=<organisation>
                .addRDN(BCStyle.O, organisation.strip())
                .addRDN(BCStyle.CN, code.value())
                .build();
        Instant now = clock.instant();
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(
                            certificate,
                            newSerial(),
                            Date.from(now.minus(BACKDATE)),
                            Date.from(now.plus(validity)),
                            subject,
                            pair.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(new KeyPurposeId[] {
                        KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth
                    }))
                    .addExtension(Extension.subjectAlternativeName, false, alternativeNames(hostnames))
                    .addExtension(
                            Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(pair.getPublic()))
                    .addExtension(
                            Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(certificate));
            return new NodeCredentials(
                    code,
                    pair.getPrivate(),
                    sign(b, key),
                    certificate,
                    Optional.of(Sealing.standard().newKeys()));
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot issue a node certificate", e);
        }
    }

    /** {@link #issue(ParticipantCode, String, List, Clock, Duration)} with the {@link #DEFAULT_NODE_VALIDITY}. */
    public NodeCredentials issue(ParticipantCode code, String organisation, List<String> hostnames, Clock clock) {
        return issue(code, organisation, hostnames, clock, DEFAULT_NODE_VALIDITY);
    }

    /**
     * Signs {@code data} with SHA256withECDSA (FIPS 186-5), the signature DER-encoded as in RFC 3279
     * section 2.2.3. Used for the directory.
     */
    public byte[] sign(byte[] data) {
        try {
            Signature s = Signature.getInstance(SIGNATURE_ALGORITHM);
            s.initSign(key);
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the authority key", e);
        }
    }

    /** Whether {@code signature} (DER) is the authority's SHA256withECDSA signature of {@code data}. */
    static boolean verify(X509Certificate authority, byte[] data, byte[] signature) {
        try {
            Signature s = Signature.getInstance(SIGNATURE_ALGORITHM);
            s.initVerify(authority.getPublicKey());
            s.update(data);
            return s.verify(signature);
        } catch (SignatureException | InvalidKeyException e) {
            return false; // a malformed signature is a wrong one
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA256withECDSA is not available", e);
        }
    }

    private static GeneralNames alternativeNames(List<String> hostnames) {
        Set<String> names = new LinkedHashSet<>();
        names.add("localhost");
        names.add("127.0.0.1");
        for (String h : hostnames) {
            names.add(h.strip());
        }
        List<GeneralName> out = new ArrayList<>();
        for (String n : names) {
            if (n.isEmpty()) {
                continue;
            }
            out.add(
                    IPAddress.isValid(n)
                            ? new GeneralName(GeneralName.iPAddress, n)
                            : new GeneralName(GeneralName.dNSName, n));
        }
        return new GeneralNames(out.toArray(GeneralName[]::new));
    }

    /** A node's key pair: Ed25519 (RFC 8032), for TLS, signed messages and audit checkpoints. */
    static KeyPair newNodeKeyPair() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available", e);
        }
    }

    /** The authority's key pair: EC P-256. */
    static KeyPair newKeyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC P-256 is not available", e);
        }
    }

    /** A random positive serial of at most 128 bits (RFC 5280 section 4.1.2.2: positive, at most 20 octets). */
    private static BigInteger newSerial() {
        BigInteger serial;
        do {
            serial = new BigInteger(128, RANDOM);
        } while (serial.signum() == 0);
        return serial;
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signer)
            throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(signer)));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot build a certificate signer", e);
        }
    }
}
