package org.concordia.node;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.Principal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.concordia.alert.Alert;
import org.concordia.json.AlertJson;
import org.concordia.model.ParticipantCode;
import org.concordia.problem.ErrorCode;
import org.concordia.store.AlertTables;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Alerts, for this node's users: publish, update and cancel this node's alerts; list and read them and
 * the partners' alerts received; the hits partners reported on this node's alerts, and the decision on
 * each (confirm or reject, which becomes an identity link); the notifications of this node's records
 * hitting partners' alerts. Who may call what: {@link SecurityConfiguration#RULES}.
 */
@RestController
@RequestMapping("/api/v1/alerts")
class AlertsApi {
    private static final ObjectMapper PLAIN = new ObjectMapper();

    private final Alerts alerts;

    AlertsApi(Alerts alerts) {
        this.alerts = alerts;
    }

    /**
     * Publishes an alert: {@code {"type", "subject": <a record of the exchange model>, "recipients": "all" |
     * ["EUROPOL", ...] | {"region": "..."}, "requestedAction", "validUntil"?}}.
     */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> publish(@RequestBody String body, Principal user) {
        return ResponseEntity.status(201).body(done(alerts.publish(user.getName(), json(body))));
    }

    /** A new version of an own alert (the same request; its type and recipients stay). */
    @PutMapping(
            path = "/{id}",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> update(@PathVariable String id, @RequestBody String body, Principal user) {
        return done(alerts.update(user.getName(), uuid(id), json(body)));
    }

    @PostMapping(path = "/{id}/cancel", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> cancel(@PathVariable String id, Principal user) {
        return done(alerts.cancel(user.getName(), uuid(id)));
    }

    /** This node's alerts ({@code scope=own}, the default) or those received from partners ({@code received}). */
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> list(
            @RequestParam(defaultValue = "own") String scope,
            @RequestParam(defaultValue = "100") int limit,
            Principal user) {
        if (!scope.equals("own") && !scope.equals("received")) {
            throw bad("scope is own or received");
        }
        limit(limit);
        List<Map<String, Object>> out = new ArrayList<>();
        for (AlertTables.Row r : alerts.list(scope.equals("own"), limit)) {
            if (Alerts.visibleTo(r, user.getName())) {
                out.add(alert(r, false));
            }
        }
        return Map.of("alerts", out);
    }

    /** One alert with its subject. */
    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> view(@PathVariable String id, Principal user) {
        return alerts.find(uuid(id))
                .filter(r -> Alerts.visibleTo(r, user.getName()))
                .map(r -> alert(r, true))
                .orElseThrow(() -> notFound("no such alert"));
    }

    /** Hits partners reported on this node's alerts (of one alert with {@code alert}), newest first. */
    @GetMapping(path = "/hits", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> hits(
            @RequestParam(required = false) String alert,
            @RequestParam(defaultValue = "100") int limit,
            Principal user) {
        limit(limit);
        List<Map<String, Object>> out = new ArrayList<>();
        Map<UUID, Optional<AlertTables.Row>> held = new HashMap<>(); // many hits share an alert: read it once
        for (AlertTables.Hit h : alerts.hits(alert == null ? null : uuid(alert), limit)) {
            if (held.computeIfAbsent(h.alert(), alerts::find)
                    .filter(r -> Alerts.visibleTo(r, user.getName()))
                    .isPresent()) {
                out.add(hit(h));
            }
        }
        return Map.of("hits", out);
    }

    /** One reported hit, with the record when the partner's reply was a full one. */
    @GetMapping(path = "/hits/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> hit(@PathVariable String id, Principal user) {
        AlertTables.Hit h = reported(id);
        if (alerts.find(h.alert())
                .filter(r -> Alerts.visibleTo(r, user.getName()))
                .isEmpty()) {
            throw notFound("no such hit on an alert of this node");
        }
        Map<String, Object> out = hit(h);
        alerts.reportedRecord(h).ifPresent(r -> out.put("record", PLAIN.convertValue(r, Map.class)));
        return out;
    }

    @PostMapping(path = "/hits/{id}/confirm", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> confirm(@PathVariable String id, Principal user) {
        return decided(id, alerts.decide(user.getName(), uuid(id), true));
    }

    @PostMapping(path = "/hits/{id}/reject", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> reject(@PathVariable String id, Principal user) {
        return decided(id, alerts.decide(user.getName(), uuid(id), false));
    }

    /** This node's records that hit partners' alerts: what its officers are to act on, newest first. */
    @GetMapping(path = "/notifications", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> notifications(@RequestParam(defaultValue = "100") int limit) {
        limit(limit);
        List<Map<String, Object>> out = new ArrayList<>();
        Map<UUID, Optional<AlertTables.Row>> held = new HashMap<>(); // many hits share an alert: read it once
        for (AlertTables.Hit h : alerts.notifications(limit)) {
            Map<String, Object> n = hit(h);
            held.computeIfAbsent(h.alert(), alerts::find).ifPresent(r -> {
                n.put("owner", r.alert().owner().value());
                n.put("type", r.alert().type().wireName());
                n.put("requestedAction", r.alert().requestedAction());
            });
            out.add(n);
        }
        return Map.of("notifications", out);
    }

    /** Identity links decided on hits, newest first. */
    @GetMapping(path = "/links", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> links(@RequestParam(defaultValue = "100") int limit) {
        limit(limit);
        List<Map<String, Object>> out = new ArrayList<>();
        for (AlertTables.Link l : alerts.links(limit)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", l.id().toString());
            m.put("left", Map.of("owner", l.leftOwner().value(), "recordId", l.leftRecord()));
            Map<String, Object> right = new LinkedHashMap<>();
            right.put("owner", l.rightOwner().value());
            put(right, "recordId", l.rightRecord());
            put(right, "reference", l.rightReference());
            m.put("right", right);
            m.put("state", l.state());
            m.put("source", l.source());
            put(m, "score", l.score());
            m.put("decidedBy", l.decidedBy());
            m.put("decidedAt", l.decidedAt().toString());
            out.add(m);
        }
        return Map.of("links", out);
    }

    private AlertTables.Hit reported(String id) {
        return alerts.reported(uuid(id)).orElseThrow(() -> notFound("no such hit on an alert of this node"));
    }

    private Map<String, Object> decided(String id, Alerts.Outcome outcome) {
        return switch (outcome) {
            case Alerts.Outcome.Done d -> hit(reported(id));
            case Alerts.Outcome.Refused r -> throw new ApiErrors.ApiException(r.status(), r.code(), r.reason());
        };
    }

    private static Map<String, Object> done(Alerts.Outcome outcome) {
        return switch (outcome) {
            case Alerts.Outcome.Done d -> {
                Map<String, Object> out = alert(d.alert(), true);
                out.put(
                        "sentTo",
                        d.recipients().stream().map(ParticipantCode::value).toList());
                yield out;
            }
            case Alerts.Outcome.Refused r -> throw new ApiErrors.ApiException(r.status(), r.code(), r.reason());
        };
    }

    private static Map<String, Object> alert(AlertTables.Row r, boolean detail) {
        Map<String, Object> out = alert(r.alert(), detail);
        out.put("receivedAt", r.receivedAt().toString());
        return out;
    }

    static Map<String, Object> alert(Alert a, boolean detail) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", a.id().toString());
        out.put("version", a.version());
        out.put("owner", a.owner().value());
        out.put("type", a.type().wireName());
        out.put("state", a.stateAt(java.time.Instant.now()));
        out.put("requestedAction", a.requestedAction());
        out.put("validFrom", a.validFrom().toString());
        out.put("validUntil", a.validUntil().toString());
        out.put("recipients", PLAIN.convertValue(AlertJson.recipients(a.recipients()), Object.class));
        out.put("subjectType", a.subject().type().wireName());
        out.put("subjectId", a.subject().id().value());
        if (detail) {
            out.put("subject", PLAIN.convertValue(AlertJson.subject(a.subject()), Map.class));
        }
        return out;
    }

    static Map<String, Object> hit(AlertTables.Hit h) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", h.id().toString());
        out.put("alertId", h.alert().toString());
        out.put("participant", h.participant().value());
        out.put("reply", h.reply());
        out.put("score", h.score());
        put(out, "recordId", h.recordId());
        put(out, "reference", h.reference());
        out.put("on", h.matchedOn());
        out.put("state", h.state());
        out.put("foundAt", h.foundAt().toString());
        put(out, "decidedAt", h.decidedAt() == null ? null : h.decidedAt().toString());
        return out;
    }

    private static void put(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    private static JsonNode json(String body) {
        try {
            return PLAIN.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw new ApiErrors.ApiException(400, ErrorCode.MALFORMED_JSON, "the alert is not JSON");
        }
    }

    private static void limit(int limit) {
        if (limit < 1 || limit > 1_000) {
            throw bad("limit must be between 1 and 1000");
        }
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw notFound("no such alert or hit");
        }
    }

    private static ApiErrors.ApiException notFound(String detail) {
        return new ApiErrors.ApiException(404, ErrorCode.NOT_FOUND, detail);
    }

    private static ApiErrors.ApiException bad(String detail) {
        return new ApiErrors.ApiException(400, ErrorCode.INVALID_VALUE, detail);
    }
}
