package org.concordia.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What the audit log holds instead of a query term: HMAC-SHA-256 (RFC 2104, FIPS 198-1) with the
 * node's secret over the normalised term, as 64 lower-case hex digits. Two searches for the same
 * term give the same value, so an auditor can see a term searched again without seeing it; a
 * dictionary attack (hashing every name in a telephone book) needs the node's secret, which a plain
 * hash would not.
 *
 * <p>Normalisation, so that trivially different spellings of one term agree: Unicode NFKC, lower
 * case (root locale), white space runs made one space, trimmed. It does not transliterate: "Иван"
 * and "Ivan" give different values.
 *
 * <p>The secret is at least 32 bytes and stays in the node (losing it only means new values no
 * longer match old ones). Thread-safe.
 */
public final class TermHasher {
    public static final int MIN_SECRET_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";
    private static final Pattern SPACES = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private final SecretKeySpec key;

    public TermHasher(byte[] secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the term-hashing secret needs at least " + MIN_SECRET_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(secret, ALGORITHM);
    }

    /** A new random secret (32 bytes from {@link SecureRandom}). */
    public static byte[] newSecret() {
        byte[] secret = new byte[MIN_SECRET_BYTES];
        new SecureRandom().nextBytes(secret);
        return secret;
    }

    /** The normal form that is hashed. */
    public static String normalise(String term) {
        String n = Normalizer.normalize(term, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return SPACES.matcher(n).replaceAll(" ").strip();
    }

    /** The keyed hash of {@code term}'s normal form: 64 lower-case hex digits. */
    public String hash(String term) {
        Objects.requireNonNull(term, "term");
        try {
            Mac mac = Mac.getInstance(ALGORITHM); // Mac instances are not thread-safe: one per call
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(normalise(term).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has " + ALGORITHM, e);
        }
    }
}
