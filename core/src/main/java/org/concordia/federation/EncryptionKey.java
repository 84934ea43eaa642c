package org.concordia.federation;

import java.util.Base64;
import java.util.Objects;

/**
 * A participant's public key for end-to-end encryption of messages to it: X25519 (RFC 7748), the 32
 * raw bytes in unpadded URL-safe base 64 (RFC 4648 section 5), as the signed directory lists it. Kept
 * apart from the participant's signing key; messages are sealed to it with HPKE (RFC 9180, see
 * docs/decisions/0005).
 *
 * @param base64 the key's 32 bytes, base 64 as above
 */
public record EncryptionKey(String base64) {
    /** Length of an X25519 public key in bytes. */
    public static final int LENGTH = 32;

    public EncryptionKey {
        Objects.requireNonNull(base64, "base64");
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("an encryption key must be URL-safe base 64");
        }
        if (raw.length != LENGTH || base64.endsWith("=")) {
            throw new IllegalArgumentException("an encryption key is 32 bytes in unpadded base 64");
        }
    }

    /** The key of these 32 bytes. */
    public static EncryptionKey of(byte[] raw) {
        return new EncryptionKey(Base64.getUrlEncoder().withoutPadding().encodeToString(raw));
    }

    /** The key's 32 bytes (a copy). */
    public byte[] bytes() {
        return Base64.getUrlDecoder().decode(base64);
    }
}
