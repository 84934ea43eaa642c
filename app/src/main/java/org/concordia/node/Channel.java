package org.concordia.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.concordia.audit.AuditAction;
import org.concordia.channel.Backoff;
import org.concordia.channel.MessageContent;
import org.concordia.channel.MessageEnvelope;
import org.concordia.channel.MessageIds;
import org.concordia.channel.MessageKind;
import org.concordia.channel.MessageStatus;
import org.concordia.federation.Directory;
import org.concordia.federation.Participant;
import org.concordia.model.HandlingCode;
import org.concordia.model.ParticipantCode;
import org.concordia.model.TlpLabel;
import org.concordia.pki.EnvelopeSignature;
import org.concordia.pki.Pem;
import org.concordia.pki.Sealing;
import org.concordia.problem.ErrorCode;
import org.concordia.store.MessageTables;

/**
 * The channel between this node and its partners (docs/decisions/0005): sends messages end-to-end
 * encrypted (HPKE, RFC 9180) to the recipient participant and signed by this one, through a durable
 * outbox that a delivery worker empties in batches over the federation's mutual TLS, retrying with
 * backoff while a recipient is down; receives partners' messages into an idempotent inbox; sends read
 * receipts back; reports a message that could not be delivered in time as {@code undeliverable}.
 *
 * <p>At-least-once delivery with an exactly-once effect: a message leaves the outbox only when the
 * recipient's node answered, signed, that it stored it, and it answers only after a durable commit; a
 * crash of either side in between is a retry, and the recipient's primary key absorbs the duplicate.
 * Both sides keep only sealed copies (the sender seals one to itself): the database holds no readable
 * subject or body. Thread-safe.
 */
