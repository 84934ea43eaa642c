package org.concordia.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concordia.pki.TestFederation.AFRIPOL;
import static org.concordia.pki.TestFederation.CLOCK;
import static org.concordia.pki.TestFederation.EUROPOL;
import static org.concordia.pki.TestFederation.INTERPOL;
import static org.concordia.pki.TestFederation.NOW;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.concordia.federation.Directory;
import org.concordia.federation.Verification;
import org.concordia.federation.Verification.Rejected;
import org.concordia.federation.Verification.Verified;
import org.concordia.model.ParticipantCode;
import org.concordia.problem.ErrorCode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** INTERPOL signs requests to EUROPOL; EUROPOL verifies them and signs its replies. */
class RequestSignatureTest {
    static final TestFederation FEDERATION = new TestFederation(CLOCK, INTERPOL, EUROPOL);
    static final byte[] BODY = "{\"purpose\":\"criminal_investigation\"}".getBytes(StandardCharsets.UTF_8);
    static final String PATH = "/federation/v1/search";

    final RequestSigner interpol = RequestSigner.of(FEDERATION.node(INTERPOL), CLOCK);
    final RequestSigner europolSigner = RequestSigner.of(FEDERATION.node(EUROPOL), CLOCK);
    final RequestVerifier europol = new RequestVerifier(EUROPOL, CLOCK);

