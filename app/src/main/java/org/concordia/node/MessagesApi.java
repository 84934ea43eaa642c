package org.concordia.node;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.concordia.channel.MessageContent;
import org.concordia.channel.MessageKind;
import org.concordia.model.HandlingCode;
import org.concordia.model.ParticipantCode;
import org.concordia.model.TlpLabel;
import org.concordia.problem.ErrorCode;
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
 * Messages between participants, for this node's users: send (queued in the outbox, delivered by the
 * channel), list, read one (the first read of a received message sends a read receipt). Who may call
 * what: {@link SecurityConfiguration#RULES}.
 */
@RestController
@RequestMapping("/api/v1/messages")
class MessagesApi {
    private final Channel channel;

    MessagesApi(Channel channel) {
        this.channel = channel;
    }

    /**
     * A new message: {@code to} (a participant code), {@code subject}, {@code body}; optional {@code tlp}
     * (TLP 2.0, default amber), {@code handlingCode} (H0–H3, default H0), {@code thread} (the id of the
     * case thread it continues).
     */
    record SendRequest(String to, String subject, String body, String tlp, String handlingCode, String thread) {}

    @PostMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> send(@RequestBody SendRequest request, Principal user) {
        ParticipantCode to = ParticipantCode.parse(request.to() == null ? "" : request.to());
        if (to == null) {
            throw new ApiErrors.ApiException(400, ErrorCode.INVALID_OWNER, "to must be a participant's code");
        }
        MessageContent content;
        try {
            content = new MessageContent(
                    request.subject() == null ? "" : request.subject(), request.body() == null ? "" : request.body());
        } catch (IllegalArgumentException e) {
            throw new ApiErrors.ApiException(400, ErrorCode.INVALID_VALUE, e.getMessage());
        }
        TlpLabel tlp = request.tlp() == null
                ? TlpLabel.AMBER
                : TlpLabel.parse(request.tlp())
                        .orElseThrow(() -> new ApiErrors.ApiException(
                                400, ErrorCode.INVALID_HANDLING, "tlp is not a TLP 2.0 label"));
        HandlingCode code = request.handlingCode() == null
                ? HandlingCode.H0
                : HandlingCode.parse(request.handlingCode())
                        .orElseThrow(() -> new ApiErrors.ApiException(
                                400, ErrorCode.INVALID_HANDLING, "handlingCode must be H0, H1, H2 or H3"));
        UUID thread = request.thread() == null ? null : uuid(request.thread(), 400);
        return switch (channel.send(user.getName(), to, content, tlp, code, thread, MessageKind.MESSAGE, null)) {
            case Channel.Sent.Queued q ->
                ResponseEntity.status(201)
                        .body(summary(
                                new Channel.View(q.message(), java.util.Optional.of(contentNode(content))), false));
            case Channel.Sent.Refused r -> throw new ApiErrors.ApiException(422, r.code(), r.reason());
        };
    }

    /** Where to forward a message: {@code to}, a participant code. */
    record ForwardRequest(String to) {}

    /**
     * Forwards a message to another participant, with its handling; one received under TLP:RED or
     * H2/H3 is refused ({@code forwarding_refused}, audited) unless it goes back to its sender.
     */
    @PostMapping(path = "/{id}/forward", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> forward(
            @PathVariable String id, @RequestBody ForwardRequest request, Principal user) {
        ParticipantCode to = ParticipantCode.parse(request.to() == null ? "" : request.to());
        if (to == null) {
            throw new ApiErrors.ApiException(400, ErrorCode.INVALID_OWNER, "to must be a participant's code");
        }
        return switch (channel.forward(uuid(id, 404), to, user.getName())) {
            case Channel.Sent.Queued q ->
                ResponseEntity.status(201)
                        .body(summary(new Channel.View(q.message(), channel.open(q.message())), false));
            case Channel.Sent.Refused r ->
                throw new ApiErrors.ApiException(
                        r.code() == ErrorCode.FORWARDING_REFUSED ? 403 : r.code() == ErrorCode.NOT_FOUND ? 404 : 422,
                        r.code(),
                        r.reason());
        };
    }

    /** The newest messages sent and received (at most {@code limit}, default 100). */
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> list(@RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1_000) {
            throw new ApiErrors.ApiException(400, ErrorCode.INVALID_VALUE, "limit must be between 1 and 1000");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Channel.View v : channel.list(limit)) {
            out.add(summary(v, false));
        }
        return Map.of("messages", out);
    }

    /** One message with its body; the first read of a received message is audited and acknowledged to its sender. */
    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> read(@PathVariable String id, Principal user) {
        return channel.read(uuid(id, 404), user.getName())
                .map(v -> summary(v, true))
                .orElseThrow(() -> new ApiErrors.ApiException(404, ErrorCode.NOT_FOUND, "no such message"));
    }

    private static UUID uuid(String text, int status) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw status == 404
                    ? new ApiErrors.ApiException(404, ErrorCode.NOT_FOUND, "no such message")
                    : new ApiErrors.ApiException(400, ErrorCode.INVALID_ID, "a thread is a message id (UUID)");
        }
    }

    private static ObjectNode contentNode(MessageContent c) {
        ObjectNode o = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        o.put("subject", c.subject());
        o.put("body", c.body());
        return o;
    }

    /** The message as JSON: ids, route, status, handling; the subject (and the body when asked) when it opens. */
    static Map<String, Object> summary(Channel.View v, boolean withBody) {
        var m = v.stored();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", m.id().toString());
        out.put("thread", m.thread().toString());
        out.put("kind", m.kind());
        out.put("direction", m.direction() == org.concordia.store.MessageTables.Direction.OUT ? "out" : "in");
        out.put("from", m.from().value());
        out.put("to", m.to().value());
        out.put("subject", v.content().map(c -> c.path("subject").asText()).orElse(null));
        out.put("status", m.status().wireName());
        out.put("createdAt", m.createdAt().toString());
        out.put("statusAt", m.statusAt().toString());
        out.put("tlp", m.tlp());
        out.put("handlingCode", m.handlingCode());
        out.put("attachments", List.of());
        if (m.errorCode() != null) {
            out.put("code", m.errorCode());
        }
        if (withBody) {
            out.put("body", v.content().map(c -> c.path("body").asText()).orElse(null));
        }
        return out;
    }
}
