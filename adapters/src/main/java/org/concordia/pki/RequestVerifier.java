package org.concordia.pki;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.concordia.federation.Directory;
import org.concordia.federation.Participant;
import org.concordia.federation.Verification;
import org.concordia.federation.Verification.Rejected;
import org.concordia.federation.Verification.Verified;
import org.concordia.model.ParticipantCode;
import org.concordia.problem.ErrorCode;

/**
 * Verifies the RFC 9421 signatures that {@link RequestSigner} makes, against the directory. A
 * request passes when, in this order (the first failure is the answer):
 *
 * <ol>
 *   <li>it carries one {@code concordia} signature of exactly the expected components, parameters and
 *       algorithm, and {@code Concordia-Sender} equals its {@code keyid}: else {@code
 *       signature_invalid};
 *   <li>the directory lists the sender: else {@code unknown_participant};
 *   <li>the TLS peer, when known, is the sender: else {@code unknown_certificate};
 *   <li>the sender's directory certificate is not revoked ({@code certificate_revoked}) and within
 *       its validity period ({@code certificate_expired});
 *   <li>{@code created} is within the skew window of this node's clock: else {@code stale_request};
 *   <li>{@code Concordia-Recipient} is this node, the {@code Content-Digest} (RFC 9530) matches the
 *       body and the signature verifies with the certificate's key: else {@code signature_invalid};
 *   <li>its nonce was not accepted from that sender within the window: else {@code replayed_request}
 *       (also when the {@link ReplayGuard} is full).
 * </ol>
 *
 * The nonce is recorded only after the signature verified, so nobody but the sender can use up its
 * nonces. A reply passes the same checks, bound to the request by its nonce instead of the replay
 * guard. Never throws for a bad message; the rejection's reason names the check, never content.
 * Thread-safe.
 */
public final class RequestVerifier {
    /** The default skew window: five minutes either way. */
    public static final Duration DEFAULT_SKEW = Duration.ofMinutes(5);

    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{16,64}");

    private final ParticipantCode self;
    private final Clock clock;
    private final Duration skew;
    private final ReplayGuard replayGuard;

    /**
     * @param self this node's participant: requests must be addressed to it
     * @param skew how far {@code created} may be from the clock, either way; also the replay window
     */
    public RequestVerifier(ParticipantCode self, Clock clock, Duration skew, ReplayGuard replayGuard) {
        this.self = Objects.requireNonNull(self, "self");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.skew = Objects.requireNonNull(skew, "skew");
        this.replayGuard = Objects.requireNonNull(replayGuard, "replayGuard");
        if (skew.isNegative() || skew.isZero()) {
            throw new IllegalArgumentException("the skew window must be positive");
        }
    }

    /** A verifier with the {@link #DEFAULT_SKEW} and a replay guard of the default capacity. */
    public RequestVerifier(ParticipantCode self, Clock clock) {
        this(self, clock, DEFAULT_SKEW, new ReplayGuard(DEFAULT_SKEW, ReplayGuard.DEFAULT_CAPACITY));
    }

    /**
     * Verifies a request received.
     *
     * @param method the method as received
     * @param path the request target's path, without the query
     * @param headers the received header fields (names in any case, each with its lines)
     * @param body the exact bytes received
     * @param tlsPeer the participant of the TLS client certificate, when the transport knows it
     */
    public Verification verifyRequest(
            String method,
            String path,
            Map<String, List<String>> headers,
            byte[] body,
            Optional<ParticipantCode> tlsPeer,
            Directory directory) {
        String target = path == null || path.isEmpty() ? "/" : path;
        Map<String, String> derived = Map.of("@method", method == null ? "" : method, "@path", target);
        return verify(
                MessageSignature.REQUEST_COMPONENTS,
                derived,
                headers,
                body,
                directory,
                sender -> {
                    if (tlsPeer.isPresent() && !tlsPeer.get().equals(sender)) {
                        return new Rejected(ErrorCode.UNKNOWN_CERTIFICATE, "the TLS peer is not the signer");
                    }
                    return null;
                },
                true);
    }

