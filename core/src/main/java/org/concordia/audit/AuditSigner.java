package org.concordia.audit;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Objects;

/**
 * Signs audit checkpoints with the node's key. Implementations must be thread-safe.
 */
public interface AuditSigner {
    /** Who signs: recorded in each checkpoint (for example the node's participant code or key id). */
    String name();

    /** The signature of {@code data}. */
    byte[] sign(byte[] data);

    /**
     * The node key's own algorithm: Ed25519 (RFC 8032; JCA {@code Ed25519}) for an EdDSA key, as the
     * federation authority issues them, else {@link #ecdsa}.
     */
    static AuditSigner of(String name, PrivateKey key) {
        Objects.requireNonNull(key, "key");
        return CheckpointVerifier.isEd25519(key) ? signing(name, key, CheckpointVerifier.ED25519) : ecdsa(name, key);
    }

    /**
     * ECDSA with SHA-256 (FIPS 186-5; JCA {@code SHA256withECDSA}, DER-encoded signature) with the
     * node's EC private key.
     */
    static AuditSigner ecdsa(String name, PrivateKey key) {
        Objects.requireNonNull(key, "key");
        if (!"EC".equals(key.getAlgorithm())) {
            throw new IllegalArgumentException("checkpoints are signed with an EC key, not " + key.getAlgorithm());
        }
        return signing(name, key, CheckpointVerifier.ALGORITHM);
    }

    private static AuditSigner signing(String name, PrivateKey key, String algorithm) {
        Objects.requireNonNull(name, "name");
        return new AuditSigner() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public byte[] sign(byte[] data) {
                try {
                    Signature s = Signature.getInstance(algorithm);
                    s.initSign(key);
                    s.update(data);
                    return s.sign();
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("cannot sign an audit checkpoint with " + algorithm, e);
                }
            }
        };
    }
}
