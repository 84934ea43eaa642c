package org.concordia.node;

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

    FederationApi(Node node, Federation federation, NodeAudit audit) {
        this.node = node;
        this.federation = federation;
        this.audit = audit;
    }

    @PostMapping(path = HttpPartnerGateway.SEARCH_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> search(@RequestBody(required = false) byte[] body, HttpServletRequest request)
            throws IOException {
        byte[] bytes = body == null ? new byte[0] : body;
        Optional<Directory> directory = federation.directory();
        String claimed = request.getHeader(SignedHeaders.SENDER);
        if (directory.isEmpty()) {
            return refuse(request, claimed, null, ErrorCode.DIRECTORY_INVALID, 503);
        }
        X509Certificate[] chain = (X509Certificate[]) request.getAttribute("jakarta.servlet.request.X509Certificate");
        Verification peer = federation
                .peers()
                .check(chain == null ? List.of() : List.of(chain), directory.get(), java.time.Instant.now());
        if (peer instanceof Verification.Rejected r) {
            return refuse(request, claimed, null, r.code(), 403);
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
            return refuse(request, tlsPeer.value(), tlsPeer, r.code(), 401);
        }
        String nonce = nonce(request);
        SearchDtos.PartnerSearchRequest ask;
        try {
            ask = JSON.readValue(bytes, SearchDtos.PartnerSearchRequest.class);
        } catch (IOException e) {
            audit.badRequest(tlsPeer, request.getRequestURI(), ErrorCode.MALFORMED_JSON);
            return signed(
                    400,
                    problem(400, ErrorCode.MALFORMED_JSON, "the search is not JSON of the federation API"),
                    tlsPeer,
                    nonce);
        }
        SearchQuery.Checked checked =
                SearchQuery.of(ask.purpose(), ask.name(), ask.birthDate(), ask.nationality(), ask.document());
        if (checked instanceof SearchQuery.Checked.Invalid bad) {
            audit.badRequest(tlsPeer, request.getRequestURI(), bad.code());
            return signed(400, problem(400, bad.code(), bad.reason()), tlsPeer, nonce);
        }
        PartnerAnswer answer =
                node.answerPartner(tlsPeer, ((SearchQuery.Checked.Valid) checked).query(), ask.requester());
        return signed(200, JSON.writeValueAsBytes(SearchDtos.partnerResponse(answer)), tlsPeer, nonce);
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
