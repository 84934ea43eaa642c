package org.concordia.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.concordia.channel.MessageEnvelope;
import org.concordia.model.ParticipantCode;
import org.concordia.pki.Sealing;
import org.concordia.pki.SegmentCipher;
import org.concordia.problem.ErrorCode;
import org.concordia.store.AttachmentTables;

/**
 * Attachments of messages, up to {@value #MAX_BYTES} bytes each, never held whole in memory: an upload
 * is read and sealed segment by segment ({@link SegmentCipher}, STREAM over AES-256-GCM with the
 * attachment's own key) into the store, with the SHA-256 of its content and of its sealed segments;
 * the key, name and content hash travel only in the message's sealed content. Before a message is
 * delivered its attachments' segments are; the recipient accepts the message only when every segment
 * is there, their hash is the one the sender signed in the envelope, and the decrypted content has the
 * hash the sealed content names. A download decrypts segment by segment, each checked by its tag.
 */
final class Attachments {
    static final long MAX_BYTES = 50L * 1024 * 1024;
    static final String SEGMENT_PATH = "/federation/v1/attachments/{id}/segments/{seq}/of/{of}";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

    private final AttachmentTables tables;
    private final Federation federation;
    private final Clock clock;
    private final Sealing sealing = Sealing.standard();

    Attachments(AttachmentTables tables, Federation federation, Clock clock) {
        this.tables = tables;
        this.federation = federation;
        this.clock = clock;
    }

    /** What a user sees of an attachment. */
    record Info(UUID id, String name, long size, String sha256) {}

    /** An expected failure of an attachment operation, with its code. */
    static final class Refused extends Exception {
        final ErrorCode code;
        final int status;

        Refused(int status, ErrorCode code, String reason) {
            super(reason);
            this.status = status;
            this.code = code;
        }
    }

    /** Reads, seals and stores an upload of {@code user}; it waits to be attached to a message. */
    Info upload(String user, String name, InputStream in) throws IOException, Refused {
        Sealing.EncryptionKeys own = federation
                .encryptionKeys()
                .orElseThrow(() -> new Refused(
                        422, ErrorCode.RECIPIENT_CANNOT_RECEIVE, "this node has no encryption key: no attachments"));
        if (name == null || name.isBlank() || name.length() > 255 || name.contains("/") || name.contains("\\")) {
            throw new Refused(400, ErrorCode.INVALID_VALUE, "name must be a file name of 1 to 255 characters");
        }
        UUID id = UUID.randomUUID();
        SegmentCipher cipher = SegmentCipher.generate();
        MessageDigest plain = sha256();
        MessageDigest sealed = sha256();
        byte[] current = in.readNBytes(SegmentCipher.SEGMENT);
        long size = 0;
        int seq = 0;
        tables.startUpload(id, user, clock.instant());
        try {
            while (true) {
                size += current.length;
                if (size > MAX_BYTES) {
                    throw new Refused(413, ErrorCode.ATTACHMENT_TOO_LARGE, "an attachment is at most 50 MB");
                }
                byte[] next =
                        current.length < SegmentCipher.SEGMENT ? new byte[0] : in.readNBytes(SegmentCipher.SEGMENT);
                boolean last = next.length == 0;
                plain.update(current);
                byte[] s = cipher.seal(seq, last, current, 0, current.length);
                sealed.update(s);
                tables.putSegment(id, seq, s);
                seq++;
                if (last) {
                    break;
                }
                current = next;
            }
        } catch (Refused | IOException | RuntimeException e) {
            tables.delete(id);
            throw e;
        }
        String hash = HexFormat.of().formatHex(plain.digest());
        ObjectNode meta = JSON.createObjectNode()
                .put("name", name)
                .put("sha256", hash)
                .put("key", MessageCodec.base64(cipher.encoded()));
        byte[] info = info(id);
        Sealing.Sealed key = sealing.sealLocal(own, info, new byte[0], MessageCodec.bytes(meta));
        tables.finishUpload(id, size, seq, sealed.digest(), key.ciphertext(), key.enc());
        return new Info(id, name, size, hash);
    }

