package org.concordia.node;

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
    private final Attachments attachments;

    MessagesApi(Channel channel, Attachments attachments) {
        this.channel = channel;
        this.attachments = attachments;
    }

    /**
     * A new message: {@code to} (a participant code), {@code subject}, {@code body}; optional {@code tlp}
     * (TLP 2.0, default amber), {@code handlingCode} (H0–H3, default H0), {@code thread} (the id of the
     * case thread it continues).
     */
    record SendRequest(
            String to,
            String subject,
            String body,
            String tlp,
            String handlingCode,
            String thread,
            List<String> attachments) {}

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
        List<UUID> attached = new ArrayList<>();
        for (String a : request.attachments() == null ? List.<String>of() : request.attachments()) {
            attached.add(uuid(a, 400));
        }
        if (attached.size() > 20 || attached.stream().distinct().count() != attached.size()) {
            throw new ApiErrors.ApiException(
                    400, ErrorCode.INVALID_VALUE, "at most 20 attachments per message, each once");
        }
        return switch (channel.send(
                user.getName(), to, content, tlp, code, thread, MessageKind.MESSAGE, null, (c, id) -> true, attached)) {
            case Channel.Sent.Queued q ->
                ResponseEntity.status(201)
                        .body(summary(new Channel.View(q.message(), channel.open(q.message())), false));
            case Channel.Sent.Declined d ->
                throw new IllegalStateException("a message send has no guard to decline it");
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
            case Channel.Sent.Declined d -> throw new IllegalStateException("a forward has no guard to decline it");
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

    /**
     * Uploads an attachment (the request body, at most 50 MB, read and sealed segment by segment) to be
     * sent with a message of the caller's: {@code {"id", "name", "size", "sha256"}}.
     */
    @PostMapping(
            path = "/attachments",
            consumes = MediaType.APPLICATION_OCTET_STREAM_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> upload(
            jakarta.servlet.http.HttpServletRequest request, @RequestParam String name, Principal user)
            throws java.io.IOException {
        if (request.getContentLengthLong() > Attachments.MAX_BYTES) {
            throw new ApiErrors.ApiException(413, ErrorCode.ATTACHMENT_TOO_LARGE, "an attachment is at most 50 MB");
        }
        try {
            Attachments.Info a = attachments.upload(user.getName(), name, request.getInputStream());
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("id", a.id().toString());
            out.put("name", a.name());
            out.put("size", a.size());
            out.put("sha256", a.sha256());
            return ResponseEntity.status(201).body(out);
        } catch (Attachments.Refused r) {
            throw new ApiErrors.ApiException(r.status, r.code, r.getMessage());
        }
    }

    /** An attachment of a message, decrypted as it streams (each segment checked by its tag). */
    @GetMapping(path = "/{id}/attachments/{attachment}", produces = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    ResponseEntity<org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody> download(
            @PathVariable String id, @PathVariable String attachment, Principal user) {
        UUID messageId = uuid(id, 404);
        Channel.View v = channel.read(messageId, user.getName())
                .orElseThrow(() -> new ApiErrors.ApiException(404, ErrorCode.NOT_FOUND, "no such message"));
        com.fasterxml.jackson.databind.JsonNode listed = null;
        for (com.fasterxml.jackson.databind.JsonNode a : v.content()
                .map(c -> c.path("attachments"))
                .orElse(com.fasterxml.jackson.databind.node.MissingNode.getInstance())) {
            if (a.path("id").asText().equals(attachment)) {
                listed = a;
            }
        }
        if (listed == null) {
            throw new ApiErrors.ApiException(404, ErrorCode.NOT_FOUND, "no such attachment");
        }
        com.fasterxml.jackson.databind.JsonNode chosen = listed;
        String name = chosen.path("name").asText("attachment");
        return ResponseEntity.ok()
                .header(
                        "Content-Disposition",
                        org.springframework.http.ContentDisposition.attachment()
                                .filename(name, java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("Content-Length", Long.toString(chosen.path("size").asLong()))
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(out -> {
                    try {
                        attachments.download(messageId, chosen, out);
                    } catch (Attachments.Refused r) {
                        throw new java.io.IOException("attachment not available", r);
                    }
                });
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
        List<Map<String, Object>> attachments = new ArrayList<>();
        for (Attachments.Info a : Attachments.listed(v.content())) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("id", a.id().toString());
            x.put("name", a.name());
            x.put("size", a.size());
            x.put("sha256", a.sha256());
            attachments.add(x);
        }
        out.put("attachments", attachments);
        if (m.errorCode() != null) {
            out.put("code", m.errorCode());
        }
        if (withBody) {
            out.put("body", v.content().map(c -> c.path("body").asText()).orElse(null));
        }
        return out;
    }
}