    /**
     * Verifies the reply to a request this node sent.
     *
     * @param expectedSender the participant the request was sent to
     * @param requestNonce the nonce of that request ({@link SignedHeaders#nonce()})
     */
    public Verification verifyResponse(
            int status,
            Map<String, List<String>> headers,
            byte[] body,
            ParticipantCode expectedSender,
            String requestNonce,
            Directory directory) {
        Map<String, String> derived = Map.of("@status", Integer.toString(status));
        return verify(
                MessageSignature.RESPONSE_COMPONENTS,
                derived,
                headers,
                body,
                directory,
                sender -> {
                    if (!sender.equals(expectedSender)) {
                        return new Rejected(ErrorCode.SIGNATURE_INVALID, "the reply is signed by another participant");
                    }
                    if (!requestNonce.equals(MessageSignature.fieldLines(headers, SignedHeaders.REQUEST_NONCE))) {
                        return new Rejected(ErrorCode.SIGNATURE_INVALID, "the reply is not bound to the request");
                    }
                    return null;
                },
                false);
    }

    /** A check specific to requests or replies: {@code null} when it passes. */
    private interface Binding {
        Rejected check(ParticipantCode sender);
    }

    /** The {@code concordia} signature read from the header fields, or why it could not be. */
    private sealed interface Parsed {}

    /** The parts of a parsed {@code concordia} signature; {@code params} re-serialised canonically. */
    private record Signed(
            long created, String nonce, ParticipantCode keyId, String params, String alg, byte[] signature)
            implements Parsed {}

    private record Unparsable(Rejected rejected) implements Parsed {}

    private Verification verify(
            List<String> components,
            Map<String, String> derived,
            Map<String, List<String>> headers,
            byte[] body,
            Directory directory,
            Binding binding,
            boolean guardReplays) {
        Signed signed;
        switch (parse(headers, components)) {
            case Unparsable u -> {
                return u.rejected();
            }
            case Signed s -> signed = s;
        }
        ParticipantCode sender = signed.keyId();
        if (!sender.value().equals(MessageSignature.fieldLines(headers, SignedHeaders.SENDER))) {
            return new Rejected(ErrorCode.SIGNATURE_INVALID, "Concordia-Sender differs from the keyid");
        }
        Optional<Participant> participant = directory.participant(sender);
        if (participant.isEmpty()) {
            return new Rejected(ErrorCode.UNKNOWN_PARTICIPANT, "the signer is not in the directory");
        }
        Rejected bound = binding.check(sender);
        if (bound != null) {
            return bound;
        }
        X509Certificate certificate;
        try {
            certificate = Pem.decode(participant.get().certificatePem());
        } catch (GeneralSecurityException e) {
            return new Rejected(
                    ErrorCode.UNKNOWN_CERTIFICATE, "the directory's certificate for the signer is unreadable");
        }
        if (directory.isRevoked(Certificates.serialHex(certificate))) {
            return new Rejected(ErrorCode.CERTIFICATE_REVOKED, "the signer's certificate is revoked");
        }
        Instant now = clock.instant();
        Optional<String> validity = PeerCertificates.validityProblem(certificate, now);
        if (validity.isPresent()) {
            return new Rejected(ErrorCode.CERTIFICATE_EXPIRED, "the signer's " + validity.get());
        }
        Instant created = Instant.ofEpochSecond(signed.created());
        if (Duration.between(created, now).abs().compareTo(skew) > 0) {
            return new Rejected(ErrorCode.STALE_REQUEST, "created is outside the skew window");
        }
        if (!self.value().equals(MessageSignature.fieldLines(headers, SignedHeaders.RECIPIENT))) {
            return new Rejected(ErrorCode.SIGNATURE_INVALID, "addressed to another participant");
        }
        String digest = MessageSignature.fieldLines(headers, SignedHeaders.CONTENT_DIGEST);
        if (digest == null || !ContentDigest.matches(digest, body == null ? new byte[0] : body)) {
            return new Rejected(ErrorCode.SIGNATURE_INVALID, "Content-Digest does not match the body");
        }
        List<MessageSignature.Component> covered = new ArrayList<>(components.size());
        for (String name : components) {
            String value = name.startsWith("@") ? derived.get(name) : MessageSignature.fieldLines(headers, name);
            if (value == null) {
                return new Rejected(ErrorCode.SIGNATURE_INVALID, "a covered field is missing");
            }
            covered.add(new MessageSignature.Component(name, value));
        }
        String base;
        try {
            base = MessageSignature.signatureBase(covered, signed.params());
        } catch (IllegalArgumentException e) {
            return new Rejected(ErrorCode.SIGNATURE_INVALID, "a covered value is malformed");
        }
        if (!MessageSignature.verify(certificate.getPublicKey(), signed.alg(), base, signed.signature())) {
            return new Rejected(ErrorCode.SIGNATURE_INVALID, "the signature does not verify");
        }
        if (guardReplays) {
            switch (replayGuard.record(sender, signed.nonce(), created, now)) {
                case FIRST_USE -> {}
                case REPLAYED -> {
                    return new Rejected(ErrorCode.REPLAYED_REQUEST, "nonce already used within the window");
                }
                case FULL -> {
                    return new Rejected(ErrorCode.REPLAYED_REQUEST, "replay guard full: refused until nonces expire");
                }
            }
        }
        return new Verified(sender);
    }

