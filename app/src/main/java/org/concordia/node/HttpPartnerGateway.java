package org.concordia.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.concordia.federation.Directory;
import org.concordia.federation.Participant;
import org.concordia.federation.Verification;
import org.concordia.json.Decoded;
import org.concordia.json.RecordDecoder;
import org.concordia.model.ParticipantCode;
import org.concordia.pki.RequestSigner;
import org.concordia.pki.RequestVerifier;
import org.concordia.pki.SignedHeaders;
import org.concordia.problem.ErrorCode;
import org.concordia.search.Evidence;
import org.concordia.search.PartnerAnswer;
import org.concordia.search.PartnerGateway;
import org.concordia.search.ScoreBand;
import org.concordia.search.SearchQuery;
import org.concordia.search.SearchResult;

/**
 * Asks a partner's node over the federation's mutual TLS: the search as JSON, signed (RFC 9421) by this
 * participant; the reply accepted only when signed by that partner and bound to this request's nonce.
 * Records in full hits are decoded and validated again as the exchange model says; a hit claimed for
 * another owner is dropped. Failures are values ({@link PartnerAnswer.Failed}); never logs terms.
 */
final class HttpPartnerGateway implements PartnerGateway {
    static final String SEARCH_PATH = "/federation/v1/searches";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(HttpPartnerGateway.class);
    /** The shape of a hit-only reference (random, URL-safe base 64). */
    private static final java.util.regex.Pattern REFERENCE = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{16,64}");

    private final ParticipantCode self;
    private final HttpClient client;
    private final RequestSigner signer;
    private final RequestVerifier verifier;
    private final Supplier<Directory> directory;
    private final Duration timeout;
    private final RecordDecoder decoder = new RecordDecoder(null);

    HttpPartnerGateway(
            ParticipantCode self,
            HttpClient client,
            RequestSigner signer,
            RequestVerifier verifier,
            Supplier<Directory> directory,
            Duration timeout) {
        this.self = self;
        this.client = client;
        this.signer = signer;
        this.verifier = verifier;
        this.directory = directory;
        this.timeout = timeout;
    }

    @Override
    public PartnerAnswer ask(ParticipantCode partner, SearchQuery query, String requester) {
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(new SearchDtos.PartnerSearchRequest(
                    query.purpose().text(),
                    query.name(),
                    query.birthDate() == null ? null : query.birthDate().toString(),
                    query.nationality(),
                    query.document(),
                    requester));
        } catch (IOException e) {
            throw new IllegalStateException("a search did not encode", e);
        }
        return switch (post(partner, SEARCH_PATH, body, timeout)) {
            case Call.Failed f -> new PartnerAnswer.Failed(f.code());
            case Call.Reply r -> read(partner, r.status(), r.body());
        };
    }

    /** The outcome of a signed call to a partner: its verified reply, or why there is none. */
    sealed interface Call {
        /** A reply signed by the partner and bound to the request (any status). */
        record Reply(int status, byte[] body) implements Call {}

        /** No verified reply: unreachable, timed out, or the reply's signature was refused. */
        record Failed(ErrorCode code) implements Call {}
    }

    /**
     * POSTs {@code body} (JSON) to {@code path} on the partner's federation endpoint, signed by this
     * participant (RFC 9421), and accepts the reply only when the partner signed it for this request.
     */
    Call post(ParticipantCode partner, String path, byte[] body, Duration timeout) {
        Directory d = directory.get();
        Optional<Participant> p = d.participant(partner);
        if (p.isEmpty()) {
            return new Call.Failed(ErrorCode.UNKNOWN_PARTICIPANT);
        }
        SignedHeaders signed = signer.signRequest("POST", path, body, partner);
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint(p.get().endpoint(), path))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        signed.headers().forEach(request::header);
        HttpResponse<byte[]> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            return new Call.Failed(ErrorCode.PARTNER_TIMEOUT);
        } catch (IOException e) {
            return new Call.Failed(ErrorCode.PARTNER_UNREACHABLE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Call.Failed(ErrorCode.PARTNER_TIMEOUT);
        }
        Map<String, List<String>> headers = response.headers().map();
        Verification v =
                verifier.verifyResponse(response.statusCode(), headers, response.body(), partner, signed.nonce(), d);
        if (v instanceof Verification.Rejected r) {
            LOG.warn(
                    "reply of {} to {} refused: {} ({}), HTTP {}",
                    partner,
                    path,
                    r.code().code(),
                    r.reason(),
                    response.statusCode());
            return new Call.Failed(r.code());
        }
        return new Call.Reply(response.statusCode(), response.body());
    }

    private static URI endpoint(URI base, String path) {
        String s = base.toString();
        return URI.create((s.endsWith("/") ? s.substring(0, s.length() - 1) : s) + path);
    }

    private PartnerAnswer read(ParticipantCode partner, int status, byte[] body) {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            return new PartnerAnswer.Failed(ErrorCode.PARTNER_UNREACHABLE);
        }
        if (status != 200) {
            // A signed refusal by the partner's channel checks (it did not accept this node's request).
            return new PartnerAnswer.Failed(
                    ErrorCode.fromCode(json.path("code").asText()).orElse(ErrorCode.PARTNER_UNREACHABLE));
        }
        String s = json.path("status").asText();
        if (s.equals("refused")) {
            return new PartnerAnswer.Refused(
                    ErrorCode.fromCode(json.path("code").asText()).orElse(ErrorCode.NO_AGREEMENT));
        }
        if (!s.equals("answered")) {
            return new PartnerAnswer.Failed(ErrorCode.PARTNER_UNREACHABLE);
        }
        List<SearchResult> results = new ArrayList<>();
        for (JsonNode r : json.path("results")) {
            String reply = r.path("reply").asText();
            if (reply.equals("hit-only")) {
                if (!REFERENCE.matcher(r.path("reference").asText()).matches()) {
                    continue; // not a reference this federation issues: dropped, never logged
                }
                try {
                    results.add(new SearchResult.HitOnly(
                            partner,
                            r.path("reference").asText(),
                            ScoreBand.parse(r.path("band").asText())));
                } catch (IllegalArgumentException e) {
                    // an unknown band: the result is dropped, not guessed
                }
            } else if (reply.equals("hit")
                    && decoder.decode(r.path("record")) instanceof Decoded.Accepted ok
                    && ok.record().owner().equals(partner)) {
                List<Evidence> evidence = new ArrayList<>();
                for (JsonNode e : r.path("evidence")) {
                    evidence.add(new Evidence(
                            e.path("field").asText(),
                            e.path("agreement").asText(),
                            e.path("similarity").asDouble(),
                            e.path("explanation").asText()));
                }
                double score = Math.max(0, Math.min(1, r.path("score").asDouble()));
                results.add(new SearchResult.Hit(partner, ok.record(), score, evidence));
            }
        }
        return new PartnerAnswer.Answered(results);
    }
}
