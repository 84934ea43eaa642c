package org.concordia.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Our signature base, structured-field parsing and ECDSA form against the published examples, so
 * that agreement is with the standards and not only with our own signer.
 */
class Rfc9421VectorsTest {
    /** RFC 9421 appendix B.1.3, {@code test-key-ecc-p256}, public part. */
    static final String TEST_KEY_ECC_P256 = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEqIVYZVLCrPZHGHjP17CTW0/+D9Lf"
            + "w0EkjqF7xB4FivAxzic30tMM4GF+hR6Dxh71Z50VGGdldkkDXZCnTNnoXQ==";

    /** RFC 9421 appendix B.2.4: a response signed with ecdsa-p256-sha256. */
    static final String B24_INPUT = "sig-b24=(\"@status\" \"content-type\" \"content-digest\" \"content-length\")"
            + ";created=1618884473;keyid=\"test-key-ecc-p256\"";

    static final String B24_SIGNATURE =
            "sig-b24=:wNmSUAhwb5LxtOtOpNa6W5xj067m5hFrj0XQ4fvpaCLx0NK" + "ocgPquLgyahnzDnDAUy5eCdlYUEkLIj+32oiasw==:";

    static final String B24_BASE = """
            "@status": 200
            "content-type": application/json
            "content-digest": sha-512=:mEWXIS7MaLRuGgxOBdODa3xqM1XdEvxoYhvlCFJ41QJgJc4GTsPp29l5oGX69wWdXymyU0rjJuahq4l5aGgfLQ==:
            "content-length": 23
            "@signature-params": ("@status" "content-type" "content-digest" "content-length");created=1618884473;keyid="test-key-ecc-p256\"""";

    static PublicKey testKey() throws Exception {
        return KeyFactory.getInstance("EC")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(TEST_KEY_ECC_P256)));
    }

    @Test
    void theSignatureBaseOfAppendixB24IsBuiltFromTheMessageAndItsSignatureInput() {
        var input = (StructuredFields.InnerList)
                StructuredFields.parseDictionary(B24_INPUT).get("sig-b24");
        assertThat(input.items())
                .extracting(StructuredFields.Item::value)
                .containsExactly("@status", "content-type", "content-digest", "content-length");
        assertThat(input.parameters())
                .containsExactly(Map.entry("created", 1618884473L), Map.entry("keyid", "test-key-ecc-p256"));
        String params = "(\"@status\" \"content-type\" \"content-digest\" \"content-length\")"
                + ";created=1618884473;keyid=\"test-key-ecc-p256\"";
        String base = MessageSignature.signatureBase(
                List.of(
                        new MessageSignature.Component("@status", "200"),
                        new MessageSignature.Component("content-type", "application/json"),
                        new MessageSignature.Component(
                                "content-digest",
                                "sha-512=:mEWXIS7MaLRuGgxOBdODa3xqM1XdEvxoYhvlCFJ41QJgJc4GTsPp29l5oGX69wWdXymyU0rjJuahq4l5aGgfLQ==:"),
                        new MessageSignature.Component("content-length", "23")),
                params);
        assertThat(base).isEqualTo(B24_BASE);
    }

    @Test
    void theRawEcdsaSignatureOfAppendixB24Verifies() throws Exception {
        var item = (StructuredFields.Item)
                StructuredFields.parseDictionary(B24_SIGNATURE).get("sig-b24");
        byte[] signature = (byte[]) item.value();
        assertThat(signature).hasSize(64);
        assertThat(MessageSignature.verify(testKey(), "ecdsa-p256-sha256", B24_BASE, signature))
                .isTrue();
        assertThat(MessageSignature.verify(testKey(), "ecdsa-p256-sha256", B24_BASE.replace("200", "201"), signature))
                .isFalse();
    }

    /** RFC 9421 appendix B.1.4, {@code test-key-ed25519}. */
    static final String TEST_KEY_ED25519_PUBLIC = "MCowBQYDK2VwAyEAJrQLj5P/89iXES9+vFgrIy29clF9CC/oPPsw3c5D0bs=";

    static final String TEST_KEY_ED25519_PRIVATE = "MC4CAQAwBQYDK2VwBCIEIJ+DYvh6SEqVTm50DFtMDoQikTmiCqirVv9mWG9qfSnF";

    /** RFC 9421 appendix B.2.6: a request signed with ed25519, a deterministic signature. */
    static final String B26_BASE = """
            "date": Tue, 20 Apr 2021 02:07:55 GMT
            "@method": POST
            "@path": /foo
            "@authority": example.com
            "content-type": application/json
            "content-length": 18
            "@signature-params": ("date" "@method" "@path" "@authority" "content-type" "content-length");created=1618884473;keyid="test-key-ed25519\"""";

    static final String B26_SIGNATURE =
            "wqcAqbmYJ2ji2glfAMaRy4gruYYnx2nEFN2HN6jrnDnQCK1u02Gb04v9EDgwUPiu4A0w6vuQv5lIp5WPpBKRCw==";

    @Test
    void theEd25519SignatureOfAppendixB26IsReproducedAndVerifies() throws Exception {
        var keys = KeyFactory.getInstance("Ed25519");
        PublicKey publicKey =
                keys.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(TEST_KEY_ED25519_PUBLIC)));
        var privateKey = keys.generatePrivate(
                new java.security.spec.PKCS8EncodedKeySpec(Base64.getDecoder().decode(TEST_KEY_ED25519_PRIVATE)));
        byte[] expected = Base64.getDecoder().decode(B26_SIGNATURE);

        assertThat(MessageSignature.algorithmOf(privateKey)).isEqualTo("ed25519");
        assertThat(MessageSignature.sign(privateKey, B26_BASE)).isEqualTo(expected);
        assertThat(MessageSignature.verify(publicKey, "ed25519", B26_BASE, expected))
                .isTrue();
        assertThat(MessageSignature.verify(publicKey, "ed25519", B26_BASE.replace("/foo", "/bar"), expected))
                .isFalse();
        assertThat(MessageSignature.verify(publicKey, "ecdsa-p256-sha256", B26_BASE, expected))
                .as("only the key's own algorithm")
                .isFalse();
    }

    @Test
    void contentDigestMatchesTheSha256ExampleOfRfc9530() {
        byte[] body = "{\"hello\": \"world\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(ContentDigest.of(body)).isEqualTo("sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:");
        assertThat(ContentDigest.matches(
                        "sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==:, "
                                + "sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:",
                        body))
                .isTrue();
        assertThat(ContentDigest.matches("sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:", new byte[0]))
                .isFalse();
        assertThat(ContentDigest.matches("sha-256=not-bytes", body)).isFalse();
    }

    @Test
    void structuredFieldsRefuseWhatRfc8941Refuses() {
        for (String bad : new String[] {"a=(\"x\"", "a=1,", "A=1", "a=\"unterminated", "a=1.5", "a=:not base64!:"}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> StructuredFields.parseDictionary(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(StructuredFields.parseDictionary("a=1, b;x=?0, c=tok/en").keySet())
                .containsExactly("a", "b", "c");
    }
}
