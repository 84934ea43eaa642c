package org.concordia.pki;

import java.security.PrivateKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.concordia.model.ParticipantCode;

/**
 * Signs a node's requests and replies as RFC 9421 HTTP Message Signatures ({@link MessageSignature}
 * tells which subset), with a {@code Content-Digest} (RFC 9530) of the body. Each signature gets a
 * fresh 128-bit random nonce and the clock's current second as {@code created}. Thread-safe.
 */
public final class RequestSigner {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ParticipantCode self;
    private final PrivateKey key;
    private final Clock clock;
    private final String algorithm;

    /**
     * @param self the signing participant, sent as {@code keyid} and {@code Concordia-Sender}
     * @param key its Ed25519 (or EC P-256) private key, whose certificate the directory lists
     */
    public RequestSigner(ParticipantCode self, PrivateKey key, Clock clock) {
        this.self = Objects.requireNonNull(self, "self");
        this.key = Objects.requireNonNull(key, "key");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.algorithm = MessageSignature.algorithmOf(key);
        if (algorithm == null) {
            throw new IllegalArgumentException("a node signs with an Ed25519 or EC P-256 key");
        }
    }

    public static RequestSigner of(NodeCredentials node, Clock clock) {
        return new RequestSigner(node.code(), node.key(), clock);
    }

    /**
     * The header fields that sign a request: {@code Content-Digest}, {@code Concordia-Sender}, {@code
     * Concordia-Recipient}, {@code Signature-Input} and {@code Signature}.
     *
     * @param method the method as sent, for example {@code POST}
     * @param path the request target's absolute path, without the query, for example {@code
     *     /federation/v1/search}
     * @param body the exact bytes sent (empty for none)
     */
    public SignedHeaders signRequest(String method, String path, byte[] body, ParticipantCode recipient) {
        if (method == null || !method.matches("[A-Z]+")) {
            throw new IllegalArgumentException("the method must be an upper-case token");
        }
        if (path == null || !path.startsWith("/") || path.contains("?")) {
            throw new IllegalArgumentException("the path must be absolute and carry no query");
        }
        return sign(
                MessageSignature.REQUEST_COMPONENTS,
                Map.of("@method", method, "@path", path),
                baseFields(body, recipient));
    }

    /**
     * The header fields that sign a reply: those of a request plus {@code Concordia-Request-Nonce},
     * the nonce of the request answered.
     *
     * @param status the HTTP status code sent
     * @param recipient the participant that sent the request
     */
    public SignedHeaders signResponse(int status, byte[] body, ParticipantCode recipient, String requestNonce) {
        if (status < 100 || status > 999) {
            throw new IllegalArgumentException("a status code has three digits");
        }
        Objects.requireNonNull(requestNonce, "requestNonce");
        Map<String, String> fields = baseFields(body, recipient);
        fields.put(SignedHeaders.REQUEST_NONCE, requestNonce);
        return sign(MessageSignature.RESPONSE_COMPONENTS, Map.of("@status", Integer.toString(status)), fields);
    }

    private Map<String, String> baseFields(byte[] body, ParticipantCode recipient) {
        Objects.requireNonNull(recipient, "recipient");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(SignedHeaders.CONTENT_DIGEST, ContentDigest.of(body));
        fields.put(SignedHeaders.SENDER, self.value());
        fields.put(SignedHeaders.RECIPIENT, recipient.value());
        return fields;
    }

    /**
     * @param derived the values of the derived components ({@code @method}, {@code @path}, {@code @status})
     * @param fields the header fields to send; the covered ones are read from here
     */
    private SignedHeaders sign(List<String> names, Map<String, String> derived, Map<String, String> fields) {
        List<MessageSignature.Component> covered = new ArrayList<>();
        for (String name : names) {
            String value = name.startsWith("@") ? derived.get(name) : MessageSignature.field(fields, name);
            covered.add(new MessageSignature.Component(name, Objects.requireNonNull(value, name)));
        }
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        long created = clock.instant().getEpochSecond();
        String params = MessageSignature.signatureParams(names, created, nonce, self.value(), algorithm);
        byte[] signature = MessageSignature.sign(key, MessageSignature.signatureBase(covered, params));
        fields.put(SignedHeaders.SIGNATURE_INPUT, MessageSignature.LABEL + "=" + params);
        fields.put(SignedHeaders.SIGNATURE, MessageSignature.LABEL + "=" + StructuredFields.bytes(signature));
        return new SignedHeaders(nonce, fields);
    }
}