    private static byte[] info(UUID id) {
        return ("concordia-attachment/1|" + id).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * What a message being sent carries for each of its attachments: the envelope's clear part and the
     * sealed content's part (name, size, content hash, key).
     */
    record Outgoing(List<MessageEnvelope.Attachment> envelope, ArrayNode content, List<UUID> ids) {}

    Outgoing prepare(String user, List<UUID> ids) throws Refused {
        Sealing.EncryptionKeys own = federation.encryptionKeys().orElseThrow();
        List<MessageEnvelope.Attachment> envelope = new ArrayList<>();
        ArrayNode content = JSON.createArrayNode();
        for (UUID id : ids) {
            AttachmentTables.Row r = tables.find(id)
                    .filter(x -> x.outgoing() && x.message() == null && x.complete() && user.equals(x.uploader()))
                    .orElseThrow(() -> new Refused(
                            400,
                            ErrorCode.INVALID_VALUE,
                            "an attachment is not an upload of yours waiting to be sent"));
            ObjectNode meta = sealing.openLocal(
                            own, new Sealing.Sealed(r.keyNonce(), r.sealedKey()), info(id), new byte[0])
                    .map(b -> {
                        try {
                            return (ObjectNode) JSON.readTree(b);
                        } catch (IOException e) {
                            return null;
                        }
                    })
                    .orElseThrow(() -> new IllegalStateException("an upload's key does not open"));
            envelope.add(new MessageEnvelope.Attachment(id, r.segments(), r.ciphertextSha256()));
            content.addObject()
                    .put("id", id.toString())
                    .put("name", meta.path("name").asText())
                    .put("size", r.size())
                    .put("sha256", meta.path("sha256").asText())
                    .put("key", meta.path("key").asText());
        }
        return new Outgoing(envelope, content, List.copyOf(ids));
    }

    /** Delivers the segments of an envelope's attachments to its recipient; false when one failed. */
    boolean deliverSegments(ParticipantCode to, MessageEnvelope envelope) {
        for (MessageEnvelope.Attachment a : envelope.attachments()) {
            for (int seq = 0; seq < a.segments(); seq++) {
                Optional<byte[]> bytes = tables.segment(a.id(), seq);
                if (bytes.isEmpty()) {
                    return false;
                }
                String path = SEGMENT_PATH
                        .replace("{id}", a.id().toString())
                        .replace("{seq}", Integer.toString(seq))
                        .replace("{of}", Integer.toString(a.segments()));
                HttpPartnerGateway.Call call = federation.post(to, path, bytes.get(), CALL_TIMEOUT);
                if (!(call instanceof HttpPartnerGateway.Call.Reply r) || r.status() != 200) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A segment a verified partner delivers ahead of its message. */
    boolean receiveSegment(ParticipantCode peer, UUID id, int seq, int of, byte[] bytes) {
        if (seq < 0
                || of < 1
                || seq >= of
                || of > MAX_BYTES / SegmentCipher.SEGMENT + 1
                || bytes.length > SegmentCipher.SEGMENT + SegmentCipher.TAG) {
            return false;
        }
        tables.startReceiving(id, peer.value(), of, clock.instant());
        Optional<AttachmentTables.Row> row = tables.find(id);
        if (row.isEmpty()
                || row.get().outgoing()
                || !peer.value().equals(row.get().peer())
                || row.get().segments() != of) {
            return false; // another participant's attachment
        }
        if (!row.get().complete()) { // a complete one was accepted with its message: a repeat is acknowledged
            tables.putSegment(id, seq, bytes);
        }
        return true;
    }

    /** Why a received message's attachments are not acceptable (yet). */
    enum Check {
        OK,
        /** Segments are missing: the sender will deliver them again. */
        INCOMPLETE,
        /** What arrived is not what the sender signed, or does not decrypt to what the content names. */
        INVALID
    }

    /** Checks a received message's attachments against its envelope and opened content. */
    Check check(ParticipantCode peer, MessageEnvelope envelope, ObjectNode content) {
        JsonNode listed = content.path("attachments");
        if (listed.size() != envelope.attachments().size()) {
            return Check.INVALID;
        }
        for (int i = 0; i < envelope.attachments().size(); i++) {
            MessageEnvelope.Attachment a = envelope.attachments().get(i);
            JsonNode c = listed.get(i);
            Optional<AttachmentTables.Row> row = tables.find(a.id());
            if (row.isEmpty()) {
                return Check.INCOMPLETE;
            }
            if (row.get().outgoing() || !peer.value().equals(row.get().peer())) {
                return Check.INVALID;
            }
            if (row.get().complete()) {
                continue; // accepted with this message before (a duplicate delivery)
            }
            if (tables.segmentCount(a.id()) < a.segments()) {
                return Check.INCOMPLETE;
            }
            SegmentCipher cipher;
            try {
                cipher =
                        SegmentCipher.decode(MessageCodec.unbase64(c.path("key").asText()));
            } catch (IllegalArgumentException e) {
                return Check.INVALID;
            }
            MessageDigest sealed = sha256();
            MessageDigest plain = sha256();
            long size = 0;
            for (int seq = 0; seq < a.segments(); seq++) {
                byte[] s = tables.segment(a.id(), seq).orElse(null);
                if (s == null) {
                    return Check.INCOMPLETE;
                }
                sealed.update(s);
                Optional<byte[]> p = cipher.open(seq, seq == a.segments() - 1, s);
                if (p.isEmpty()) {
                    return Check.INVALID;
                }
                plain.update(p.get());
                size += p.get().length;
            }
            if (!MessageDigest.isEqual(sealed.digest(), a.sha256())
                    || !HexFormat.of()
                            .formatHex(plain.digest())
                            .equals(c.path("sha256").asText())
                    || size != c.path("size").asLong()
                    || !a.id().toString().equals(c.path("id").asText())) {
                return Check.INVALID;
            }
        }
        return Check.OK;
    }

    /** Marks a received message's attachments accepted. */
    void accepted(MessageEnvelope envelope, ObjectNode content) {
        JsonNode listed = content.path("attachments");
        for (int i = 0; i < envelope.attachments().size(); i++) {
            MessageEnvelope.Attachment a = envelope.attachments().get(i);
            tables.completeIncoming(
                    a.id(), envelope.id(), listed.get(i).path("size").asLong(), a.sha256());
        }
    }

    /** Streams an attachment of an opened message to {@code out}, decrypting and checking each segment. */
    void download(UUID message, JsonNode listed, OutputStream out) throws IOException, Refused {
        UUID id = UUID.fromString(listed.path("id").asText());
        AttachmentTables.Row row = tables.find(id)
                .filter(r -> message.equals(r.message()) && r.complete())
                .orElseThrow(() -> new Refused(404, ErrorCode.NOT_FOUND, "no such attachment"));
        SegmentCipher cipher =
                SegmentCipher.decode(MessageCodec.unbase64(listed.path("key").asText()));
        for (int seq = 0; seq < row.segments(); seq++) {
            byte[] s = tables.segment(id, seq).orElseThrow(() -> new IOException("a segment is missing"));
            byte[] p = cipher.open(seq, seq == row.segments() - 1, s)
                    .orElseThrow(() -> new IOException("a stored segment does not open: altered in the store"));
            out.write(p);
        }
    }

    /** The attachments a message's opened content lists, for users (no key). */
    static List<Info> listed(Optional<ObjectNode> content) {
        List<Info> out = new ArrayList<>();
        content.ifPresent(c -> c.path("attachments")
                .forEach(a -> out.add(new Info(
                        UUID.fromString(a.path("id").asText()),
                        a.path("name").asText(),
                        a.path("size").asLong(),
                        a.path("sha256").asText()))));
        return out;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
