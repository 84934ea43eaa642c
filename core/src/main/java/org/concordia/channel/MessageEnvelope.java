package org.concordia.channel;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;
import org.concordia.model.HandlingCode;
import org.concordia.model.ParticipantCode;
import org.concordia.model.TlpLabel;

/**
 * A message as it travels and as both nodes keep it: what routing and handling need in clear (ids,
 * sender, recipient, kind, handling label and code, creation time) and the content sealed to the
 * recipient with HPKE (RFC 9180): the encapsulated key {@code enc} and the {@code ciphertext}. The
 * sender signs the envelope's encoding; the clear fields are also the HPKE {@link #aad()}, and the
 * route the HPKE {@link #info()}, so the ciphertext cannot be moved into another envelope.
 */
public record MessageEnvelope(
        UUID id,
        UUID thread,
        MessageKind kind,
        ParticipantCode from,
        ParticipantCode to,
        Instant createdAt,
        TlpLabel tlp,
        HandlingCode handlingCode,
        byte[] enc,
        byte[] ciphertext,
        java.util.List<Attachment> attachments) {
    /** The format name in the encoding and in the HPKE info. */
    public static final String FORMAT = "concordia-message/1";

    /**
     * An attachment as the envelope lists it in clear: its id, how many sealed segments it has and the
     * SHA-256 of those segments in order (the sender's signature of the envelope covers them, so the
     * recipient checks what it received before it accepts the message). Name, size, key and the
     * plaintext's hash are in the sealed content.
     */
    public record Attachment(UUID id, int segments, byte[] sha256) {
        public Attachment {
            Objects.requireNonNull(id, "id");
            if (segments < 1 || sha256.length != 32) {
                throw new IllegalArgumentException("an attachment has segments and a SHA-256");
            }
            sha256 = sha256.clone();
        }

        @Override
        public byte[] sha256() {
            return sha256.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Attachment a
                    && id.equals(a.id)
                    && segments == a.segments
                    && Arrays.equals(sha256, a.sha256);
        }

        @Override
        public int hashCode() {
            return id.hashCode();
        }
    }

    /** An envelope without attachments. */
    public MessageEnvelope(
            UUID id,
            UUID thread,
            MessageKind kind,
            ParticipantCode from,
            ParticipantCode to,
            Instant createdAt,
            TlpLabel tlp,
            HandlingCode handlingCode,
            byte[] enc,
            byte[] ciphertext) {
        this(id, thread, kind, from, to, createdAt, tlp, handlingCode, enc, ciphertext, java.util.List.of());
    }

    public MessageEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(thread, "thread");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(tlp, "tlp");
        Objects.requireNonNull(handlingCode, "handlingCode");
        createdAt = Objects.requireNonNull(createdAt, "createdAt").truncatedTo(ChronoUnit.MICROS);
        enc = enc.clone();
        ciphertext = ciphertext.clone();
        attachments = java.util.List.copyOf(attachments);
        if (from.equals(to)) {
            throw new IllegalArgumentException("a message goes to another participant");
        }
    }

    /** HPKE info: the format and the route, so a sealed content opens only in this message to this recipient. */
    public static byte[] info(UUID id, ParticipantCode from, ParticipantCode to) {
        return (FORMAT + "|" + id + "|" + from.value() + "|" + to.value()).getBytes(StandardCharsets.US_ASCII);
    }

    /** HPKE associated data: the clear fields the content is read under. */
    public static byte[] aad(UUID thread, MessageKind kind, Instant createdAt, TlpLabel tlp, HandlingCode code) {
        return (thread + "|" + kind.wireName() + "|" + createdAt.truncatedTo(ChronoUnit.MICROS) + "|" + tlp.wireName()
                        + "|" + code.name())
                .getBytes(StandardCharsets.US_ASCII);
    }

    public byte[] info() {
        return info(id, from, to);
    }

    public byte[] aad() {
        return aad(thread, kind, createdAt, tlp, handlingCode);
    }

    @Override
    public byte[] enc() {
        return enc.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MessageEnvelope e
                && id.equals(e.id)
                && thread.equals(e.thread)
                && kind == e.kind
                && from.equals(e.from)
                && to.equals(e.to)
                && createdAt.equals(e.createdAt)
                && tlp == e.tlp
                && handlingCode == e.handlingCode
                && Arrays.equals(enc, e.enc)
                && Arrays.equals(ciphertext, e.ciphertext)
                && attachments.equals(e.attachments);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "MessageEnvelope[" + id + " " + from + "->" + to + " " + kind.wireName() + "]";
    }
}
