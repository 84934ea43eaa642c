package org.concordia.pki;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;

/**
 * The sender's signature of a message envelope (docs/decisions/0005), kept with the message on both
 * sides so the recipient can show later who sent exactly these bytes, beyond the one HTTP exchange
 * that carried them. The node's signing key (Ed25519, RFC 8032; or ECDSA P-256) signs the ASCII
 * string {@code concordia-message/1 <base64 of SHA-256(envelope)>}, the way {@link MessageSignature}
 * signs a request's signature base. Thread-safe.
 */
public final class EnvelopeSignature {
    private static final String CONTEXT = "concordia-message/1 ";

    private EnvelopeSignature() {}

    /** The 64-byte signature of {@code envelope} with {@code key}. */
    public static byte[] sign(PrivateKey key, byte[] envelope) {
        return MessageSignature.sign(key, base(envelope));
    }

    /** Whether {@code signature} is {@code key}'s signature of {@code envelope}. */
    public static boolean verify(PublicKey key, byte[] envelope, byte[] signature) {
        return MessageSignature.verify(key, MessageSignature.algorithmOf(key), base(envelope), signature);
    }

    private static String base(byte[] envelope) {
        try {
            return CONTEXT
                    + Base64.getEncoder()
                            .encodeToString(MessageDigest.getInstance("SHA-256").digest(envelope));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