    static Map<String, List<String>> headers(SignedHeaders signed) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        // as a server may present them: names in lower case
        signed.headers().forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), List.of(v)));
        out.put("content-type", List.of("application/json"));
        return out;
    }

    Verification receive(Map<String, List<String>> headers, byte[] body) {
        return europol.verifyRequest("POST", PATH, headers, body, Optional.of(INTERPOL), FEDERATION.directory);
    }

    static ErrorCode code(Verification v) {
        assertThat(v).isInstanceOf(Rejected.class);
        return ((Rejected) v).code();
    }

    @Nested
    class Requests {
        final SignedHeaders signed = interpol.signRequest("POST", PATH, BODY, EUROPOL);

        @Test
        void aSignedRequestFromAListedParticipantIsVerified() {
            assertThat(receive(headers(signed), BODY)).isEqualTo(new Verified(INTERPOL));
        }

        @Test
        void theSignatureInputNamesTheComponentsParametersAndAlgorithm() {
            assertThat(signed.get("Signature-Input"))
                    .matches("concordia=\\(\"@method\" \"@path\" \"content-digest\" \"concordia-sender\" "
                            + "\"concordia-recipient\"\\);created=" + NOW.getEpochSecond()
                            + ";nonce=\"[A-Za-z0-9_-]{22}\";keyid=\"INTERPOL\";alg=\"ed25519\"");
            assertThat(signed.get("Signature")).matches("concordia=:[A-Za-z0-9+/]{86}==:");
            assertThat(signed.get("Content-Digest")).isEqualTo(ContentDigest.of(BODY));
            assertThat(interpol.signRequest("POST", PATH, BODY, EUROPOL).nonce())
                    .isNotEqualTo(signed.nonce());
        }

        @Test
        void aSecondDeliveryOfTheSameRequestIsAReplay() {
            assertThat(receive(headers(signed), BODY)).isInstanceOf(Verified.class);
            assertThat(code(receive(headers(signed), BODY))).isEqualTo(ErrorCode.REPLAYED_REQUEST);
        }

        @Test
        void aChangedBodyBreaksTheDigest() {
            byte[] other = "{\"purpose\":\"border_screening\"}".getBytes(StandardCharsets.UTF_8);
            assertThat(code(receive(headers(signed), other))).isEqualTo(ErrorCode.SIGNATURE_INVALID);
        }

        @Test
        void aChangedBodyWithARecomputedDigestBreaksTheSignature() {
            byte[] other = "{\"purpose\":\"border_screening\"}".getBytes(StandardCharsets.UTF_8);
            Map<String, List<String>> h = headers(signed);
            h.put("content-digest", List.of(ContentDigest.of(other)));
            assertThat(code(receive(h, other))).isEqualTo(ErrorCode.SIGNATURE_INVALID);
        }

        @Test
        void anotherPathBreaksTheSignature() {
            Verification v = europol.verifyRequest(
                    "POST", "/federation/v1/records", headers(signed), BODY, Optional.empty(), FEDERATION.directory);
            assertThat(code(v)).isEqualTo(ErrorCode.SIGNATURE_INVALID);
        }

        @Test
        void aRequestForAnotherRecipientIsRefused() {
            RequestVerifier afripol = new RequestVerifier(AFRIPOL, CLOCK);
            Verification v = afripol.verifyRequest(
                    "POST", PATH, headers(signed), BODY, Optional.of(INTERPOL), FEDERATION.directory);
            assertThat(code(v)).isEqualTo(ErrorCode.SIGNATURE_INVALID);
        }

        @Test
        void aSenderTheDirectoryDoesNotListIsUnknown() {
            NodeCredentials afripol = FEDERATION.authority.issue(AFRIPOL, "Afripol", List.of(), CLOCK);
            SignedHeaders s = RequestSigner.of(afripol, CLOCK).signRequest("POST", PATH, BODY, EUROPOL);
            Verification v =
                    europol.verifyRequest("POST", PATH, headers(s), BODY, Optional.empty(), FEDERATION.directory);
            assertThat(code(v)).isEqualTo(ErrorCode.UNKNOWN_PARTICIPANT);
        }

        @Test
        void aSignerWhoIsNotTheTlsPeerIsRefused() {
            Verification v = europol.verifyRequest(
                    "POST", PATH, headers(signed), BODY, Optional.of(AFRIPOL), FEDERATION.directory);
            assertThat(code(v)).isEqualTo(ErrorCode.UNKNOWN_CERTIFICATE);
        }

        @Test
        void aKeyOtherThanTheListedCertificatesIsRefused() {
            NodeCredentials impostor = FEDERATION.authority.issue(INTERPOL, "Interpol", List.of(), CLOCK);
            SignedHeaders s = RequestSigner.of(impostor, CLOCK).signRequest("POST", PATH, BODY, EUROPOL);
            assertThat(code(receive(headers(s), BODY))).isEqualTo(ErrorCode.SIGNATURE_INVALID);
        }

        @Test
        void aRevokedSignerIsRefused() {
            String serial = Certificates.serialHex(FEDERATION.node(INTERPOL).certificate());
            Directory revoked = FEDERATION.directory.revoking(serial, 2, NOW);
            Verification v = europol.verifyRequest("POST", PATH, headers(signed), BODY, Optional.of(INTERPOL), revoked);
            assertThat(code(v)).isEqualTo(ErrorCode.CERTIFICATE_REVOKED);
        }

        @Test
        void aSignerWithAnExpiredCertificateIsRefused() {
            Clock longAgo = Clock.fixed(NOW.minus(Duration.ofDays(400)), ZoneOffset.UTC);
            NodeCredentials old =
                    FEDERATION.authority.issue(AFRIPOL, "Afripol", List.of(), longAgo, Duration.ofDays(30));
            Directory listing = FEDERATION.directory.with(TestFederation.participant(old, 8445), 2, NOW);
            SignedHeaders s = RequestSigner.of(old, CLOCK).signRequest("POST", PATH, BODY, EUROPOL);
            Verification v = europol.verifyRequest("POST", PATH, headers(s), BODY, Optional.empty(), listing);
            assertThat(code(v)).isEqualTo(ErrorCode.CERTIFICATE_EXPIRED);
        }

        @Test
        void aRequestCreatedOutsideTheSkewWindowIsStale() {
            for (Duration offset : List.of(Duration.ofMinutes(-6), Duration.ofMinutes(6))) {
                Clock elsewhere = Clock.fixed(NOW.plus(offset), ZoneOffset.UTC);
                SignedHeaders s =
                        RequestSigner.of(FEDERATION.node(INTERPOL), elsewhere).signRequest("POST", PATH, BODY, EUROPOL);
                assertThat(code(receive(headers(s), BODY)))
                        .as(offset.toString())
                        .isEqualTo(ErrorCode.STALE_REQUEST);
            }
            Clock nearly = Clock.fixed(NOW.minus(Duration.ofMinutes(4)), ZoneOffset.UTC);
            SignedHeaders s =
                    RequestSigner.of(FEDERATION.node(INTERPOL), nearly).signRequest("POST", PATH, BODY, EUROPOL);
            assertThat(receive(headers(s), BODY)).isInstanceOf(Verified.class);
        }

        @Test
        void theSkewWindowIsConfigurable() {
            Clock twoMinutesAgo = Clock.fixed(NOW.minus(Duration.ofMinutes(2)), ZoneOffset.UTC);
            SignedHeaders s =
                    RequestSigner.of(FEDERATION.node(INTERPOL), twoMinutesAgo).signRequest("POST", PATH, BODY, EUROPOL);
            RequestVerifier strict = new RequestVerifier(
                    EUROPOL, CLOCK, Duration.ofMinutes(1), new ReplayGuard(Duration.ofMinutes(1), 10));
            assertThat(code(strict.verifyRequest(
                            "POST", PATH, headers(s), BODY, Optional.empty(), FEDERATION.directory)))
                    .isEqualTo(ErrorCode.STALE_REQUEST);
        }

        @Test
        void aSenderFieldThatDiffersFromTheKeyIdIsRefused() {
            Map<String, List<String>> h = headers(signed);
            h.put("concordia-sender", List.of("EUROPOL"));
            assertThat(code(receive(h, BODY))).isEqualTo(ErrorCode.SIGNATURE_INVALID);
        }

        @Test
        void missingOrForeignSignatureFieldsAreRefused() {
            Map<String, List<String>> none = headers(signed);
            none.remove("signature");
            assertThat(code(receive(none, BODY))).isEqualTo(ErrorCode.SIGNATURE_INVALID);

            Map<String, List<String>> otherAlg = headers(signed);
            otherAlg.put( // an algorithm that is not the sender key's
                    "signature-input", List.of(signed.get("Signature-Input").replace("ed25519", "ecdsa-p256-sha256")));
            assertThat(code(receive(otherAlg, BODY))).isEqualTo(ErrorCode.SIGNATURE_INVALID);

            Map<String, List<String>> fewer = headers(signed);
            fewer.put("signature-input", List.of(signed.get("Signature-Input").replace(" \"@path\"", "")));
            assertThat(code(receive(fewer, BODY))).isEqualTo(ErrorCode.SIGNATURE_INVALID);

            Map<String, List<String>> garbled = headers(signed);
            garbled.put("signature", List.of("concordia=:AAAA"));
            assertThat(code(receive(garbled, BODY))).isEqualTo(ErrorCode.SIGNATURE_INVALID);
        }

        @Test
        void otherSignaturesBesideOursAreIgnored() {
            Map<String, List<String>> h = headers(signed);
            h.put("signature-input", List.of("proxy=(\"@method\");created=1", signed.get("Signature-Input")));
            h.put("signature", List.of("proxy=:AAAA:", signed.get("Signature")));
            assertThat(receive(h, BODY)).isEqualTo(new Verified(INTERPOL));
        }
    }

    @Nested
    class Replies {
        final SignedHeaders request = interpol.signRequest("POST", PATH, BODY, EUROPOL);
        final byte[] reply = "{\"status\":\"no_hit\"}".getBytes(StandardCharsets.UTF_8);
        final RequestVerifier interpolVerifier = new RequestVerifier(INTERPOL, CLOCK);

        Verification receiveReply(SignedHeaders signed, int status, ParticipantCode expected) {
            return interpolVerifier.verifyResponse(
                    status, headers(signed), reply, expected, request.nonce(), FEDERATION.directory);
        }

        @Test
        void aSignedReplyBoundToTheRequestIsVerified() {
            SignedHeaders signed = europolSigner.signResponse(200, reply, INTERPOL, request.nonce());
            assertThat(signed.get("Concordia-Request-Nonce")).isEqualTo(request.nonce());
            assertThat(signed.get("Signature-Input")).startsWith("concordia=(\"@status\" \"content-digest\"");
            assertThat(receiveReply(signed, 200, EUROPOL)).isEqualTo(new Verified(EUROPOL));
        }

        @Test
        void aReplyToAnotherRequestIsRefused() {
            SignedHeaders signed = europolSigner.signResponse(200, reply, INTERPOL, "anotherRequestNonce00");
            assertThat(code(receiveReply(signed, 200, EUROPOL))).isEqualTo(ErrorCode.SIGNATURE_INVALID);
        }

        @Test
        void aChangedStatusBreaksTheSignature() {
            SignedHeaders signed = europolSigner.signResponse(200, reply, INTERPOL, request.nonce());
            assertThat(code(receiveReply(signed, 404, EUROPOL))).isEqualTo(ErrorCode.SIGNATURE_INVALID);
        }

        @Test
        void aReplySignedByAnotherParticipantIsRefused() {
            SignedHeaders signed = europolSigner.signResponse(200, reply, INTERPOL, request.nonce());
            assertThat(code(receiveReply(signed, 200, AFRIPOL))).isEqualTo(ErrorCode.SIGNATURE_INVALID);
        }

        @Test
        void aStaleReplyIsRefused() {
            Clock late = Clock.fixed(NOW.minus(Duration.ofMinutes(10)), ZoneOffset.UTC);
            SignedHeaders signed = RequestSigner.of(FEDERATION.node(EUROPOL), late)
                    .signResponse(200, reply, INTERPOL, request.nonce());
            assertThat(code(receiveReply(signed, 200, EUROPOL))).isEqualTo(ErrorCode.STALE_REQUEST);
        }
    }
}
