package org.concordia.pki;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The header fields a {@link RequestSigner} produced, to be added to the request or reply as they
 * are, and the nonce it chose (a caller keeps a request's nonce to check the reply is bound to it).
 *
 * @param headers field name (as in the constants here) to value; iteration order is stable
 */
public record SignedHeaders(String nonce, Map<String, String> headers) {
    public static final String CONTENT_DIGEST = "Content-Digest";
    public static final String SENDER = "Concordia-Sender";
    public static final String RECIPIENT = "Concordia-Recipient";
    public static final String REQUEST_NONCE = "Concordia-Request-Nonce";
    public static final String SIGNATURE_INPUT = "Signature-Input";
    public static final String SIGNATURE = "Signature";

    public SignedHeaders {
        Objects.requireNonNull(nonce, "nonce");
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** The value of {@code name}; {@code null} when it was not produced. */
    public String get(String name) {
        return headers.get(name);
    }
}
