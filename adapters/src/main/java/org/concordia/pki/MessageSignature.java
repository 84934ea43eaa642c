package org.concordia.pki;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.ECKey;
import java.security.interfaces.EdECKey;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;

/**
 * The strict subset of HTTP Message Signatures (RFC 9421) that nodes use: one signature labelled
 * {@value #LABEL}, parameters {@code created}, {@code nonce}, {@code keyid} (the participant code) and
 * {@code alg}, in that order; the algorithm is the node key's: {@value #ED25519} (section 3.3.6, EdDSA
 * of RFC 8032, the keys {@link FederationAuthority} issues) or {@value #ECDSA_P256} (section 3.3.4).
 * Ed25519 is computed with Bouncy Castle's implementation: about 30 µs to sign and 70 µs to verify on
 * this project's machines, against 150 and 380 µs for the JDK's ECDSA P-256, and a federated search
 * signs and verifies eight messages per partner pair.
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
    static final String ED25519 = "ed25519";
    static final String ECDSA_P256 = "ecdsa-p256-sha256";
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

    /** Node keys in Bouncy Castle's form, converted once; emptied when full. */
    private static final ConcurrentHashMap<Key, AsymmetricKeyParameter> CONVERTED = new ConcurrentHashMap<>();

    private static final int CONVERTED_LIMIT = 4_096;

    /** The order n of P-256's base point (FIPS 186-5 / SEC 2 secp256r1): other 256-bit curves differ. */
    private static final java.math.BigInteger P256_ORDER =
            new java.math.BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

    private MessageSignature() {}

    /**
     * The RFC 9421 algorithm of a node key: {@value #ED25519} for an Ed25519 key, {@value #ECDSA_P256}
     * for an EC P-256 key; null for any other key.
     */
    static String algorithmOf(Key key) {
        if (key instanceof EdECKey ed && "Ed25519".equals(ed.getParams().getName())) {
            return ED25519;
        }
        if (key instanceof ECKey ec && P256_ORDER.equals(ec.getParams().getOrder())) {
            return ECDSA_P256;
        }
        return null;
    }

    /** A covered component and its value in the message. */
    record Component(String name, String value) {}

    /**
     * The {@code @signature-params} value (RFC 9421 section 2.3): the covered components as an inner
     * list of strings, then the parameters.
     */
    static String signatureParams(List<String> components, long created, String nonce, String keyId, String alg) {
        return components.stream().map(StructuredFields::string).collect(Collectors.joining(" ", "(", ")"))
                + ";created=" + created
                + ";nonce=" + StructuredFields.string(nonce)
                + ";keyid=" + StructuredFields.string(keyId)
                + ";alg=" + StructuredFields.string(alg);
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

    /**
     * The 64-byte signature of {@code base} (UTF-8; it is ASCII) with the key's {@link #algorithmOf
     * algorithm}: Ed25519, or ECDSA P-256 SHA-256 as r||s.
     */
    static byte[] sign(PrivateKey key, String base) {
        byte[] data = base.getBytes(StandardCharsets.UTF_8);
        String alg = algorithmOf(key);
        if (ED25519.equals(alg)) {
            Ed25519Signer signer = new Ed25519Signer();
            signer.init(true, converted(key));
            signer.update(data, 0, data.length);
            return signer.generateSignature();
        }
        if (alg == null) {
            throw new IllegalStateException("the node key is neither Ed25519 nor EC P-256");
        }
        try {
            Signature s = Signature.getInstance(JCA_ALGORITHM);
            s.initSign(key);
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the node key", e);
        }
    }

    /**
     * Whether {@code signature} (64 bytes) is the signature of {@code base} by {@code key} with
     * algorithm {@code alg}, which must be the key's ({@link #algorithmOf}).
     */
    static boolean verify(PublicKey key, String alg, String base, byte[] signature) {
        if (alg == null || !alg.equals(algorithmOf(key)) || signature.length != 64) {
            return false;
        }
        if (ED25519.equals(alg)) {
            byte[] data = base.getBytes(StandardCharsets.UTF_8);
            Ed25519Signer verifier = new Ed25519Signer();
            verifier.init(false, converted(key));
            verifier.update(data, 0, data.length);
            return verifier.verifySignature(signature);
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

    /** A JDK Ed25519 key as Bouncy Castle's lightweight API takes it (from its PKCS#8 or X.509 encoding). */
    private static AsymmetricKeyParameter converted(Key key) {
        AsymmetricKeyParameter p = CONVERTED.get(key);
        if (p != null) {
            return p;
        }
        try {
            p = key instanceof PrivateKey
                    ? PrivateKeyFactory.createKey(key.getEncoded())
                    : PublicKeyFactory.createKey(key.getEncoded());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("an Ed25519 key cannot be read", e);
        }
        if (!(p instanceof Ed25519PrivateKeyParameters) && !(p instanceof Ed25519PublicKeyParameters)) {
            throw new IllegalStateException("not an Ed25519 key");
        }
        if (CONVERTED.size() >= CONVERTED_LIMIT) {
            CONVERTED.clear();
        }
        CONVERTED.put(key, p);
        return p;
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
