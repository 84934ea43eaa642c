package org.concordia.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.concordia.federation.Directory;
import org.concordia.federation.Verification;
import org.concordia.model.ParticipantCode;
import org.concordia.pki.SignedHeaders;
import org.concordia.problem.ErrorCode;
import org.concordia.search.PartnerAnswer;
import org.concordia.search.SearchQuery;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * What partners call, on the federation's mutual-TLS port only ({@link PortGuard}). Every request goes
 * through the same checks before its content is read: the client certificate (issued by the federation
 * authority, the one the directory lists, not expired, not revoked), then the request's signature
 * (RFC 9421: signer known, digest, freshness, nonce never seen). A refusal is audited with its code and
 * answered with a signed problem; an accepted search is answered under this owner's agreement with the
 * partner, signed and bound to the request's nonce.
 */
@RestController
class FederationApi {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Node node;
    private final Federation federation;
    private final NodeAudit audit;
    private final Channel channel;
    private final Attachments attachments;

    FederationApi(Node node, Federation federation, NodeAudit audit, Channel channel, Attachments attachments) {
        this.attachments = attachments;
        this.node = node;
        this.federation = federation;
        this.audit = audit;
        this.channel = channel;
    }

    /** What the channel's checks made of a request. */
    private sealed interface Checked {}

    /** Passed: the verified sender, the signature's nonce, the body. */
    private record Accepted(ParticipantCode peer, String nonce, byte[] body) implements Checked {}

    /** Refused (and audited): the answer to send. */
    private record Refused(ResponseEntity<byte[]> response) implements Checked {}

    /**
     * The channel's checks, in order: a directory, the client certificate, the request's signature. The
     * refusal (audited) when one fails, else the verified sender.
     */
    private Checked check(byte[] body, HttpServletRequest request) {
        byte[] bytes = body == null ? new byte[0] : body;
        Optional<Directory> directory = federation.directory();
        String claimed = request.getHeader(SignedHeaders.SENDER);
        if (directory.isEmpty()) {
            return new Refused(refuse(request, claimed, null, ErrorCode.DIRECTORY_INVALID, 503));
        }
        X509Certificate[] chain = (X509Certificate[]) request.getAttribute("jakarta.servlet.request.X509Certificate");
        Verification peer = federation
                .peers()
                .check(chain == null ? List.of() : List.of(chain), directory.get(), java.time.Instant.now());
        if (peer instanceof Verification.Rejected r) {
            return new Refused(refuse(request, claimed, null, r.code(), 403));
        }
        ParticipantCode tlsPeer = ((Verification.Verified) peer).sender();
        Verification signature = federation
                .verifier()
                .verifyRequest(
                        request.getMethod(),
                        request.getRequestURI(),
                        headers(request),
                        bytes,
                        Optional.of(tlsPeer),
                        directory.get());
        if (signature instanceof Verification.Rejected r) {
            return new Refused(refuse(request, tlsPeer.value(), tlsPeer, r.code(), 401));
        }
        return new Accepted(tlsPeer, nonce(request), bytes);
    }

