package org.concordia.pki;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.ECPublicKey;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The strict subset of HTTP Message Signatures (RFC 9421) that nodes use: one signature labelled
 * {@value #LABEL}, algorithm {@value #ALGORITHM} (section 3.3.4), parameters {@code created}, {@code
 * nonce}, {@code keyid} (the participant code) and {@code alg}, in that order.
 *
 * <ul>
 *   <li>a request covers {@code "@method" "@path" "content-digest" "concordia-sender"
 *       "concordia-recipient"};
 *   <li>a reply covers {@code "@status" "content-digest" "concordia-sender" "concordia-recipient"
 *       "concordia-request-nonce"}, the last binding it to the request it answers.
 * </ul>
 *
 * The query ({@code @query}) is not covered: the federation's API carries its input in the signed
 * body.
 */
final class MessageSignature {
    static final String LABEL = "concordia";
    static final String ALGORITHM = "ecdsa-p256-sha256";
    static final List<String> REQUEST_COMPONENTS =
            List.of("@method", "@path", "content-digest", "concordia-sender", "concordia-recipient");
    static final List<String> RESPONSE_COMPONENTS =
            List.of("@status", "content-digest", "concordia-sender", "concordia-recipient", "concordia-request-nonce");
    static final List<String> PARAMETERS = List.of("created", "nonce", "keyid", "alg");

    /**
     * RFC 9421 section 3.3.4 asks for the signature as r and s, each a 32-byte big-endian integer,
     * concatenated (the IEEE P1363 form), not the DER of RFC 3279; the JDK converts.
     */
    private static final String JCA_ALGORITHM = "SHA256withECDSAinP1363Format";

    private MessageSignature() {}

    /** A covered component and its value in the message. */
    record Component(String name, String value) {}

    /**
     * The {@code @signature-params} value (RFC 9421 section 2.3): the covered components as an inner
     * list of strings, then the parameters.
     */
    static String signatureParams(List<String> components, long created, String nonce, String keyId) {
        return components.stream().map(StructuredFields::string).collect(Collectors.joining(" ", "(", ")"))
                + ";created=" + created
                + ";nonce=" + StructuredFields.string(nonce)
                + ";keyid=" + StructuredFields.string(keyId)
                + ";alg=" + StructuredFields.string(ALGORITHM);
    }

    /**
     * The signature base of RFC 9421 section 2.5: per covered component, in order, its identifier as
     * an sf-string, a colon, a space, its value and a line feed; then {@code "@signature-params": }
     * and the parameters, with no final line feed.
     */
    static String signatureBase(List<Component> components, String signatureParams) {
        StringBuilder b = new StringBuilder(512);
        for (Component c : components) {
            if (c.value().indexOf('\n') >= 0 || c.value().indexOf('\r') >= 0) {
                throw new IllegalArgumentException("a component value cannot span lines");
            }
            b.append(StructuredFields.string(c.name()))
                    .append(": ")
                    .append(c.value())
                    .append('\n');
        }
        return b.append("\"@signature-params\": ").append(signatureParams).toString();
    }

    /** The 64-byte r||s ECDSA P-256 SHA-256 signature of {@code base} (UTF-8; it is ASCII). */
    static byte[] sign(PrivateKey key, String base) {
        try {
            Signature s = Signature.getInstance(JCA_ALGORITHM);
            s.initSign(key);
            s.update(base.getBytes(StandardCharsets.UTF_8));
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the node key", e);
        }
    }

    /** Whether {@code signature} (r||s, 64 bytes) is a P-256 signature of {@code base} by {@code key}. */
    static boolean verify(PublicKey key, String base, byte[] signature) {
        if (!(key instanceof ECPublicKey ec)
                || ec.getParams().getCurve().getField().getFieldSize() != 256
                || signature.length != 64) {
            return false;
        }
        try {
            Signature s = Signature.getInstance(JCA_ALGORITHM);
            s.initVerify(key);
            s.update(base.getBytes(StandardCharsets.UTF_8));
            return s.verify(signature);
        } catch (SignatureException | InvalidKeyException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ECDSA P-256 is not available", e);
        }
    }

    /**
     * The value of field {@code name} in {@code headers} (names compared case-insensitively), its
     * lines trimmed and joined with {@code ", "} (RFC 9421 section 2.1); {@code null} when absent.
     */
    static String fieldLines(Map<String, List<String>> headers, String name) {
        String joined = null;
        for (var e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && e.getValue() != null) {
                for (String v : e.getValue()) {
                    String t = v.strip();
                    joined = joined == null ? t : joined + ", " + t;
                }
            }
        }
        return joined;
    }

    /** The value of the single-line field {@code name} (case-insensitive); {@code null} when absent. */
    static String field(Map<String, String> fields, String name) {
        for (var e : fields.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue().strip();
            }
        }
        return null;
    }
}
