package org.concordia.pki;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;

/**
 * The {@code Content-Digest} field of RFC 9530 with the {@code sha-256} algorithm: a structured
 * dictionary (RFC 8941) whose {@code sha-256} member is the SHA-256 (FIPS 180-4) of the message
 * content as a byte sequence, for example {@code sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:}
 * for {@code {"hello": "world"}}. Thread-safe.
 */
public final class ContentDigest {
    private ContentDigest() {}

    /** The field value for {@code body}. */
    public static String of(byte[] body) {
        return "sha-256=" + StructuredFields.bytes(sha256(body));
    }

    /**
     * Whether {@code fieldValue} carries a {@code sha-256} digest equal to that of {@code body}. Other
     * algorithms in the field are ignored; a malformed field or one without {@code sha-256} does not
     * match.
     */
    public static boolean matches(String fieldValue, byte[] body) {
        Map<String, StructuredFields.Member> dict;
        try {
            dict = StructuredFields.parseDictionary(fieldValue);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return dict.get("sha-256") instanceof StructuredFields.Item item
                && item.value() instanceof byte[] digest
                && MessageDigest.isEqual(digest, sha256(body));
    }

    private static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