    @PostMapping(path = HttpPartnerGateway.SEARCH_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> search(@RequestBody(required = false) byte[] body, HttpServletRequest request)
            throws IOException {
        Checked checked = check(body, request);
        if (checked instanceof Refused r) {
            return r.response();
        }
        Accepted a = (Accepted) checked;
        SearchDtos.PartnerSearchRequest ask;
        try {
            ask = JSON.readValue(a.body(), SearchDtos.PartnerSearchRequest.class);
        } catch (IOException e) {
            return malformed(a, request, "the search is not JSON of the federation API");
        }
        SearchQuery.Checked query =
                SearchQuery.of(ask.purpose(), ask.name(), ask.birthDate(), ask.nationality(), ask.document());
        if (query instanceof SearchQuery.Checked.Invalid bad) {
            audit.badRequest(a.peer(), request.getRequestURI(), bad.code());
            return signed(400, problem(400, bad.code(), bad.reason()), a.peer(), a.nonce());
        }
        PartnerAnswer answer =
                node.answerPartner(a.peer(), ((SearchQuery.Checked.Valid) query).query(), ask.requester());
        channel.peerSeen(a.peer());
        return signed(200, JSON.writeValueAsBytes(SearchDtos.partnerResponse(answer)), a.peer(), a.nonce());
    }

    /** Messages a partner delivers (docs/decisions/0005): answered per message after a durable commit. */
    @PostMapping(path = Channel.MESSAGES_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> messages(@RequestBody(required = false) byte[] body, HttpServletRequest request)
            throws IOException {
        return batch(body, request, "messages", channel::receive);
    }

    /** Read receipts a partner sends for messages this node sent it. */
    @PostMapping(path = Channel.RECEIPTS_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> receipts(@RequestBody(required = false) byte[] body, HttpServletRequest request)
            throws IOException {
        return batch(body, request, "receipts", channel::receipts);
    }

    /**
     * A batch of the channel, after the checks: a JSON object with an array {@code field} of at most
     * {@link Channel#BATCH} items, answered signed with what {@code handler} makes of it.
     */
    private ResponseEntity<byte[]> batch(
            byte[] body,
            HttpServletRequest request,
            String field,
            java.util.function.BiFunction<ParticipantCode, JsonNode, com.fasterxml.jackson.databind.node.ObjectNode>
                    handler)
            throws IOException {
        Checked checked = check(body, request);
        if (checked instanceof Refused r) {
            return r.response();
        }
        Accepted a = (Accepted) checked;
        JsonNode json = readObject(a.body(), field);
        if (json == null) {
            return malformed(a, request, "not " + field + " of the federation API");
        }
        return signed(200, JSON.writeValueAsBytes(handler.apply(a.peer(), json)), a.peer(), a.nonce());
    }

    /** A sealed segment of an attachment, delivered ahead of its message (the body is the segment). */
    @PostMapping(path = Attachments.SEGMENT_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> segment(
            @org.springframework.web.bind.annotation.PathVariable String id,
            @org.springframework.web.bind.annotation.PathVariable int seq,
            @org.springframework.web.bind.annotation.PathVariable int of,
            @RequestBody(required = false) byte[] body,
            HttpServletRequest request)
            throws IOException {
        Checked checked = check(body, request);
        if (checked instanceof Refused r) {
            return r.response();
        }
        Accepted a = (Accepted) checked;
        java.util.UUID uuid;
        try {
            uuid = java.util.UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return malformed(a, request, "not an attachment id");
        }
        if (a.body().length == 0 || !attachments.receiveSegment(a.peer(), uuid, seq, of, a.body())) {
            audit.badRequest(a.peer(), request.getRequestURI(), ErrorCode.MESSAGE_INVALID);
            return signed(
                    400,
                    problem(400, ErrorCode.MESSAGE_INVALID, "not a segment this node can take"),
                    a.peer(),
                    a.nonce());
        }
        return signed(
                200,
                "{\"status\":\"stored\"}".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                a.peer(),
                a.nonce());
    }

    /** {@code bytes} as a JSON object with an array {@code field} of at most {@link Channel#BATCH} items, or null. */
    private static JsonNode readObject(byte[] bytes, String field) {
        try {
            JsonNode json = JSON.readTree(bytes);
            return json != null
                            && json.path(field).isArray()
                            && json.path(field).size() <= Channel.BATCH
                    ? json
                    : null;
        } catch (IOException e) {
            return null;
        }
    }

    private ResponseEntity<byte[]> malformed(Accepted a, HttpServletRequest request, String detail) {
        audit.badRequest(a.peer(), request.getRequestURI(), ErrorCode.MALFORMED_JSON);
        return signed(400, problem(400, ErrorCode.MALFORMED_JSON, detail), a.peer(), a.nonce());
    }

    /**
     * A refusal by the channel's checks: audited under the sender the request claims (not verified, so
     * written as {@code claimed:...}), answered unsigned, since nothing of the request was verified to
     * bind a signed reply to.
     */
    private ResponseEntity<byte[]> refuse(
            HttpServletRequest request, String claimed, ParticipantCode to, ErrorCode code, int status) {
        audit.refused(claimed, request.getRequestURI(), code);
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(status, code, "the request did not pass the federation's checks"));
    }

    private ResponseEntity<byte[]> signed(int status, byte[] body, ParticipantCode to, String nonce) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(status == 200 ? MediaType.APPLICATION_JSON : MediaType.APPLICATION_PROBLEM_JSON);
        if (nonce != null) {
            federation.signer().signResponse(status, body, to, nonce).headers().forEach(h::set);
        }
        return ResponseEntity.status(status).headers(h).body(body);
    }

    private static byte[] problem(int status, ErrorCode code, String detail) {
        return ApiErrors.problemJson(status, code, detail).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * The nonce of the request's {@code concordia} signature (the member the verifier checked), from
     * {@code Signature-Input}; null when there is none.
     */
    static String nonce(HttpServletRequest request) {
        String input = request.getHeader(SignedHeaders.SIGNATURE_INPUT);
        if (input == null) {
            return null;
        }
        java.util.regex.Matcher m = CONCORDIA_NONCE.matcher(input);
        String nonce = null;
        while (m.find()) {
            nonce = m.group(1); // as a dictionary, the last member of a name wins (RFC 8941, 3.2)
        }
        return nonce;
    }

    private static final java.util.regex.Pattern CONCORDIA_NONCE =
            java.util.regex.Pattern.compile("(?:^|,)\\s*concordia=\\([^)]*\\)[^,]*?;nonce=\"([^\"]*)\"");

    private static Map<String, List<String>> headers(HttpServletRequest request) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            out.put(name, new ArrayList<>(Collections.list(request.getHeaders(name))));
        }
        return out;
    }
}
