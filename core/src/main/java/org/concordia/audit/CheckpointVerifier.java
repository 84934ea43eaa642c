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

    /** ECDSA with SHA-256 against the node's public key (from its certificate). */
    static CheckpointVerifier ecdsa(PublicKey key) {
        Objects.requireNonNull(key, "key");
        if (!"EC".equals(key.getAlgorithm())) {
            throw new IllegalArgumentException("checkpoints are verified with an EC key, not " + key.getAlgorithm());
        }
        return checkpoint -> {
            try {
                Signature s = Signature.getInstance(ALGORITHM);
                s.initVerify(key);
                s.update(checkpoint.signedBytes());
                return s.verify(checkpoint.signature());
            } catch (SignatureException e) {
                return false; // a malformed signature (not DER) is a signature that does not verify
            } catch (InvalidKeyException e) {
                throw new IllegalArgumentException("the key cannot verify " + ALGORITHM + " signatures", e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot verify " + ALGORITHM, e);
            }
        };
    }
}
