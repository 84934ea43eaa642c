package org.concordia.node;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.concordia.model.RecordId;
import org.concordia.problem.ErrorCode;
import org.concordia.store.AlertTables;
import org.concordia.store.SubscriptionTables;
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
 * A user's subscriptions: watch a record of this node ({@code {"recordId": "..."}}: told of partners'
 * searches that find it) or a person or object at the partners ({@code {"subject": <a record of the
 * exchange model>, "recipients"?: "all" | [...] | {"region": "..."}}}: told when their data matches it or
 * a record that matched changes); list them, their events, end one. Each user sees only their own.
 */
@RestController
@RequestMapping("/api/v1/subscriptions")
class SubscriptionsApi {
    private static final ObjectMapper PLAIN = new ObjectMapper();

    private final Subscriptions subscriptions;

    SubscriptionsApi(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> subscribe(@RequestBody String body, Principal user) {
        JsonNode request;
        try {
            request = PLAIN.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw new ApiErrors.ApiException(400, ErrorCode.MALFORMED_JSON, "the subscription is not JSON");
        }
        Subscriptions.Outcome outcome;
        if (request.path("recordId").isTextual() && !request.has("subject")) {
            RecordId id;
            try {
                id = new RecordId(request.path("recordId").asText());
            } catch (IllegalArgumentException e) {
                throw new ApiErrors.ApiException(400, ErrorCode.INVALID_ID, "recordId is not a record id");
            }
            outcome = subscriptions.watchRecord(user.getName(), id);
        } else if (request.path("subject").isObject() && !request.has("recordId")) {
            outcome = subscriptions.watchSubject(user.getName(), request.get("subject"), request.get("recipients"));
        } else {
            throw new ApiErrors.ApiException(
                    400, ErrorCode.MISSING_FIELD, "a subscription names a recordId of this node, or a subject");
        }
        return ResponseEntity.status(201).body(done(outcome));
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> list(Principal user, @RequestParam(defaultValue = "100") int limit) {
        limit(limit);
        List<Map<String, Object>> out = new ArrayList<>();
        for (SubscriptionTables.Row r : subscriptions.of(user.getName(), limit)) {
            out.add(json(r));
        }
        return Map.of("subscriptions", out);
    }

    /**
     * What the user's subscriptions told, newest first: {@code enquiry} (a partner's search found a watched
     * record: its purpose code and reply), {@code match} and {@code changed} (a partner's record matched a
     * watched subject, or such a record changed: reply, score, record id or reference).
     */
    @GetMapping(path = "/events", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> events(Principal user, @RequestParam(defaultValue = "100") int limit) {
        limit(limit);
        List<Map<String, Object>> out = new ArrayList<>();
        for (SubscriptionTables.Event e : subscriptions.enquiries(user.getName(), limit)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("subscription", e.subscription().toString());
            m.put("kind", e.kind());
            m.put("participant", e.participant().value());
            m.put("at", e.at().toString());
            m.put("purpose", e.purpose());
            m.put("reply", e.reply());
            out.add(m);
        }
        for (SubscriptionTables.Row r : subscriptions.of(user.getName(), 1_000)) {
            for (AlertTables.Hit h : subscriptions.reports(r, limit)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("subscription", r.id().toString());
                m.put("kind", h.event().equals("changed") ? "changed" : "match");
                m.put("participant", h.participant().value());
                m.put("at", h.foundAt().toString());
                m.put("reply", h.reply());
                m.put("score", h.score());
                if (h.recordId() != null) {
                    m.put("recordId", h.recordId());
                }
                if (h.reference() != null) {
                    m.put("reference", h.reference());
                }
                m.put("hit", h.id().toString());
                out.add(m);
            }
        }
        out.sort(Comparator.comparing((Map<String, Object> m) -> (String) m.get("at"))
                .reversed());
        return Map.of("events", out.size() > limit ? out.subList(0, limit) : out);
    }

    @PostMapping(path = "/{id}/end", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> end(@PathVariable String id, Principal user) {
        UUID u;
        try {
            u = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ApiErrors.ApiException(404, ErrorCode.NOT_FOUND, "no such subscription");
        }
        return done(subscriptions.end(user.getName(), u));
    }

    private static Map<String, Object> done(Subscriptions.Outcome outcome) {
        return switch (outcome) {
            case Subscriptions.Outcome.Done d -> json(d.subscription());
            case Subscriptions.Outcome.Refused r -> throw new ApiErrors.ApiException(r.status(), r.code(), r.reason());
        };
    }

    static Map<String, Object> json(SubscriptionTables.Row r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id().toString());
        m.put("kind", r.kind());
        if (r.recordId() != null) {
            m.put("recordId", r.recordId());
        }
        if (r.alert() != null) {
            m.put("alertId", r.alert().toString());
        }
        m.put("createdAt", r.createdAt().toString());
        if (r.endedAt() != null) {
            m.put("endedAt", r.endedAt().toString());
        }
        return m;
    }

    private static void limit(int limit) {
        if (limit < 1 || limit > 1_000) {
            throw new ApiErrors.ApiException(400, ErrorCode.INVALID_VALUE, "limit must be between 1 and 1000");
        }
    }
}
