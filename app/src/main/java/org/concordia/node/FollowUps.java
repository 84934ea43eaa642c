package org.concordia.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.concordia.audit.AuditAction;
import org.concordia.channel.FollowUp;
import org.concordia.channel.MessageContent;
import org.concordia.channel.MessageKind;
import org.concordia.channel.Urgency;
import org.concordia.json.RecordEncoder;
import org.concordia.model.HandlingCode;
import org.concordia.model.ParticipantCode;
import org.concordia.model.TlpLabel;
import org.concordia.port.RecordStore;
import org.concordia.port.VersionedRecord;
import org.concordia.problem.ErrorCode;
import org.concordia.sharing.Purpose;
import org.concordia.store.FollowUpTables;
import org.concordia.store.MessageTables;
import org.concordia.store.NodeTables;

/**
 * Follow-up requests over the channel (docs/decisions/0005): an officer who got a hit-only answer asks
 * the record's owner for the record, naming the answer's opaque reference, a purpose, a legal basis,
 * an urgency and a justification; the owner's data-protection officer or an authorised officer ({@link
 * Roles#RELEASER}) approves all or part of the record, which travels back sealed under the record's own
 * handling label, or refuses with a reason. Deadlines by urgency come from the node's settings (EU
 * Directive 2023/977: 8 hours urgent, 3 days standard); a request past its deadline is flagged overdue
 * and escalated to the configured role. Every request, decision and flag is audited on both sides.
 */