    private static Parsed parse(Map<String, List<String>> headers, List<String> components) {
        String input = MessageSignature.fieldLines(headers, SignedHeaders.SIGNATURE_INPUT);
        String signature = MessageSignature.fieldLines(headers, SignedHeaders.SIGNATURE);
        if (input == null || signature == null) {
            return refuse(ErrorCode.SIGNATURE_INVALID, "no Signature-Input or Signature");
        }
        StructuredFields.Member params;
        StructuredFields.Member value;
        try {
            params = StructuredFields.parseDictionary(input).get(MessageSignature.LABEL);
            value = StructuredFields.parseDictionary(signature).get(MessageSignature.LABEL);
        } catch (IllegalArgumentException e) {
            return refuse(ErrorCode.SIGNATURE_INVALID, "Signature-Input or Signature is malformed");
        }
        if (!(params instanceof StructuredFields.InnerList list)
                || !(value instanceof StructuredFields.Item item)
                || !(item.value() instanceof byte[] bytes)
                || !item.parameters().isEmpty()) {
            return refuse(ErrorCode.SIGNATURE_INVALID, "no concordia signature");
        }
        List<Object> names = new ArrayList<>();
        for (StructuredFields.Item i : list.items()) {
            if (!i.parameters().isEmpty()) {
                return refuse(ErrorCode.SIGNATURE_INVALID, "component parameters are not supported");
            }
            names.add(i.value());
        }
        if (!names.equals(components)) {
            return refuse(ErrorCode.SIGNATURE_INVALID, "not the expected covered components");
        }
        Map<String, Object> p = list.parameters();
        if (!List.copyOf(p.keySet()).equals(MessageSignature.PARAMETERS)
                || !(p.get("created") instanceof Long created)
                || !(p.get("nonce") instanceof String nonce)
                || !(p.get("keyid") instanceof String keyId)
                || !(MessageSignature.ED25519.equals(p.get("alg"))
                        || MessageSignature.ECDSA_P256.equals(p.get("alg")))) {
            return refuse(ErrorCode.SIGNATURE_INVALID, "not the expected signature parameters or algorithm");
        }
        if (!NONCE.matcher(nonce).matches()) {
            return refuse(ErrorCode.SIGNATURE_INVALID, "the nonce is malformed");
        }
        ParticipantCode code = ParticipantCode.parse(keyId);
        if (code == null || !code.value().equals(keyId)) {
            return refuse(ErrorCode.SIGNATURE_INVALID, "the keyid is not a participant code");
        }
        String alg = (String) p.get("alg");
        String canonical = MessageSignature.signatureParams(components, created, nonce, keyId, alg);
        return new Signed(created, nonce, code, canonical, alg, bytes);
    }

    private static Unparsable refuse(ErrorCode code, String reason) {
        return new Unparsable(new Rejected(code, reason));
    }
}
