package org.concordia.pki;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encryption of a large attachment in segments, so neither side ever holds it whole: the STREAM
 * construction of Hoang, Reyhanitabar, Rogaway and Vizár ("Online Authenticated-Encryption and its
 * Nonce-Reuse Misuse-Resistance", CRYPTO 2015) over AES-256-GCM (NIST SP 800-38D). Each attachment has
 * its own random key and a random 7-byte nonce prefix; segment {@code i} is sealed with the nonce
 * {@code prefix ‖ i (4 bytes, big-endian) ‖ last (1 byte: 1 for the final segment, else 0)}, so a
 * segment cannot be moved, dropped, repeated or the stream cut short without a tag failing. Thread-safe.
 *
 * @param key the attachment's AES-256 key
 * @param prefix the nonce prefix
 */
public record SegmentCipher(byte[] key, byte[] prefix) {
    /** Plaintext bytes per segment (the last may be shorter, or empty for an empty attachment). */
    public static final int SEGMENT = 256 * 1024;
    /** GCM tag bytes added to each segment. */
    public static final int TAG = 16;

    public static final int PREFIX_LENGTH = 7;
    private static final SecureRandom RANDOM = new SecureRandom();

    public SegmentCipher {
        if (key.length != 32 || prefix.length != PREFIX_LENGTH) {
            throw new IllegalArgumentException("a 32-byte key and a 7-byte prefix");
        }
        key = key.clone();
        prefix = prefix.clone();
    }

    /** A new key and prefix for one attachment. */
    public static SegmentCipher generate() {
        byte[] k = new byte[32];
        byte[] p = new byte[PREFIX_LENGTH];
        RANDOM.nextBytes(k);
        RANDOM.nextBytes(p);
        return new SegmentCipher(k, p);
    }

    /** The key followed by the prefix (39 bytes), as the sealed message content carries them. */
    public byte[] encoded() {
        return ByteBuffer.allocate(32 + PREFIX_LENGTH).put(key).put(prefix).array();
    }

    public static SegmentCipher decode(byte[] encoded) {
        if (encoded.length != 32 + PREFIX_LENGTH) {
            throw new IllegalArgumentException("an encoded segment cipher is 39 bytes");
        }
        byte[] k = new byte[32];
        byte[] p = new byte[PREFIX_LENGTH];
        ByteBuffer.wrap(encoded).get(k).get(p);
        return new SegmentCipher(k, p);
    }

    @Override
    public byte[] key() {
        return key.clone();
    }

    @Override
    public byte[] prefix() {
        return prefix.clone();
    }

    /** Seals segment {@code index} of the plaintext. */
    public byte[] seal(int index, boolean last, byte[] plaintext, int offset, int length) {
        try {
            return cipher(Cipher.ENCRYPT_MODE, index, last).doFinal(plaintext, offset, length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("segment sealing failed", e);
        }
    }

    /** The plaintext of segment {@code index}, or empty when it is not that segment of this stream. */
    public Optional<byte[]> open(int index, boolean last, byte[] sealed) {
        try {
            return Optional.of(cipher(Cipher.DECRYPT_MODE, index, last).doFinal(sealed));
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    private Cipher cipher(int mode, int index, boolean last) throws GeneralSecurityException {
        if (index < 0) {
            throw new IllegalArgumentException("segment index");
        }
        byte[] nonce = ByteBuffer.allocate(12)
                .put(prefix)
                .putInt(index)
                .put((byte) (last ? 1 : 0))
                .array();
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG * 8, nonce));
        return c;
    }

    @Override
    public String toString() {
        return "SegmentCipher[key not shown]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SegmentCipher s
                && java.util.Arrays.equals(key, s.key)
                && java.util.Arrays.equals(prefix, s.prefix);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(prefix);
    }
}