final class FollowUps implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RecordEncoder ENCODER = new RecordEncoder();
    /** Record fields always kept in a partial release: what identifies the record and says how to handle it. */
    private static final Set<String> ALWAYS = Set.of("id", "type", "owner", "handling");
    /** How often open requests are checked against their deadlines (also on every list). */
    private static final Duration CHECK_EVERY = Duration.ofSeconds(30);

    private final ParticipantCode self;
    private final Channel channel;
    private final FollowUpTables followUps;
    private final NodeTables tables;
    private final RecordStore records;
    private final NodeAudit audit;
    private final NodeSettings.Channel settings;
    private final Clock clock;
    private final ScheduledExecutorService overdueCheck;

    FollowUps(
            ParticipantCode self,
            Channel channel,
            FollowUpTables followUps,
            NodeTables tables,
            RecordStore records,
            NodeAudit audit,
            NodeSettings.Channel settings,
            Clock clock) {
        this.self = self;
        this.channel = channel;
        this.followUps = followUps;
        this.tables = tables;
        this.records = records;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
        channel.listen(MessageKind.FOLLOW_UP_REQUEST, this::requestReceived);
        channel.listen(MessageKind.FOLLOW_UP_DECISION, this::decisionReceived);
        this.overdueCheck = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .daemon()
                .name("concordia-follow-up-deadlines")
                .factory());
        overdueCheck.scheduleWithFixedDelay(
                this::flagOverdueQuietly, CHECK_EVERY.toMillis(), CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** What an officer asks. */
    record Request(
            ParticipantCode owner,
            String reference,
            Purpose purpose,
            String legalBasis,
            Urgency urgency,
            String justification) {}

    /** A follow-up as a user sees it: the row, the request's and the decision's opened content. */
    record View(FollowUpTables.Row row, Optional<ObjectNode> request, Optional<ObjectNode> decision) {}

    Duration deadline(Urgency u) {
        return u == Urgency.URGENT ? settings.urgentDeadline() : settings.standardDeadline();
    }

    /** Sends a request to the record's owner; stored with its deadline in the same transaction. */
    Channel.Sent request(String user, Request r) {
        ObjectNode extra = JSON.createObjectNode();
        ObjectNode f = extra.putObject("followUp");
        f.put("reference", r.reference());
        f.put("purpose", r.purpose().code());
        f.put("purposeText", r.purpose().text());
        f.put("legalBasis", r.legalBasis());
        f.put("urgency", r.urgency().wireName());
        Instant now = clock.instant();
        Channel.Sent sent = channel.send(
                user,
                r.owner(),
                new MessageContent("Follow-up request (" + r.urgency().wireName() + ")", r.justification()),
                TlpLabel.AMBER,
                HandlingCode.H0,
                null,
                MessageKind.FOLLOW_UP_REQUEST,
                extra,
                (c, id) -> FollowUpTables.insert(
                        c,
                        FollowUp.requested(
                                id,
                                true,
                                r.owner(),
                                r.reference(),
                                r.purpose().code(),
                                r.urgency(),
                                now,
                                deadline(r.urgency())),
                        user),
                List.of());
        if (sent instanceof Channel.Sent.Queued q) {
            audit.channel(
                    AuditAction.FOLLOW_UP_REQUEST,
                    user,
                    r.owner(),
                    "requested",
                    List.of(q.message().id()),
                    Map.of(
                            "urgency",
                            r.urgency().wireName(),
                            "purpose",
                            r.purpose().code()));
        }
        return sent;
    }

    /** At the owner: a partner's request arrives (idempotent: a duplicate delivery changes nothing). */
    private void requestReceived(MessageTables.Stored m, ObjectNode content) {
        JsonNode f = content.path("followUp");
        Optional<Urgency> urgency = Urgency.parse(f.path("urgency").asText());
        String purpose =
                Purpose.parse(f.path("purpose").asText()).map(Purpose::code).orElse(null);
        if (urgency.isEmpty() || purpose == null || !f.path("reference").isTextual()) {
            return; // stored as a message; not a request this node can act on
        }
        FollowUp request = FollowUp.requested(
                m.id(),
                false,
                m.from(),
                f.path("reference").asText(),
                purpose,
                urgency.get(),
                m.createdAt().isBefore(m.statusAt()) ? m.statusAt() : m.createdAt(),
                deadline(urgency.get()));
        if (followUps.insert(request, null)) {
            audit.channel(
                    AuditAction.FOLLOW_UP_REQUEST,
                    m.from().value(),
                    m.from(),
                    "received",
                    List.of(m.id()),
                    Map.of("urgency", urgency.get().wireName(), "purpose", purpose));
        }
    }

    /** At the requester: the owner's decision arrives. */
    private void decisionReceived(MessageTables.Stored m, ObjectNode content) {
        JsonNode f = content.path("followUp");
        UUID request;
        try {
            request = UUID.fromString(f.path("request").asText());
        } catch (IllegalArgumentException e) {
            return;
        }
        Optional<FollowUp.State> decision =
                FollowUp.State.parse(f.path("decision").asText());
        Optional<FollowUpTables.Row> row = followUps.find(request);
        if (decision.isEmpty()
                || decision.get() == FollowUp.State.REQUESTED
                || row.isEmpty()
                || !row.get().followUp().outgoing()
                || !row.get().followUp().partner().equals(m.from())) {
            return; // not a decision on a request this node sent that owner
        }
        if (followUps.decide(request, decision.get(), clock.instant(), null, m.id())) {
            audit.channel(
                    AuditAction.FOLLOW_UP_DECISION,
                    m.from().value(),
                    m.from(),
                    decision.get().wireName(),
                    List.of(request, m.id()),
                    Map.of());
        }
    }

    /**
     * The owner's decision: approve (the record, or only {@code fields} of it, travels to the requester
     * under the record's handling label) or refuse (with {@code reason}).
     *
     * @param fields the record's fields to release; empty for all
     */
    Channel.Sent decide(UUID id, String user, FollowUp.State decision, List<String> fields, String reason) {
        Optional<FollowUpTables.Row> row = followUps.find(id);
        if (row.isEmpty() || row.get().followUp().outgoing()) {
            return new Channel.Sent.Refused(ErrorCode.NOT_FOUND, "no such follow-up request to this node");
        }
        FollowUp f = row.get().followUp();
        if (f.decide(decision) instanceof FollowUp.Decided.Refused r) {
            return new Channel.Sent.Refused(r.code(), "the request was decided before");
        }
        ObjectNode extra = JSON.createObjectNode();
        ObjectNode d = extra.putObject("followUp");
        d.put("request", id.toString());
        d.put("decision", decision.wireName());
        TlpLabel tlp = TlpLabel.AMBER;
        HandlingCode code = HandlingCode.H0;
        String recordId = null;
        String body;
        if (decision == FollowUp.State.APPROVED) {
            Optional<VersionedRecord> record = recordOf(f);
            if (record.isEmpty()) {
                return new Channel.Sent.Refused(
                        ErrorCode.NOT_FOUND, "the reference names no record of this owner any more: refuse it");
            }
            tlp = record.get().record().envelope().handling().tlp();
            code = record.get().record().envelope().handling().code();
            recordId = record.get().record().id().value();
            ObjectNode released = released(record.get(), fields);
            d.set("record", released);
            ArrayNode names = d.putArray("fields");
            released.fieldNames().forEachRemaining(names::add);
            body = fields.isEmpty() ? "The record is released in full." : "Part of the record is released.";
        } else {
            d.put("reason", reason);
            body = reason;
        }
        Instant now = clock.instant();
        Channel.Sent sent = channel.send(
                user,
                f.partner(),
                new MessageContent("Follow-up " + decision.wireName(), body),
                tlp,
                code,
                id,
                MessageKind.FOLLOW_UP_DECISION,
                extra,
                (c, messageId) -> FollowUpTables.decide(c, id, decision, now, user, messageId),
                List.of());
        if (sent instanceof Channel.Sent.Queued q) {
            Map<String, String> details = recordId == null
                    ? Map.of()
                    : Map.of("record", NodeAudit.token(self.value() + "/" + recordId), "tlp", tlp.wireName());
            audit.channel(
                    AuditAction.FOLLOW_UP_DECISION,
                    user,
                    f.partner(),
                    decision.wireName(),
                    List.of(id, q.message().id()),
                    details);
        }
        return sent;
    }

    private Optional<VersionedRecord> recordOf(FollowUp f) {
        return tables.reference(f.reference())
                .filter(ref -> ref.partner().equals(f.partner()) && ref.owner().equals(self))
                .flatMap(ref -> records.find(ref.owner(), ref.recordId()));
    }

    private static ObjectNode released(VersionedRecord v, List<String> fields) {
        ObjectNode all;
        try {
            all = (ObjectNode) JSON.readTree(ENCODER.encode(v.record()));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a record did not encode", e);
        }
        if (fields.isEmpty()) {
            return all;
        }
        ObjectNode part = JSON.createObjectNode();
        all.properties().forEach(e -> {
            if (ALWAYS.contains(e.getKey()) || fields.contains(e.getKey())) {
                part.set(e.getKey(), e.getValue());
            }
        });
        return part;
    }

    /** The newest follow-ups, overdue ones flagged first. */
    List<View> list(int limit) {
        flagOverdue();
        return followUps.list(limit).stream()
                .map(r -> new View(r, Optional.empty(), Optional.empty()))
                .toList();
    }

    /** One follow-up with the request's and the decision's content (a released record among it). */
    Optional<View> view(UUID id, String user) {
        flagOverdue();
        return followUps
                .find(id)
                .map(r -> new View(
                        r,
                        channel.read(id, user).flatMap(Channel.View::content),
                        r.decisionMessage() == null
                                ? Optional.empty()
                                : channel.read(r.decisionMessage(), user).flatMap(Channel.View::content)));
    }

    /** Flags requests past their deadline and escalates them to the configured role; audited. */
    void flagOverdue() {
        String role = settings.escalationRole().wireName();
        for (FollowUp f : followUps.flagOverdue(clock.instant(), role)) {
            audit.channel(
                    AuditAction.FOLLOW_UP_OVERDUE,
                    self.value(),
                    f.partner(),
                    "overdue",
                    List.of(f.id()),
                    Map.of("escalated-to", role, "urgency", f.urgency().wireName()));
        }
    }

    private void flagOverdueQuietly() {
        try {
            flagOverdue();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(FollowUps.class)
                    .warn("deadline check failed ({})", e.getClass().getName());
        }
    }

    @Override
    public void close() {
        overdueCheck.shutdownNow();
    }
}
