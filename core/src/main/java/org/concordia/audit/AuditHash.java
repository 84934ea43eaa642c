package org.concordia.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/** A SHA-256 value of the audit chain: 32 bytes, immutable (every access copies), shown as lower-case hex. */
public final class AuditHash {
    public static final int LENGTH = 32;

    /** What the first entry chains to: 32 zero bytes. */
    public static final AuditHash ZERO = new AuditHash(new byte[LENGTH]);

    private final byte[] bytes;

    private AuditHash(byte[] bytes) {
        this.bytes = bytes;
    }

    /** @throws IllegalArgumentException unless {@code bytes} has 32 bytes */
    public static AuditHash of(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("an audit hash has " + LENGTH + " bytes, not " + bytes.length);
        }
        return new AuditHash(bytes.clone());
    }

    /** @throws IllegalArgumentException unless {@code hex} is 64 hexadecimal digits */
    public static AuditHash fromHex(String hex) {
        Objects.requireNonNull(hex, "hex");
        if (hex.length() != 2 * LENGTH) {
            throw new IllegalArgumentException("an audit hash has " + 2 * LENGTH + " hex digits");
        }
        return new AuditHash(HexFormat.of().parseHex(hex));
    }

    /** SHA-256 (FIPS 180-4) of {@code data}. */
    public static AuditHash sha256(byte[] data) {
        try {
            return new AuditHash(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuditHash h && MessageDigest.isEqual(bytes, h.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
