package org.concordia.audit;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.util.Objects;

/** Checks a checkpoint's signature. Implementations must be thread-safe. */
@FunctionalInterface
public interface CheckpointVerifier {
    String ALGORITHM = "SHA256withECDSA";

    /** Whether {@code checkpoint}'s signature verifies over its {@link AuditCheckpoint#signedBytes()}. */
    boolean verify(AuditCheckpoint checkpoint);

    /** The JCA name of EdDSA over edwards25519 (RFC 8032). */
    String ED25519 = "Ed25519";

    /** Whether the key is an Ed25519 key. */
    static boolean isEd25519(java.security.Key key) {
        return key instanceof java.security.interfaces.EdECKey ed
                && ED25519.equals(ed.getParams().getName());
    }

    /** With the algorithm of the node's public key: Ed25519 for an EdDSA key, else {@link #ecdsa}. */
    static CheckpointVerifier of(PublicKey key) {
        Objects.requireNonNull(key, "key");
        return isEd25519(key) ? verifying(key, ED25519) : ecdsa(key);
    }

    /** ECDSA with SHA-256 against the node's public key (from its certificate). */
    static CheckpointVerifier ecdsa(PublicKey key) {
        Objects.requireNonNull(key, "key");
        if (!"EC".equals(key.getAlgorithm())) {
            throw new IllegalArgumentException("checkpoints are verified with an EC key, not " + key.getAlgorithm());
        }
        return verifying(key, ALGORITHM);
    }

    private static CheckpointVerifier verifying(PublicKey key, String algorithm) {
        return checkpoint -> {
            try {
                Signature s = Signature.getInstance(algorithm);
                s.initVerify(key);
                s.update(checkpoint.signedBytes());
                return s.verify(checkpoint.signature());
            } catch (SignatureException e) {
                return false; // a malformed signature is a signature that does not verify
            } catch (InvalidKeyException e) {
                throw new IllegalArgumentException("the key cannot verify " + algorithm + " signatures", e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot verify " + algorithm, e);
            }
        };
    }
}
