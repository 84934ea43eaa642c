package org.concordia.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.concordia.channel.MessageContent;
import org.concordia.channel.MessageEnvelope;
import org.concordia.channel.MessageKind;
import org.concordia.model.HandlingCode;
import org.concordia.model.ParticipantCode;
import org.concordia.model.TlpLabel;

/**
 * The JSON forms of the channel: the clear envelope (what the sender signs), and the sealed content.
 *
 * <pre>{@code
 * envelope: {"format": "concordia-message/1", "id", "thread", "kind", "from", "to", "createdAt", "tlp",
 *            "handlingCode", "enc", "ciphertext"}      (enc and ciphertext in unpadded base64url)
 * content:  {"subject", "body", ...}                    (further fields by kind; unknown ones ignored)
 * }</pre>
 *
 * Decoding returns empty for anything that is not of this form; it never says which value was wrong
 * (values may be personal data).
 */
final class MessageCodec {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder UNB64 = Base64.getUrlDecoder();

    private MessageCodec() {}

    static byte[] envelope(MessageEnvelope e) {
        ObjectNode o = JSON.createObjectNode();
        o.put("format", MessageEnvelope.FORMAT);
        o.put("id", e.id().toString());
        o.put("thread", e.thread().toString());
        o.put("kind", e.kind().wireName());
        o.put("from", e.from().value());
        o.put("to", e.to().value());
        o.put("createdAt", e.createdAt().toString());
        o.put("tlp", e.tlp().wireName());
        o.put("handlingCode", e.handlingCode().name());
        o.put("enc", B64.encodeToString(e.enc()));
        o.put("ciphertext", B64.encodeToString(e.ciphertext()));
        if (!e.attachments().isEmpty()) {
            var a = o.putArray("attachments");
            for (MessageEnvelope.Attachment x : e.attachments()) {
                a.addObject()
                        .put("id", x.id().toString())
                        .put("segments", x.segments())
                        .put("sha256", B64.encodeToString(x.sha256()));
            }
        }
        return bytes(o);
    }

    static Optional<MessageEnvelope> envelope(byte[] json) {
        try {
            JsonNode o = JSON.readTree(json);
            if (o == null || !MessageEnvelope.FORMAT.equals(o.path("format").asText())) {
                return Optional.empty();
            }
            ParticipantCode from = ParticipantCode.parse(o.path("from").asText());
            ParticipantCode to = ParticipantCode.parse(o.path("to").asText());
            Optional<MessageKind> kind = MessageKind.parse(o.path("kind").asText());
            Optional<TlpLabel> tlp = TlpLabel.parse(o.path("tlp").asText());
            Optional<HandlingCode> code =
                    HandlingCode.parse(o.path("handlingCode").asText());
            if (from == null || to == null || kind.isEmpty() || tlp.isEmpty() || code.isEmpty()) {
                return Optional.empty();
            }
            java.util.List<MessageEnvelope.Attachment> attachments = new java.util.ArrayList<>();
            for (JsonNode a : o.path("attachments")) {
                attachments.add(new MessageEnvelope.Attachment(
                        UUID.fromString(a.path("id").asText()),
                        a.path("segments").asInt(),
                        UNB64.decode(a.path("sha256").asText())));
            }
            return Optional.of(new MessageEnvelope(
                    UUID.fromString(o.path("id").asText()),
                    UUID.fromString(o.path("thread").asText()),
                    kind.get(),
                    from,
                    to,
                    Instant.parse(o.path("createdAt").asText()),
                    tlp.get(),
                    code.get(),
                    UNB64.decode(o.path("enc").asText()),
                    UNB64.decode(o.path("ciphertext").asText()),
                    attachments));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The content with the kind's further fields ({@code extra}, may be null). */
    static byte[] content(MessageContent c, ObjectNode extra) {
        ObjectNode o = extra == null ? JSON.createObjectNode() : extra.deepCopy();
        o.put("subject", c.subject());
        o.put("body", c.body());
        return bytes(o);
    }

    /** The content's JSON object, when it is one with a subject and a body. */
    static Optional<ObjectNode> content(byte[] json) {
        try {
            JsonNode o = JSON.readTree(json);
            if (o instanceof ObjectNode obj
                    && o.path("subject").isTextual()
                    && o.path("body").isTextual()) {
                new MessageContent(o.path("subject").asText(), o.path("body").asText()); // checks the bounds
                return Optional.of(obj);
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static String base64(byte[] b) {
        return B64.encodeToString(b);
    }

    static byte[] unbase64(String s) {
        return UNB64.decode(s);
    }

    static byte[] bytes(JsonNode o) {
        try {
            return JSON.writeValueAsBytes(o);
        } catch (IOException e) {
            throw new IllegalStateException("JSON did not encode", e);
        }
    }
}
