package org.concordia.node;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.concordia.channel.FollowUp;
import org.concordia.channel.Urgency;
import org.concordia.model.ParticipantCode;
import org.concordia.problem.ErrorCode;
import org.concordia.sharing.Purpose;
import org.concordia.store.FollowUpTables;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Follow-up requests, for this node's users: ask a record's owner for a record found hit-only, list
 * and read requests both ways, and (at the owner) approve all or part of the record or refuse. Who may
 * call what: {@link SecurityConfiguration#RULES}.
 */
@RestController
@RequestMapping("/api/v1/follow-ups")
class FollowUpsApi {
    private static final com.fasterxml.jackson.databind.ObjectMapper PLAIN =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private final FollowUps followUps;

    FollowUpsApi(FollowUps followUps) {
        this.followUps = followUps;
    }

    /**
     * A request: {@code owner} and {@code reference} of a hit-only result, {@code purpose} (a purpose
     * code, optionally followed by ': ' and words), {@code legalBasis}, {@code urgency} ({@code urgent} or
     * {@code standard}, default standard), {@code justification}.
     */
    record CreateRequest(
            String owner, String reference, String purpose, String legalBasis, String urgency, String justification) {}

    /** A decision: {@code fields} to release (approve; empty or absent for the whole record), {@code reason} (refuse). */
    record DecisionRequest(List<String> fields, String reason) {}

    @PostMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> request(@RequestBody CreateRequest r, Principal user) {
        ParticipantCode owner = ParticipantCode.parse(r.owner() == null ? "" : r.owner());
        if (owner == null) {
            throw bad(ErrorCode.INVALID_OWNER, "owner must be the participant code of the hit-only result");
        }
        if (r.reference() == null || !r.reference().matches("[A-Za-z0-9_-]{16,64}")) {
            throw bad(ErrorCode.INVALID_VALUE, "reference must be the hit-only result's reference");
        }
        Purpose purpose = Purpose.parse(r.purpose() == null ? "" : r.purpose())
                .orElseThrow(() -> bad(ErrorCode.INVALID_QUERY, "purpose must start with a purpose code"));
        Urgency urgency = r.urgency() == null
                ? Urgency.STANDARD
                : Urgency.parse(r.urgency())
                        .orElseThrow(() -> bad(ErrorCode.INVALID_VALUE, "urgency is urgent or standard"));
        if (r.legalBasis() == null || r.legalBasis().isBlank() || r.legalBasis().length() > 500) {
            throw bad(ErrorCode.MISSING_FIELD, "legalBasis is required (at most 500 characters)");
        }
        if (r.justification() == null || r.justification().isBlank()) {
            throw bad(ErrorCode.MISSING_FIELD, "justification is required");
        }
        Channel.Sent sent;
        try {
            sent = followUps.request(
                    user.getName(),
                    new FollowUps.Request(owner, r.reference(), purpose, r.legalBasis(), urgency, r.justification()));
        } catch (IllegalArgumentException e) {
            throw bad(ErrorCode.INVALID_VALUE, "the justification is too long");
        }
        return switch (sent) {
            case Channel.Sent.Queued q ->
                ResponseEntity.status(201)
                        .body(followUps
                                .view(q.message().id(), user.getName())
                                .map(v -> json(v, false))
                                .orElseThrow());
            case Channel.Sent.Declined d ->
                throw new ApiErrors.ApiException(409, ErrorCode.FOLLOW_UP_CLOSED, "a request with this id exists");
            case Channel.Sent.Refused x -> throw new ApiErrors.ApiException(422, x.code(), x.reason());
        };
    }

    /** Requests this node sent and received, newest first (at most {@code limit}, default 100). */
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> list(@RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1_000) {
            throw bad(ErrorCode.INVALID_VALUE, "limit must be between 1 and 1000");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (FollowUps.View v : followUps.list(limit)) {
            out.add(json(v, false));
        }
        return Map.of("followUps", out);
    }

    /** One request with its justification and, once decided, the decision (and the released record). */
    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> view(@PathVariable String id, Principal user) {
        return followUps.view(uuid(id), user.getName()).map(v -> json(v, true)).orElseThrow(FollowUpsApi::notFound);
    }

    @PostMapping(path = "/{id}/approve", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> approve(
            @PathVariable String id, @RequestBody(required = false) DecisionRequest d, Principal user) {
        List<String> fields = d == null || d.fields() == null ? List.of() : d.fields();
        return decided(
                uuid(id), followUps.decide(uuid(id), user.getName(), FollowUp.State.APPROVED, fields, null), user);
    }

    @PostMapping(path = "/{id}/refuse", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> refuse(
            @PathVariable String id, @RequestBody(required = false) DecisionRequest d, Principal user) {
        if (d == null
                || d.reason() == null
                || d.reason().isBlank()
                || d.reason().length() > 2_000) {
            throw bad(ErrorCode.MISSING_FIELD, "a refusal needs a reason (at most 2000 characters)");
        }
        return decided(
                uuid(id),
                followUps.decide(uuid(id), user.getName(), FollowUp.State.REFUSED, List.of(), d.reason()),
                user);
    }

    private Map<String, Object> decided(UUID id, Channel.Sent sent, Principal user) {
        return switch (sent) {
            case Channel.Sent.Queued q ->
                followUps.view(id, user.getName()).map(v -> json(v, true)).orElseThrow();
            case Channel.Sent.Declined d ->
                throw new ApiErrors.ApiException(409, ErrorCode.FOLLOW_UP_CLOSED, "the request was decided meanwhile");
            case Channel.Sent.Refused r ->
                throw new ApiErrors.ApiException(
                        r.code() == ErrorCode.NOT_FOUND ? 404 : r.code() == ErrorCode.FOLLOW_UP_CLOSED ? 409 : 422,
                        r.code(),
                        r.reason());
        };
    }

    static Map<String, Object> json(FollowUps.View v, boolean detail) {
        FollowUpTables.Row row = v.row();
        FollowUp f = row.followUp();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", f.id().toString());
        out.put("direction", f.outgoing() ? "out" : "in");
        out.put("owner", f.outgoing() ? f.partner().value() : null);
        out.put("requester", f.outgoing() ? null : f.partner().value());
        out.put("reference", f.reference());
        out.put("purpose", f.purpose());
        out.put("urgency", f.urgency().wireName());
        out.put("state", f.state().wireName());
        out.put("requestedAt", f.requestedAt().toString());
        out.put("dueAt", f.dueAt().toString());
        out.put("overdue", f.overdueAt() != null);
        out.put("escalatedTo", f.escalatedTo());
        out.put("decidedAt", row.decidedAt() == null ? null : row.decidedAt().toString());
        if (detail) {
            v.request().ifPresent(c -> {
                out.put("legalBasis", c.path("followUp").path("legalBasis").asText(null));
                out.put("justification", c.path("body").asText());
            });
            v.decision().ifPresent(c -> {
                ObjectNode d = (ObjectNode) c.path("followUp");
                if (d.has("reason")) {
                    out.put("reason", d.path("reason").asText());
                }
                if (d.has("record")) { // as plain maps and lists: the API's JSON mapper is not this one
                    out.put("fields", PLAIN.convertValue(d.path("fields"), List.class));
                    out.put("record", PLAIN.convertValue(d.path("record"), Map.class));
                }
            });
        }
        return out;
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw notFound();
        }
    }

    private static ApiErrors.ApiException notFound() {
        return new ApiErrors.ApiException(404, ErrorCode.NOT_FOUND, "no such follow-up request");
    }

    private static ApiErrors.ApiException bad(ErrorCode code, String detail) {
        return new ApiErrors.ApiException(400, code, detail);
    }
}