final class Channel implements AutoCloseable {
    static final String MESSAGES_PATH = "/federation/v1/messages";
    static final String RECEIPTS_PATH = "/federation/v1/receipts";
    /** Messages or receipts per delivery request, at most. */
    static final int BATCH = 100;
    /** Bytes of envelopes per delivery request, at most (a single larger message travels alone). */
    static final int BATCH_BYTES = 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Channel.class);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration IDLE_POLL = Duration.ofSeconds(5);

    private final ParticipantCode self;
    private final MessageTables tables;
    private final Federation federation;
    private final NodeAudit audit;
    private final Attachments attachments;
    private final NodeSettings.Channel settings;
    private final Backoff backoff;
    private final Clock clock;
    private final Sealing sealing = Sealing.standard();
    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();
    /** Recipients whose deliveries wait for a retry: a request from one of them makes them due at once. */
    private final Set<ParticipantCode> waiting = ConcurrentHashMap.newKeySet();

    /** What is done with received messages of a kind besides storing them (follow-ups). */
    @FunctionalInterface
    interface Listener {
        /**
         * Called for each accepted message of the kind, also when it was a duplicate (so it must be
         * idempotent), before the sender is told it is stored.
         */
        void received(MessageTables.Stored message, ObjectNode content);
    }

    private final Map<MessageKind, Listener> listeners = new ConcurrentHashMap<>();

    void listen(MessageKind kind, Listener listener) {
        listeners.put(kind, listener);
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition signal = lock.newCondition();
    private boolean wake;
    private volatile boolean closed;
    private final Thread worker;

    /** A message as a user sees it: its stored row and, when this node can open it, its content. */
    record View(MessageTables.Stored stored, Optional<ObjectNode> content) {}

    /**
     * The outcome of a send: queued; declined by the caller's {@link Guard} (nothing queued: what the
     * guard checks was done already, a follow-up decided, a hit reported); or refused with a code and a
     * reason without personal data.
     */
    sealed interface Sent {
        record Queued(MessageTables.Stored message) implements Sent {}

        record Declined() implements Sent {}

        record Refused(ErrorCode code, String reason) implements Sent {}
    }

    Channel(
            ParticipantCode self,
            MessageTables tables,
            Federation federation,
            NodeAudit audit,
            Attachments attachments,
            NodeSettings.Channel settings,
            Clock clock) {
        this.self = self;
        this.tables = tables;
        this.federation = federation;
        this.audit = audit;
        this.attachments = attachments;
        this.settings = settings;
        this.backoff = new Backoff(Duration.ofSeconds(1), settings.retryAtMost());
        this.clock = clock;
        this.worker = Thread.ofPlatform()
                .name("concordia-delivery-" + self.value())
                .daemon()
                .start(this::deliverForever);
    }

    /**
     * Seals, signs and queues a message from {@code user} to {@code to}; the worker delivers it.
     *
     * @param thread the case thread it continues, or null to start one (its id is the message's)
     * @param extra the kind's further content fields (sealed with the subject and body), or null
     */
    Sent send(
            String user,
            ParticipantCode to,
            MessageContent content,
            TlpLabel tlp,
            HandlingCode code,
            UUID thread,
            MessageKind kind,
            ObjectNode extra) {
        return send(user, to, content, tlp, code, thread, kind, extra, (c, id) -> true, List.of());
    }

    /**
     * Work done in the transaction that queues a message, knowing its id; false queues nothing and the
     * send is {@link Sent.Declined}.
     */
    @FunctionalInterface
    interface Guard {
        boolean run(java.sql.Connection c, UUID messageId) throws java.sql.SQLException;
    }

    /**
     * Like {@link #send(String, ParticipantCode, MessageContent, TlpLabel, HandlingCode, UUID, MessageKind,
     * ObjectNode)}, with {@code guard} in the queuing transaction, carrying uploads of {@code user} ({@link
     * Attachments#upload}) as attachments.
     */
    Sent send(
            String user,
            ParticipantCode to,
            MessageContent content,
            TlpLabel tlp,
            HandlingCode code,
            UUID thread,
            MessageKind kind,
            ObjectNode extra,
            Guard guard,
            List<UUID> attachmentIds) {
        Optional<Sealing.EncryptionKeys> own = federation.encryptionKeys();
        Optional<Directory> directory = federation.directory();
        if (own.isEmpty() || directory.isEmpty()) {
            return new Sent.Refused(
                    ErrorCode.RECIPIENT_CANNOT_RECEIVE,
                    "this node has no encryption key in the federation: it cannot send messages");
        }
        Optional<Participant> recipient = directory.get().participant(to);
        if (to.equals(self)
                || recipient.isEmpty()
                || recipient.get().encryptionKey().isEmpty()) {
            return new Sent.Refused(
                    ErrorCode.RECIPIENT_CANNOT_RECEIVE,
                    "the recipient is not a partner with an encryption key in the federation directory");
        }
        Instant now = clock.instant();
        UUID id = MessageIds.next(now);
        UUID t = thread == null ? id : thread;
        MessageEnvelope header = new MessageEnvelope(id, t, kind, self, to, now, tlp, code, new byte[0], new byte[0]);
        List<MessageEnvelope.Attachment> listed = List.of();
        if (!attachmentIds.isEmpty()) {
            Attachments.Outgoing o;
            try {
                o = attachments.prepare(user, attachmentIds);
            } catch (Attachments.Refused r) {
                return new Sent.Refused(r.code, r.getMessage());
            }
            extra = extra == null ? JSON.createObjectNode() : extra.deepCopy();
            extra.set("attachments", o.content());
            listed = o.envelope();
        }
        byte[] plaintext = MessageCodec.content(content, extra);
        byte[] info = header.info();
        byte[] aad = header.aad();
        Sealing.Sealed forRecipient =
                sealing.seal(recipient.get().encryptionKey().get().bytes(), info, aad, plaintext);
        Sealing.Sealed forSelf = sealing.sealLocal(own.get(), info, aad, plaintext);
        MessageEnvelope envelope = new MessageEnvelope(
                id,
                t,
                kind,
                self,
                to,
                header.createdAt(),
                tlp,
                code,
                forRecipient.enc(),
                forRecipient.ciphertext(),
                listed);
        byte[] envelopeBytes = MessageCodec.envelope(envelope);
        byte[] signature = EnvelopeSignature.sign(federation.signingKey(), envelopeBytes);
        MessageTables.Stored stored = new MessageTables.Stored(
                id,
                t,
                kind.wireName(),
                MessageTables.Direction.OUT,
                self,
                to,
                tlp.wireName(),
                code.name(),
                envelope.createdAt(),
                forSelf.enc(),
                forSelf.ciphertext(),
                envelopeBytes,
                signature,
                MessageStatus.QUEUED,
                now,
                user,
                null);
        boolean[] attached = new boolean[1];
        boolean queued = tables.queue(stored, now.plus(settings.deliverWithin()), c -> {
            attached[0] = org.concordia.store.AttachmentTables.attach(c, attachmentIds, user, id);
            return attached[0] && guard.run(c, id);
        });
        if (!queued) {
            return attached[0]
                    ? new Sent.Declined()
                    : new Sent.Refused(
                            ErrorCode.INVALID_VALUE, "an attachment was sent with another message meanwhile");
        }
        audit.channel(
                AuditAction.MESSAGE_SENT,
                user,
                to,
                "queued",
                List.of(id),
                Map.of("thread", t.toString(), "kind", kind.wireName()));
        if (!busy.contains(to)) {
            wake(); // else the delivery in flight to that recipient picks it up when it is done
        }
        return new Sent.Queued(stored);
    }

    /**
     * Forwards a message this node holds to {@code to}, with its content and handling. Handling rules:
     * a message received under TLP:RED, or handling code H2 or H3 (no dissemination, or other restrictions,
     * without the provider's consent), is not forwarded to a third participant (anyone but its sender):
     * refused with {@code forwarding_refused} and audited.
     */
    Sent forward(UUID id, ParticipantCode to, String user) {
        Optional<MessageTables.Stored> found = tables.find(id);
        Optional<ObjectNode> content = found.flatMap(this::open);
        if (found.isEmpty() || content.isEmpty()) {
            return new Sent.Refused(ErrorCode.NOT_FOUND, "no such message");
        }
        MessageTables.Stored m = found.get();
        TlpLabel tlp = TlpLabel.parse(m.tlp()).orElse(TlpLabel.RED);
        HandlingCode code = HandlingCode.parse(m.handlingCode()).orElse(HandlingCode.H3);
        ParticipantCode origin = m.direction() == MessageTables.Direction.IN ? m.from() : self;
        boolean restricted = tlp == TlpLabel.RED
                || tlp == TlpLabel.AMBER_STRICT
                || code == HandlingCode.H2
                || code == HandlingCode.H3;
        if (restricted && !to.equals(origin)) {
            audit.channel(
                    AuditAction.FORWARDING_REFUSED,
                    user,
                    to,
                    ErrorCode.FORWARDING_REFUSED.code(),
                    List.of(id),
                    Map.of("tlp", tlp.wireName(), "handling-code", code.name(), "origin", origin.value()));
            return new Sent.Refused(
                    ErrorCode.FORWARDING_REFUSED,
                    "released under " + tlp.wireName() + "/" + code.name()
                            + ": it may not go to a third participant without its provider's consent");
        }
        ObjectNode c = content.get().deepCopy();
        String subject = "Fwd: " + c.path("subject").asText();
        ObjectNode extra = c.deepCopy();
        extra.remove("subject");
        extra.remove("body");
        extra.remove("attachments"); // sealed to this message's keys only: not forwarded (attach them anew)
        extra.put("forwardedFrom", id.toString());
        return send(
                user,
                to,
                new MessageContent(
                        subject.length() > MessageContent.MAX_SUBJECT
                                ? subject.substring(0, MessageContent.MAX_SUBJECT)
                                : subject,
                        c.path("body").asText()),
                tlp,
                code,
                null,
                MessageKind.MESSAGE,
                extra);
    }

    /** The newest messages sent and received, with what this node can open of them. */
    List<View> list(int limit) {
        List<View> out = new ArrayList<>();
        for (MessageTables.Stored m : tables.list(limit)) {
            out.add(new View(m, open(m)));
        }
        return out;
    }

    /**
     * One message; a received one read for the first time is marked read (audited) and a read receipt
     * goes back to its sender.
     */
    Optional<View> read(UUID id, String user) {
        Optional<MessageTables.Stored> found = tables.find(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        MessageTables.Stored m = found.get();
        Instant now = clock.instant();
        if (m.direction() == MessageTables.Direction.IN
                && m.status() == MessageStatus.RECEIVED
                && tables.markRead(id, user, now, now.plus(settings.deliverWithin()))) {
            audit.channel(
                    AuditAction.MESSAGE_READ,
                    user,
                    m.from(),
                    "read",
                    List.of(id),
                    Map.of("thread", m.thread().toString()));
            wake();
            m = tables.find(id).orElse(m);
        }
        return Optional.of(new View(m, open(m)));
    }

    /** A stored message, sent or received, as it is (nothing marked read). */
    Optional<MessageTables.Stored> find(UUID id) {
        return tables.find(id);
    }

    /** The content of a stored message, opened with this node's key; empty when it does not open. */
    Optional<ObjectNode> open(MessageTables.Stored m) {
        Optional<Sealing.EncryptionKeys> own = federation.encryptionKeys();
        Optional<MessageKind> kind = MessageKind.parse(m.kind());
        Optional<TlpLabel> tlp = TlpLabel.parse(m.tlp());
        Optional<HandlingCode> code = HandlingCode.parse(m.handlingCode());
        if (own.isEmpty() || kind.isEmpty() || tlp.isEmpty() || code.isEmpty()) {
            return Optional.empty();
        }
        Sealing.Sealed sealed = new Sealing.Sealed(m.enc(), m.ciphertext());
        byte[] info = MessageEnvelope.info(m.id(), m.from(), m.to());
        byte[] aad = MessageEnvelope.aad(m.thread(), kind.get(), m.createdAt(), tlp.get(), code.get());
        return (m.direction() == MessageTables.Direction.OUT
                        ? sealing.openLocal(own.get(), sealed, info, aad) // the sender's own copy
                        : sealing.open(own.get(), sealed, info, aad))
                .flatMap(MessageCodec::content);
    }

    // ---------------------------------------------------------------- receiving (the federation API)

    /**
     * Messages a verified partner delivers: each is checked (envelope, addressed here, from the
     * partner, the partner's signature, content opens with this node's key) and the good ones stored
     * once; answers per message, in order: {@code stored}, {@code duplicate} or {@code refused}.
     */
    ObjectNode receive(ParticipantCode peer, JsonNode request) {
        peerSeen(peer);
        Directory directory = federation.directory().orElseThrow();
        Optional<PublicKey> key = publicKey(directory, peer);
        Optional<Sealing.EncryptionKeys> own = federation.encryptionKeys();
        if (key.isEmpty() || own.isEmpty()) {
            // this node's own state (no key yet, a directory without the sender): not the messages' fault
            ObjectNode out = JSON.createObjectNode();
            ArrayNode results = out.putArray("results");
            request.path("messages").forEach(x -> results.addObject().put("status", "retry"));
            return out;
        }
        List<MessageTables.Stored> good = new ArrayList<>();
        Map<UUID, ObjectNode> contents = new java.util.HashMap<>();
        Map<UUID, MessageEnvelope> envelopes = new java.util.HashMap<>();
        List<UUID> incomplete = new ArrayList<>();
        List<UUID> ids = new ArrayList<>();
        Instant now = clock.instant();
        for (JsonNode item : request.path("messages")) {
            MessageTables.Stored m = null;
            UUID waitsForSegments = null;
            try {
                String text = item.path("envelope").asText();
                if (!java.nio.charset.StandardCharsets.US_ASCII.newEncoder().canEncode(text)) {
                    throw new IllegalArgumentException("an envelope is ASCII");
                }
                byte[] envelopeBytes = text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                byte[] signature = MessageCodec.unbase64(item.path("signature").asText());
                Optional<MessageEnvelope> e = MessageCodec.envelope(envelopeBytes);
                Optional<ObjectNode> content = e.isPresent()
                                && key.isPresent()
                                && own.isPresent()
                                && e.get().from().equals(peer)
                                && e.get().to().equals(self)
                                && EnvelopeSignature.verify(key.get(), envelopeBytes, signature)
                        ? sealing.open(
                                        own.get(),
                                        new Sealing.Sealed(
                                                e.get().enc(), e.get().ciphertext()),
                                        e.get().info(),
                                        e.get().aad())
                                .flatMap(MessageCodec::content)
                        : Optional.empty();
                Attachments.Check check =
                        content.isEmpty() || e.get().attachments().isEmpty()
                                ? Attachments.Check.OK
                                : attachments.check(peer, e.get(), content.get());
                if (check == Attachments.Check.INCOMPLETE) {
                    waitsForSegments = e.get().id();
                    incomplete.add(waitsForSegments);
                    content = Optional.empty();
                } else if (check == Attachments.Check.INVALID) {
                    content = Optional.empty();
                }
                if (content.isPresent()) {
                    MessageEnvelope v = e.get();
                    contents.put(v.id(), content.get());
                    envelopes.put(v.id(), v);
                    m = new MessageTables.Stored(
                            v.id(),
                            v.thread(),
                            v.kind().wireName(),
                            MessageTables.Direction.IN,
                            v.from(),
                            v.to(),
                            v.tlp().wireName(),
                            v.handlingCode().name(),
                            v.createdAt(),
                            v.enc(),
                            v.ciphertext(),
                            envelopeBytes,
                            signature,
                            MessageStatus.RECEIVED,
                            now,
                            null,
                            null);
                }
            } catch (IllegalArgumentException e) {
                // not base 64: refused below
            }
            if (m != null) {
                good.add(m);
                ids.add(m.id());
            } else if (waitsForSegments != null) {
                ids.add(waitsForSegments); // answered "incomplete": its segments are still to come
            } else {
                ids.add(null);
            }
        }
        Set<UUID> fresh = tables.receive(good);
        // a "duplicate" must be the very message stored under its id, from the same sender: another
        // participant's id, or other bytes under a known id, is refused and changes nothing
        List<MessageTables.Stored> accepted = new ArrayList<>();
        for (MessageTables.Stored m : good) {
            if (fresh.contains(m.id())
                    || tables.find(m.id())
                            .filter(x -> x.direction() == MessageTables.Direction.IN
                                    && x.from().equals(peer)
                                    && java.util.Arrays.equals(x.envelope(), m.envelope()))
                            .isPresent()) {
                accepted.add(m);
            } else {
                contents.remove(m.id());
                ids.replaceAll(x -> m.id().equals(x) ? null : x);
            }
        }
        good = accepted;
        for (MessageTables.Stored m : good) {
            MessageEnvelope v = envelopes.get(m.id());
            if (!v.attachments().isEmpty()) {
                attachments.accepted(v, contents.get(m.id()));
            }
        }
        for (MessageTables.Stored m : good) {
            Listener l = MessageKind.parse(m.kind()).map(listeners::get).orElse(null);
            if (l != null) {
                l.received(m, contents.get(m.id()));
            }
        }
        if (!fresh.isEmpty()) {
            audit.channel(
                    AuditAction.MESSAGE_RECEIVED,
                    peer.value(),
                    peer,
                    "stored",
                    ids.stream().filter(fresh::contains).toList(),
                    Map.of());
        }
        ObjectNode out = JSON.createObjectNode();
        ArrayNode results = out.putArray("results");
        int refused = 0;
        for (UUID id : ids) {
            ObjectNode r = results.addObject();
            if (id == null) {
                r.put("status", "refused");
                r.put("code", ErrorCode.MESSAGE_INVALID.code());
                refused++;
            } else if (incomplete.contains(id) && !contents.containsKey(id)) {
                r.put("id", id.toString());
                r.put("status", "incomplete");
            } else {
                r.put("id", id.toString());
                r.put("status", fresh.contains(id) ? "stored" : "duplicate");
            }
        }
        if (refused > 0) {
            audit.channel(
                    AuditAction.MESSAGE_RECEIVED,
                    peer.value(),
                    peer,
                    ErrorCode.MESSAGE_INVALID.code(),
                    List.of(),
                    Map.of("refused", Integer.toString(refused)));
        }
        return out;
    }

    /** Read receipts a verified partner sends for messages this node sent it. */
    ObjectNode receipts(ParticipantCode peer, JsonNode request) {
        peerSeen(peer);
        Instant now = clock.instant();
        ObjectNode out = JSON.createObjectNode();
        ArrayNode results = out.putArray("results");
        List<UUID> applied = new ArrayList<>();
        for (JsonNode item : request.path("receipts")) {
            ObjectNode r = results.addObject();
            UUID id;
            try {
                id = UUID.fromString(item.path("message").asText());
            } catch (IllegalArgumentException e) {
                r.put("status", "unknown");
                continue;
            }
            r.put("message", id.toString());
            boolean read = "read".equals(item.path("status").asText());
            if (read && tables.readBy(id, peer, now)) {
                applied.add(id);
                r.put("status", "applied");
            } else {
                r.put(
                        "status",
                        tables.find(id)
                                        .filter(x ->
                                                x.direction() == MessageTables.Direction.OUT && x.to().equals(peer))
                                        .isPresent()
                                ? "applied"
                                : "unknown");
            }
        }
        if (!applied.isEmpty()) {
            audit.channel(AuditAction.MESSAGE_READ_RECEIPT, peer.value(), peer, "read", applied, Map.of());
        }
        return out;
    }

    private static Optional<PublicKey> publicKey(Directory d, ParticipantCode p) {
        Optional<Participant> participant = d.participant(p);
        if (participant.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Pem.decode(participant.get().certificatePem()).getPublicKey());
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    /** A verified request from {@code peer}: it is up, so what waits for it is due now. */
    void peerSeen(ParticipantCode peer) {
        if (waiting.remove(peer)) {
            tables.retryNow(peer, clock.instant());
            wake();
        }
    }

    // ---------------------------------------------------------------- delivering (the worker)

    void wake() {
        lock.lock();
        try {
            wake = true;
            signal.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Recipients with deliveries in flight: the next rounds skip them, so a slow or unreachable partner
     * delays only what goes to it.
     */
    private final Set<ParticipantCode> busy = ConcurrentHashMap.newKeySet();

    private void deliverForever() {
        while (!closed) {
            try {
                Instant now = clock.instant();
                Instant soonest = null;
                boolean started = false;
                for (Map.Entry<ParticipantCode, Instant> e :
                        tables.nextAttempts().entrySet()) {
                    ParticipantCode recipient = e.getKey();
                    if (busy.contains(recipient)) {
                        continue; // its delivery in flight wakes this loop when it is done
                    }
                    if (e.getValue().isAfter(now)) {
                        soonest = soonest == null || e.getValue().isBefore(soonest) ? e.getValue() : soonest;
                        continue;
                    }
                    busy.add(recipient);
                    try {
                        calls.submit(() -> deliverTo(recipient, now));
                        started = true;
                    } catch (java.util.concurrent.RejectedExecutionException closing) {
                        busy.remove(recipient);
                        return;
                    }
                }
                if (!started) {
                    Duration idle = soonest == null ? IDLE_POLL : Duration.between(clock.instant(), soonest);
                    pause(idle.compareTo(IDLE_POLL) < 0 ? idle : IDLE_POLL);
                }
            } catch (Exception e) {
                if (closed) {
                    return;
                }
                LOG.warn(
                        "delivery round failed ({}); retrying in a second",
                        e.getClass().getName());
                pause(Duration.ofSeconds(1));
            }
        }
    }

    /** Everything due to one recipient, its batches in parallel; the recipient is free again after. */
    private void deliverTo(ParticipantCode recipient, Instant now) {
        boolean interrupted = false;
        List<MessageTables.Due> due = List.of();
        try {
            due = tables.due(recipient, now, 10 * BATCH);
            Map<String, List<MessageTables.Due>> byKind = new LinkedHashMap<>();
            for (MessageTables.Due d : due) {
                byKind.computeIfAbsent(d.kind(), k -> new ArrayList<>()).add(d);
            }
            Map<Future<?>, List<MessageTables.Due>> running = new LinkedHashMap<>();
            for (List<MessageTables.Due> group : byKind.values()) {
                for (List<MessageTables.Due> batch : batches(group)) {
                    running.put(calls.submit(() -> deliver(batch)), batch);
                }
            }
            for (Map.Entry<Future<?>, List<MessageTables.Due>> f : running.entrySet()) {
                try { // every one, so none is in flight when the recipient is free again
                    f.getKey().get();
                } catch (java.util.concurrent.ExecutionException e) {
                    LOG.warn(
                            "delivery to {} failed ({})",
                            recipient,
                            e.getCause().getClass().getName());
                    rescheduleAfterFailure(f.getValue());
                }
            }
        } catch (InterruptedException e) {
            interrupted = true; // closing: calls may still run, so the recipient is not freed
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("delivery to {} failed ({})", recipient, e.getClass().getName());
            rescheduleAfterFailure(due);
        } finally {
            if (!interrupted) {
                busy.remove(recipient);
                wake();
            }
        }
    }

    /**
     * Rows of a delivery that failed unexpectedly wait their backoff like any failed attempt, so a
     * failure that repeats does not spin (rows it had settled are no longer affected).
     */
    private void rescheduleAfterFailure(List<MessageTables.Due> rows) {
        Instant now = clock.instant();
        for (MessageTables.Due d : rows) {
            try {
                retryOrGiveUp(d, ErrorCode.PARTNER_UNREACHABLE, now);
            } catch (RuntimeException again) {
                LOG.warn("cannot reschedule a delivery ({})", again.getClass().getName());
            }
        }
    }

    /** Consecutive runs of at most {@link #BATCH} deliveries and {@link #BATCH_BYTES} bytes of envelopes. */
    static List<List<MessageTables.Due>> batches(List<MessageTables.Due> group) {
        List<List<MessageTables.Due>> out = new ArrayList<>();
        int start = 0;
        long bytes = 0;
        for (int i = 0; i < group.size(); i++) {
            int size = group.get(i).envelope().length;
            if (i > start && (i - start == BATCH || bytes + size > BATCH_BYTES)) {
                out.add(group.subList(start, i));
                start = i;
                bytes = 0;
            }
            bytes += size;
        }
        if (start < group.size()) {
            out.add(group.subList(start, group.size()));
        }
        return out;
    }

    private void pause(Duration d) {
        lock.lock();
        try {
            long nanos = Math.max(1, d.toNanos());
            while (!wake && !closed && nanos > 0) {
                nanos = signal.awaitNanos(nanos);
            }
            wake = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        } finally {
            lock.unlock();
        }
    }

    /** One request to one recipient: messages (their attachments' segments first), or read receipts. */
    private void deliver(List<MessageTables.Due> all) {
        ParticipantCode to = all.get(0).recipient();
        boolean messages = all.get(0).kind().equals("message");
        List<MessageTables.Due> batch = new ArrayList<>();
        for (MessageTables.Due d : all) {
            Optional<MessageEnvelope> e =
                    messages && d.attachments() ? MessageCodec.envelope(d.envelope()) : Optional.empty();
            if (e.isPresent() && !e.get().attachments().isEmpty() && !attachments.deliverSegments(to, e.get())) {
                waiting.add(to);
                retryOrGiveUp(d, ErrorCode.PARTNER_UNREACHABLE, clock.instant());
            } else {
                batch.add(d);
            }
        }
        if (batch.isEmpty()) {
            return;
        }
        ObjectNode body = JSON.createObjectNode();
        ArrayNode items = body.putArray(messages ? "messages" : "receipts");
        for (MessageTables.Due d : batch) {
            ObjectNode o = items.addObject();
            if (messages) {
                o.put("envelope", new String(d.envelope(), java.nio.charset.StandardCharsets.US_ASCII));
                o.put("signature", MessageCodec.base64(d.signature()));
            } else {
                o.put("message", d.message().toString());
                o.put("status", "read");
            }
        }
        HttpPartnerGateway.Call call =
                federation.post(to, messages ? MESSAGES_PATH : RECEIPTS_PATH, MessageCodec.bytes(body), CALL_TIMEOUT);
        Instant now = clock.instant();
        JsonNode results = null;
        ErrorCode failure = null;
        switch (call) {
            case HttpPartnerGateway.Call.Failed f -> failure = f.code();
            case HttpPartnerGateway.Call.Reply r -> {
                try {
                    JsonNode json = JSON.readTree(r.body());
                    if (r.status() == 200 && json.path("results").size() == batch.size()) {
                        results = json.path("results");
                    } else {
                        failure = ErrorCode.fromCode(json.path("code").asText()).orElse(ErrorCode.PARTNER_UNREACHABLE);
                    }
                } catch (IOException e) {
                    failure = ErrorCode.PARTNER_UNREACHABLE;
                }
            }
        }
        if (results == null) {
            waiting.add(to);
            for (MessageTables.Due d : batch) {
                retryOrGiveUp(d, failure, now);
            }
            return;
        }
        List<MessageTables.Due> done = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            String status = results.get(i).path("status").asText();
            MessageTables.Due d = batch.get(i);
            if (status.equals("incomplete") || status.equals("retry")) {
                retryOrGiveUp(d, ErrorCode.PARTNER_UNREACHABLE, now);
            } else if (status.equals("refused")) {
                ErrorCode code =
                        ErrorCode.fromCode(results.get(i).path("code").asText()).orElse(ErrorCode.MESSAGE_INVALID);
                giveUp(d, code, now);
            } else {
                done.add(d); // stored, duplicate (stored before), applied, unknown (nothing to apply it to)
            }
        }
        tables.delivered(done, now);
        List<UUID> delivered = done.stream()
                .filter(d -> d.kind().equals("message"))
                .map(MessageTables.Due::message)
                .toList();
        if (!delivered.isEmpty()) {
            audit.channel(AuditAction.MESSAGE_DELIVERED, to.value(), to, "delivered", delivered, Map.of());
        }
    }

    private void retryOrGiveUp(MessageTables.Due d, ErrorCode failure, Instant now) {
        if (!now.isBefore(d.deliverBy())) {
            giveUp(d, ErrorCode.MESSAGE_UNDELIVERABLE, now);
            return;
        }
        Instant next = now.plus(backoff.delay(d.attempts() + 1, RANDOM.nextDouble()));
        tables.retryLater(d, next.isAfter(d.deliverBy()) ? d.deliverBy() : next, failure.code());
    }

    private void giveUp(MessageTables.Due d, ErrorCode code, Instant now) {
        tables.giveUp(d, code.code(), now);
        if (d.kind().equals("message")) {
            audit.channel(
                    AuditAction.MESSAGE_UNDELIVERABLE,
                    self.value(),
                    d.recipient(),
                    code.code(),
                    List.of(d.message()),
                    Map.of("attempts", Integer.toString(d.attempts() + 1)));
        }
    }

    @Override
    public void close() {
        closed = true;
        wake();
        worker.interrupt();
        try {
            worker.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        calls.shutdownNow();
        try {
            calls.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS); // their results recorded first
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
