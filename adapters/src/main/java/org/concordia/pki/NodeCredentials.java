package org.concordia.pki;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;
import org.concordia.model.ParticipantCode;

/**
 * A node's identity in the federation: its private key, its certificate and the authority's
 * certificate that issued it. Used for mutual TLS ({@link TlsContexts}) and to sign requests and
 * replies ({@link RequestSigner}).
 *
 * <p>Saved as {@code <CODE>.p12} (PKCS#12, RFC 7292: the key with the chain node, authority under the
 * alias {@value #ALIAS}, and the X25519 encryption key as a secret entry under {@value
 * #ENCRYPTION_ALIAS}, protected by a password) and {@code <CODE>.pem} (the node certificate alone, as
 * the directory lists it).
 *
 * @param code the participant, as in the certificate's common name
 * @param encryption the participant's encryption key pair (messages are sealed to its public half);
 *     empty in key stores made before messages existed
 */
public record NodeCredentials(
        ParticipantCode code,
        PrivateKey key,
        X509Certificate certificate,
        X509Certificate authority,
        Optional<Sealing.EncryptionKeys> encryption) {
    public static final String ALIAS = "node";
    public static final String ENCRYPTION_ALIAS = "encryption";
    private static final String X25519 = "X25519";

    /** Credentials without an encryption key. */
    public NodeCredentials(
            ParticipantCode code, PrivateKey key, X509Certificate certificate, X509Certificate authority) {
        this(code, key, certificate, authority, Optional.empty());
    }

    public NodeCredentials {
        Objects.requireNonNull(encryption, "encryption");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(authority, "authority");
        if (!Certificates.participantOf(certificate).map(code::equals).orElse(false)) {
            throw new IllegalArgumentException("the certificate was not issued to " + code);
        }
    }

    /** {@code <CODE>.p12} in {@code dir}. */
    public static Path keystoreFile(Path dir, ParticipantCode code) {
        return dir.resolve(code.value() + ".p12");
    }

    /** {@code <CODE>.pem} in {@code dir}. */
    public static Path certificateFile(Path dir, ParticipantCode code) {
        return dir.resolve(code.value() + ".pem");
    }

    /** Writes {@code <CODE>.p12} and {@code <CODE>.pem} into {@code dir}, creating it. */
    public void save(Path dir, char[] password) throws IOException {
        Files.createDirectories(dir);
        try (OutputStream out = Files.newOutputStream(keystoreFile(dir, code))) {
            KeyStore ks = toKeyStore(password);
            if (encryption.isPresent()) {
                ks.setEntry(
                        ENCRYPTION_ALIAS,
                        new KeyStore.SecretKeyEntry(
                                new SecretKeySpec(encryption.get().privateKey(), X25519)),
                        new KeyStore.PasswordProtection(password));
            }
            ks.store(out, password);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot write the keystore of " + code, e);
        }
        Files.writeString(certificateFile(dir, code), Pem.encode(certificate), StandardCharsets.US_ASCII);
    }

    /**
     * Reads credentials saved by {@link #save(Path, char[])}.
     *
     * @param p12 the {@code <CODE>.p12} file
     * @throws IOException when unreadable, the password is wrong, or it holds no node key and chain
     */
    public static NodeCredentials load(Path p12, char[] password) throws IOException {
        try (InputStream in = Files.newInputStream(p12)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            var chain = ks.getCertificateChain(ALIAS);
            if (!(ks.getKey(ALIAS, password) instanceof PrivateKey key)
                    || chain == null
                    || chain.length != 2
                    || !(chain[0] instanceof X509Certificate node)
                    || !(chain[1] instanceof X509Certificate authority)) {
                throw new IOException("the keystore holds no node key with its chain under the alias " + ALIAS);
            }
            ParticipantCode code = Certificates.participantOf(node)
                    .orElseThrow(() -> new IOException("the node certificate names no participant"));
            Optional<Sealing.EncryptionKeys> encryption = Optional.empty();
            if (ks.isKeyEntry(ENCRYPTION_ALIAS)) {
                java.security.Key k = ks.getKey(ENCRYPTION_ALIAS, password);
                if (k == null || k.getEncoded() == null || k.getEncoded().length != Sealing.KEY_LENGTH) {
                    throw new IOException("the keystore's encryption entry is not an X25519 key");
                }
                encryption = Optional.of(Sealing.standard().fromPrivate(k.getEncoded()));
            }
            return new NodeCredentials(code, key, node, authority, encryption);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot open the node keystore", e);
        }
    }

    /**
     * The key and chain in an in-memory PKCS#12 key store, protected by {@code password}: what TLS
     * presents (the encryption key is not in it).
     */
    public KeyStore toKeyStore(char[] password) throws GeneralSecurityException, IOException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry(ALIAS, key, password, new X509Certificate[] {certificate, authority});
        return ks;
    }

    /** The node certificate in PEM, as the directory lists it. */
    public String certificatePem() {
        return Pem.encode(certificate);
    }

    @Override
    public String toString() {
        return "NodeCredentials[" + code + ", serial " + Certificates.serialHex(certificate) + "]";
    }
}
