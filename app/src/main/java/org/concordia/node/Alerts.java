package org.concordia.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.concordia.alert.Alert;
import org.concordia.alert.AlertIndex;
import org.concordia.alert.AlertType;
import org.concordia.audit.AuditAction;
import org.concordia.channel.MessageContent;
import org.concordia.channel.MessageIds;
import org.concordia.channel.MessageKind;
import org.concordia.federation.Directory;
import org.concordia.federation.Participant;
import org.concordia.json.AlertJson;
import org.concordia.model.Handling;
import org.concordia.model.ParticipantCode;
import org.concordia.model.Record;
import org.concordia.model.RecordType;
import org.concordia.model.TlpLabel;
import org.concordia.port.RecordStore;
import org.concordia.port.VersionedRecord;
import org.concordia.problem.ErrorCode;
import org.concordia.problem.Problem;
import org.concordia.sharing.Purpose;
import org.concordia.sharing.SharingAgreement;
import org.concordia.sharing.SharingMode;
import org.concordia.sharing.SharingPolicy;
import org.concordia.store.AlertTables;
import org.concordia.store.MessageTables;
import org.concordia.store.NodeTables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alerts over the channel (docs/decisions/0006). At the owner: publish, update and cancel (each version
 * sent to every recipient by the durable outbox, again after a crash until each recipient has it), hit
 * reports received, and the owner's decision on each (an identity link, sent back). At a recipient:
 * alerts received and kept in an {@link AlertIndex}; each new alert (or version) checked against every
 * record held, and every record stored later checked against every active alert, by one worker; a hit
 * stored once per alert and record (what the officers are notified of) and reported to the owner in the
 * same transaction, with what this node's agreement with the owner allows for the record (the record
 * in full, or by default hit-only: a reference for a follow-up request and a score, no personal data).
 *
 * <p>Thread-safe.
 */
final class Alerts implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Alerts.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    /** The actor of what the worker does on its own (reports, sends of updates). */
    static final String SYSTEM = "system:alerts";
    /** Records checked per round of the worker. */
    private static final int PENDING_BATCH = 1_000;
    /** New alerts checked against every record per pass over the records. */
    private static final int NEW_ALERTS_BATCH = 5_000;
    /** How often the worker looks again without being woken (sends to retry, alerts expired). */
    private static final Duration ROUND = Duration.ofSeconds(30);
    /** The purpose under which a record is disclosed in a hit report, for agreements that list purposes. */
    static final Purpose HIT_REPORT = Purpose.parse("alert-hit").orElseThrow();

    private final ParticipantCode self;
    private final Channel channel;
    private final AlertTables tables;
    private final NodeTables nodeTables;
    private final RecordStore records;
    private final Supplier<SharingPolicy> policy;
    private final Supplier<Optional<Directory>> directory;
    private final NodeAudit audit;
    private final AlertIndex<?> index;
    private final Supplier<AlertIndex<?>> scratch;
    private final NodeMetrics metrics;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition signal = lock.newCondition();
    private boolean wake;
    private volatile boolean closed;
    private final Thread worker;

    /** The outcome of a publication, an update or a cancellation. */
    sealed interface Outcome {
        record Done(Alert alert, List<ParticipantCode> recipients) implements Outcome {}

        /** @param status the HTTP status it answers */
        record Refused(int status, ErrorCode code, String reason) implements Outcome {}
    }

    /**
     * @param index the alerts this node checks its records against (received, active)
     * @param scratch makes an empty index like {@code index}, for checking new alerts against every record
     */
    Alerts(
            ParticipantCode self,
            Channel channel,
            AlertTables tables,
            NodeTables nodeTables,
            RecordStore records,
            Supplier<SharingPolicy> policy,
            Supplier<Optional<Directory>> directory,
            NodeAudit audit,
            AlertIndex<?> index,
            Supplier<AlertIndex<?>> scratch,
            NodeMetrics metrics,
            Clock clock) {
        this.metrics = metrics;
        this.self = self;
        this.channel = channel;
        this.tables = tables;
        this.nodeTables = nodeTables;
        this.records = records;
        this.policy = policy;
        this.directory = directory;
        this.audit = audit;
        this.index = index;
        this.scratch = scratch;
        this.clock = clock;
        index.putAll(tables.activeReceived(self, clock.instant()));
        channel.listen(MessageKind.ALERT, this::alertReceived);
        channel.listen(MessageKind.ALERT_HIT, this::hitReceived);
        channel.listen(MessageKind.ALERT_HIT_DECISION, this::decisionReceived);
        this.worker = Thread.ofPlatform()
                .name("concordia-alerts-" + self.value())
                .daemon()
                .start(this::workForever);
    }

    // ------------------------------------------------------------------------------ at the owner

    /** Publishes an alert read from a user's request ({@link AlertJson#request}) to its recipients. */
    Outcome publish(String user, JsonNode request) {
        Instant now = clock.instant();
        UUID id = MessageIds.next(now);
        Alert alert;
        switch (AlertJson.request(request, self, id, now)) {
            case AlertJson.Read.Invalid i -> {
                return invalid(i.problems());
            }
            case AlertJson.Read.Ok ok -> alert = ok.alert();
        }
        Optional<Directory> d = directory.get();
        if (d.isEmpty()) {
            return new Outcome.Refused(
                    422,
                    ErrorCode.RECIPIENT_CANNOT_RECEIVE,
                    "this node is not in a federation: it has no one to alert");
        }
        List<ParticipantCode> unknown = alert.recipients().unknown(d.get());
        if (!unknown.isEmpty()) {
            return new Outcome.Refused(
                    422,
                    ErrorCode.UNKNOWN_PARTICIPANT,
                    "not in the federation directory: "
                            + String.join(
                                    ", ",
                                    unknown.stream().map(ParticipantCode::value).toList()));
        }
        List<ParticipantCode> to = new ArrayList<>();
        for (Participant p : alert.recipients().resolve(d.get(), self)) {
            if (p.encryptionKey().isPresent()) {
                to.add(p.code());
            }
        }
        if (to.isEmpty()) {
            return new Outcome.Refused(
                    422, ErrorCode.RECIPIENT_CANNOT_RECEIVE, "no participant of these recipients can receive alerts");
        }
        tables.publish(alert, user, to, now);
        audit.channel(
                AuditAction.ALERT_PUBLISHED,
                user,
                null,
                "published",
                List.of(alert.id()),
                Map.of("type", alert.type().wireName(), "version", "1", "recipients", Integer.toString(to.size())));
        wake();
        return new Outcome.Done(alert, to);
    }

    /**
     * A new version of an own alert: another subject, requested action or end of validity; its type and
     * recipients stay.
     */
    Outcome update(String user, UUID id, JsonNode request) {
        Optional<AlertTables.Row> held = own(id, user);
        if (held.isEmpty()) {
            return notFound();
        }
        Alert before = held.get().alert();
        if (before.status() == Alert.Status.CANCELLED) {
            return new Outcome.Refused(409, ErrorCode.ALERT_CLOSED, "the alert is cancelled");
        }
        if (request instanceof ObjectNode o) { // recipients stay; the validity too unless a new end is given
            o = o.deepCopy();
            if (!o.has("recipients")) {
                o.set("recipients", AlertJson.recipients(before.recipients()));
            }
            if (!o.hasNonNull("validUntil") && before.validUntil().isAfter(clock.instant())) {
                o.put("validUntil", before.validUntil().toString());
            }
            request = o;
        }
        Alert asked;
        switch (AlertJson.request(request, self, id, clock.instant())) {
            case AlertJson.Read.Invalid i -> {
                return invalid(i.problems());
            }
            case AlertJson.Read.Ok ok -> asked = ok.alert();
        }
        if (asked.type() != before.type()) {
            return new Outcome.Refused(400, ErrorCode.INVALID_VALUE, "an update keeps the alert's type");
        }
        Alert next;
        try {
            next = before.updated(asked.subject(), asked.requestedAction(), asked.validUntil());
        } catch (IllegalArgumentException e) {
            return new Outcome.Refused(400, ErrorCode.INVALID_VALUE, "not a valid update of this alert");
        }
        return replace(user, next, "updated");
    }

    /** Cancels an own alert: it stops matching at every recipient. */
    Outcome cancel(String user, UUID id) {
        Optional<AlertTables.Row> held = own(id, user);
        if (held.isEmpty()) {
            return notFound();
        }
        if (held.get().alert().status() == Alert.Status.CANCELLED) {
            return new Outcome.Refused(409, ErrorCode.ALERT_CLOSED, "the alert is cancelled already");
        }
        return replace(user, held.get().alert().cancelled(), "cancelled");
    }

    private Outcome replace(String user, Alert next, String outcome) {
        if (!tables.replaceOwn(next, clock.instant())) {
            return new Outcome.Refused(409, ErrorCode.ALERT_CLOSED, "the alert was changed meanwhile");
        }
        audit.channel(
                AuditAction.ALERT_PUBLISHED,
                user,
                null,
                outcome,
                List.of(next.id()),
                Map.of("type", next.type().wireName(), "version", Integer.toString(next.version())));
        wake();
        return new Outcome.Done(next, tables.recipients(next.id()));
    }

    private Optional<AlertTables.Row> own(UUID id) {
        return tables.find(id).filter(r -> r.alert().owner().equals(self));
    }

    /** An own alert {@code user} may change: any but another user's watch (a subscription is its user's). */
    private Optional<AlertTables.Row> own(UUID id, String user) {
        return own(id).filter(r -> visibleTo(r, user));
    }

    /** Whether {@code user} sees an alert of this node: all but other users' watches. */
    static boolean visibleTo(AlertTables.Row r, String user) {
        return r.alert().type() != AlertType.WATCH
                || !r.alert().owner().equals(r.alert().subject().owner())
                || r.publishedBy() == null
                || r.publishedBy().equals(user);
    }

    private static Outcome notFound() {
        return new Outcome.Refused(404, ErrorCode.NOT_FOUND, "no such alert of this node");
    }

    private static Outcome invalid(List<Problem> problems) {
        Problem first = problems.stream().filter(Problem::isError).findFirst().orElse(problems.getFirst());
        long errors = problems.stream().filter(Problem::isError).count();
        return new Outcome.Refused(
                400,
                first.code(),
                (first.pointer().isEmpty() ? "" : first.pointer() + ": ")
                        + first.message()
                        + (errors > 1 ? " (and " + (errors - 1) + " more)" : ""));
    }

    /**
     * Sends each recipient the newest version it has not been sent. A recipient that cannot be sent to now
     * (it left the directory, it has no key) is skipped until the next round, so it holds up no other.
     */
    private void distribute() {
        java.util.Set<ParticipantCode> skipped = new java.util.HashSet<>();
        for (List<AlertTables.Unsent> unsent = tables.unsent(200, skipped);
                !unsent.isEmpty();
                unsent = tables.unsent(200, skipped)) {
            for (AlertTables.Unsent u : unsent) {
                if (skipped.contains(u.participant())) {
                    continue;
                }
                Optional<AlertTables.Row> row = tables.find(u.alert());
                if (row.isEmpty()) {
                    continue;
                }
                Alert a = row.get().alert();
                ObjectNode extra = JSON.createObjectNode();
                extra.set("alert", AlertJson.write(a));
                Handling h = a.handling();
                Channel.Sent sent = channel.send(
                        SYSTEM,
                        u.participant(),
                        new MessageContent("Alert " + a.type().wireName() + " " + a.id() + " v" + a.version(), ""),
                        h.tlp(),
                        h.code(),
                        a.id(),
                        MessageKind.ALERT,
                        extra,
                        (c, message) -> AlertTables.sent(c, a.id(), u.participant(), a.version()),
                        List.of());
                if (sent instanceof Channel.Sent.Refused r) {
                    skipped.add(u.participant());
                    LOG.info(
                            "alerts not queued for {} this round: {}",
                            u.participant(),
                            r.code().code());
                }
            }
        }
    }

    /** At the owner: a recipient reports a hit on one of this node's alerts. */
    private void hitReceived(MessageTables.Stored m, ObjectNode content) {
        JsonNode h = content.path("hit");
        UUID hitId;
        UUID alertId;
        try {
            hitId = UUID.fromString(h.path("id").asText());
            alertId = UUID.fromString(h.path("alert").asText());
        } catch (IllegalArgumentException e) {
            return;
        }
        String reply = h.path("reply").asText();
        double score = h.path("score").asDouble(-1);
        if (own(alertId).isEmpty()
                || !tables.recipients(alertId).contains(m.from())
                || !(reply.equals("hit") || reply.equals("hit-only"))
                || !(score >= 0 && score <= 1)) {
            return; // not a report this node can take: stored as a message only
        }
        AlertTables.Hit hit = new AlertTables.Hit(
                hitId,
                "reported",
                alertId,
                m.from(),
                reply.equals("hit") ? h.path("recordId").asText(null) : null,
                reply.equals("hit-only") ? h.path("reference").asText(null) : null,
                reply,
                score,
                h.path("on").asText("person"),
                m.createdAt(),
                "new",
                null,
                null,
                m.id(),
                null,
                h.path("event").asText("hit").equals("changed") ? "changed" : "hit");
        if (tables.insertHit(hit)) {
            metrics.alertHit("reported", reply);
            audit.channel(
                    AuditAction.ALERT_HIT,
                    m.from().value(),
                    m.from(),
                    "reported",
                    List.of(hitId, alertId),
                    Map.of("reply", reply, "on", hit.matchedOn()));
        }
    }

    /**
     * The owner's decision on a reported hit: confirmed (the same person or object: an identity link
     * "same") or rejected ("different"); stored with the link and sent back to the recipient in one
     * transaction.
     */
    Outcome decide(String user, UUID hitId, boolean confirm) {
        Optional<AlertTables.Hit> found = tables.hit(hitId).filter(h -> h.side().equals("reported"));
        if (found.isEmpty()) {
            return new Outcome.Refused(404, ErrorCode.NOT_FOUND, "no such hit on an alert of this node");
        }
        AlertTables.Hit hit = found.get();
        Optional<AlertTables.Row> alert = own(hit.alert(), user);
        if (alert.isEmpty()) {
            return new Outcome.Refused(404, ErrorCode.NOT_FOUND, "no such hit on an alert of this node");
        }
        if (hit.event().equals("changed")) {
            return new Outcome.Refused(
                    400, ErrorCode.INVALID_VALUE, "a change of a record is not decided: decide the hit it follows");
        }
        if (!hit.state().equals("new")) {
            return new Outcome.Refused(409, ErrorCode.HIT_DECIDED, "the hit was decided before");
        }
        Instant now = clock.instant();
        String state = confirm ? "confirmed" : "rejected";
        Alert a = alert.get().alert();
        AlertTables.Link link = new AlertTables.Link(
                hit.id(),
                self,
                a.subject().id().value(),
                hit.participant(),
                hit.recordId(),
                hit.reference(),
                confirm ? "same" : "different",
                "alert-hit",
                hit.score(),
                user,
                now);
        ObjectNode extra = JSON.createObjectNode();
        ObjectNode d = extra.putObject("decision");
        d.put("hit", hit.id().toString());
        d.put("alert", a.id().toString());
        d.put("decision", state);
        Channel.Sent sent = channel.send(
                user,
                hit.participant(),
                new MessageContent("Hit " + state + " on alert " + a.id(), ""),
                TlpLabel.AMBER,
                a.handling().code(),
                a.id(),
                MessageKind.ALERT_HIT_DECISION,
                extra,
                (c, message) -> {
                    if (!AlertTables.decide(c, hit.id(), state, user, now)) {
                        return false;
                    }
                    AlertTables.link(c, link);
                    return true;
                },
                List.of());
        return switch (sent) {
            case Channel.Sent.Queued q -> {
                audit.channel(
                        AuditAction.ALERT_HIT_DECISION,
                        user,
                        hit.participant(),
                        state,
                        List.of(hit.id(), a.id()),
                        Map.of());
                yield new Outcome.Done(a, List.of(hit.participant()));
            }
            case Channel.Sent.Declined declined ->
                new Outcome.Refused(409, ErrorCode.HIT_DECIDED, "the hit was decided meanwhile");
            case Channel.Sent.Refused r -> new Outcome.Refused(422, r.code(), r.reason());
        };
    }

    // -------------------------------------------------------------------------- at a recipient

    /** A partner's alert or a new version of it; only its owner may send it. Idempotent. */
    private void alertReceived(MessageTables.Stored m, ObjectNode content) {
        if (!(AlertJson.read(content.path("alert")) instanceof AlertJson.Read.Ok ok)
                || !ok.alert().owner().equals(m.from())) {
            return; // stored as a message; not an alert this node can take
        }
        Alert a = ok.alert();
        if (tables.receive(a, clock.instant())) {
            index.put(a);
            audit.channel(
                    AuditAction.ALERT_RECEIVED,
                    m.from().value(),
                    m.from(),
                    a.status().wireName(),
                    List.of(a.id()),
                    Map.of("type", a.type().wireName(), "version", Integer.toString(a.version())));
            wake();
        }
    }

    /** At a recipient: the owner decided a hit found here. Idempotent. */
    private void decisionReceived(MessageTables.Stored m, ObjectNode content) {
        JsonNode d = content.path("decision");
        UUID hitId;
        try {
            hitId = UUID.fromString(d.path("hit").asText());
        } catch (IllegalArgumentException e) {
            return;
        }
        String state = d.path("decision").asText();
        Optional<AlertTables.Hit> hit = tables.hit(hitId).filter(h -> h.side().equals("found"));
        if (hit.isEmpty() || !(state.equals("confirmed") || state.equals("rejected"))) {
            return;
        }
        Optional<AlertTables.Row> alert = tables.find(hit.get().alert());
        if (alert.isEmpty() || !alert.get().alert().owner().equals(m.from())) {
            return; // only the alert's owner decides its hits
        }
        Alert a = alert.get().alert();
        AlertTables.Link link = new AlertTables.Link(
                hitId,
                a.owner(),
                a.subject().id().value(),
                self,
                hit.get().recordId(),
                hit.get().reference(),
                state.equals("confirmed") ? "same" : "different",
                "alert-hit",
                hit.get().score(),
                m.from().value(),
                m.createdAt());
        if (tables.decided(hitId, state, m.from().value(), clock.instant(), link)) {
            audit.channel(
                    AuditAction.ALERT_HIT_DECISION,
                    m.from().value(),
                    m.from(),
                    state,
                    List.of(hitId, a.id()),
                    Map.of());
        }
    }

    /**
     * Checks received alerts not yet checked against every record (new ones, new versions): one pass over
     * the records of the types they concern; true when there may be more.
     */
    private boolean checkNewAlerts() {
        List<Alert> batch = tables.unchecked(self, NEW_ALERTS_BATCH);
        if (batch.isEmpty()) {
            return false;
        }
        // held by the index before the pass, so that records stored meanwhile are checked against them
        index.putAll(batch);
        Instant now = clock.instant();
        Set<RecordType> types = EnumSet.noneOf(RecordType.class);
        for (Alert a : batch) {
            switch (a.subject().type()) {
                case PERSON, TRAVEL_DOCUMENT -> types.addAll(List.of(RecordType.PERSON, RecordType.TRAVEL_DOCUMENT));
                default -> types.add(a.subject().type());
            }
        }
        List<Found> hits = new ArrayList<>();
        try (AlertIndex<?> fresh = scratch.get()) {
            fresh.putAll(batch.stream().filter(a -> a.activeAt(now)).toList());
            for (RecordType t : types) {
                // collected first: the store's reader is not held while hits are reported
                records.forEachCurrent(t, r -> {
                    for (AlertIndex.Match m : fresh.check(r, now)) {
                        hits.add(new Found(m, r));
                    }
                });
            }
        }
        for (Found f : hits) {
            try {
                Optional<VersionedRecord> v =
                        records.find(f.record().owner(), f.record().id());
                found(f.match(), f.record(), v.map(VersionedRecord::version).orElse(null), false, now);
            } catch (RuntimeException e) {
                LOG.error(
                        "hit of record {} on alert {} not stored ({})",
                        f.record().id(),
                        f.match().alert().id(),
                        e.getClass().getSimpleName());
            }
        }
        tables.checked(batch);
        return batch.size() == NEW_ALERTS_BATCH;
    }

    private record Found(AlertIndex.Match match, Record record) {}

    /** Checks records stored since they were last checked against every active alert; true when there may be more. */
    private boolean checkStoredRecords() {
        List<AlertTables.Pending> pending = tables.pending(PENDING_BATCH);
        if (pending.isEmpty()) {
            return false;
        }
        Instant now = clock.instant();
        if (index.activeAt(now) > 0) {
            for (AlertTables.Pending p : pending) {
                try {
                    Optional<VersionedRecord> v = records.find(p.owner(), p.id());
                    if (v.isPresent()) {
                        for (AlertIndex.Match m : index.check(v.get().record(), now)) {
                            found(m, v.get().record(), v.get().version(), true, now);
                        }
                    }
                } catch (RuntimeException e) {
                    // one record that cannot be checked holds up no other: named (by id) for the operator
                    LOG.error(
                            "record {} not checked against the alerts ({})",
                            p.id(),
                            e.getClass().getSimpleName());
                }
            }
        }
        tables.done(pending);
        return pending.size() == PENDING_BATCH;
    }

    /**
     * A record of this node hit a partner's alert: stored once per alert and record (the notification of
     * this node's officers) and reported to the alert's owner in the same transaction. A record that hit a
     * {@link AlertType#WATCH} before and has {@code changed} since is reported again, as a change, once
     * per version.
     *
     * @param version the record's version, when known
     */
    private void found(AlertIndex.Match m, Record r, Integer version, boolean changed, Instant now) {
        Alert a = m.alert();
        Optional<AlertTables.Hit> before = tables.foundBefore(a.id(), self, r.id().value());
        if (before.isPresent()) {
            if (changed && version != null && a.type() == AlertType.WATCH) {
                report(a, r, m, version, before.get(), now);
            }
            return;
        }
        report(a, r, m, version, null, now);
    }

    /**
     * What a hit report may carry to the alert's owner: what this node's agreement with the owner gives
     * the record when it covers the record's type (and, when it lists purposes, {@code alert-hit}); else
     * the default of issue 6, hit-only. Either way the record's own label and handling code rule: a record
     * labelled stricter than the agreement allows (or than AMBER, by default) is withheld, told to this
     * node's officers only.
     */
    SharingPolicy.Disclosure disclosure(ParticipantCode owner, Record r) {
        SharingAgreement agreement = policy.get().agreementWith(owner);
        boolean applies = agreement.mode() != SharingMode.NONE
                && agreement.recordTypes().contains(r.type())
                && (agreement.purposes().isEmpty() || agreement.purposes().contains(HIT_REPORT.code()));
        return SharingPolicy.disclose(
                applies
                        ? agreement
                        : new SharingAgreement(
                                self,
                                owner,
                                SharingMode.HIT_ONLY,
                                EnumSet.of(
                                        RecordType.PERSON,
                                        RecordType.TRAVEL_DOCUMENT,
                                        RecordType.VEHICLE,
                                        RecordType.FIREARM),
                                TlpLabel.AMBER,
                                Set.of()),
                r);
    }

    /** Reports a hit (when {@code earlier} is null) or a change of the record of an earlier hit. */
    private void report(Alert a, Record r, AlertIndex.Match m, Integer version, AlertTables.Hit earlier, Instant now) {
        SharingPolicy.Disclosure disclosure = disclosure(a.owner(), r);
        UUID hitId = MessageIds.next(now);
        double score = Math.round(m.probability() * 1000) / 1000.0;
        if (disclosure == SharingPolicy.Disclosure.WITHHELD) {
            AlertTables.Hit withheld = new AlertTables.Hit(
                    hitId,
                    "found",
                    a.id(),
                    self,
                    r.id().value(),
                    null,
                    "withheld",
                    score,
                    m.on(),
                    now,
                    "new",
                    null,
                    null,
                    null,
                    version,
                    "hit");
            if (earlier == null && tables.insertHit(withheld)) {
                metrics.alertHit("found", "withheld");
                audit.channel(
                        AuditAction.ALERT_HIT,
                        SYSTEM,
                        a.owner(),
                        "withheld",
                        List.of(hitId, a.id()),
                        Map.of("on", m.on(), "record", r.id().value()));
            }
            return;
        }
        if (earlier != null && earlier.reply().equals("withheld")) {
            return; // its owner was never told of the hit: nor of changes
        }
        boolean full = disclosure == SharingPolicy.Disclosure.FULL;
        String reference = full
                ? null
                : earlier != null && earlier.reference() != null ? earlier.reference() : reference(a.owner(), r, now);
        AlertTables.Hit hit = new AlertTables.Hit(
                hitId,
                "found",
                a.id(),
                self,
                r.id().value(),
                reference,
                full ? "hit" : "hit-only",
                score,
                m.on(),
                now,
                "new",
                null,
                null,
                null,
                version,
                "hit");
        boolean[] stored = new boolean[1];
        Channel.Sent sent = sendReport(
                a,
                r,
                hit,
                earlier,
                (c, message) -> stored[0] = earlier == null
                        ? AlertTables.insertHit(c, hit.withMessage(message))
                        : AlertTables.reportVersion(c, earlier.id(), version));
        if (sent instanceof Channel.Sent.Refused refused) {
            // the owner cannot be sent to now: this node's officers are told, the report follows later
            // (retryUnreported); a change is reported with the next one
            stored[0] = earlier == null && tables.insertHit(hit);
            LOG.info(
                    "hit {} on alert {} not reported yet: {}",
                    hitId,
                    a.id(),
                    refused.code().code());
        }
        if (stored[0]) {
            if (earlier == null) {
                metrics.alertHit("found", hit.reply());
            }
            audit.channel(
                    AuditAction.ALERT_HIT,
                    SYSTEM,
                    a.owner(),
                    earlier == null ? "found" : "changed",
                    List.of(hitId, a.id()),
                    Map.of("reply", hit.reply(), "on", m.on(), "record", r.id().value()));
        }
    }

    /** Queues the report of {@code hit} (a change of {@code earlier}'s record when not null) to the alert's owner. */
    private Channel.Sent sendReport(
            Alert a, Record r, AlertTables.Hit hit, AlertTables.Hit earlier, Channel.Guard guard) {
        boolean full = hit.reply().equals("hit");
        ObjectNode extra = JSON.createObjectNode();
        ObjectNode h = extra.putObject("hit");
        h.put("id", hit.id().toString());
        h.put("alert", a.id().toString());
        h.put("alertVersion", a.version());
        h.put("event", earlier == null ? "hit" : "changed");
        if (earlier != null) {
            h.put("of", earlier.id().toString());
        }
        h.put("reply", hit.reply());
        h.put("score", hit.score());
        h.put("on", hit.matchedOn());
        h.put("requestedAction", a.requestedAction());
        if (full) {
            h.put("recordId", r.id().value());
            h.set("record", AlertJson.subject(r));
        } else {
            h.put("reference", hit.reference());
        }
        Handling handling = full ? r.envelope().handling() : a.handling();
        return channel.send(
                SYSTEM,
                a.owner(),
                new MessageContent((earlier == null ? "Hit on alert " : "Change of a hit on alert ") + a.id(), ""),
                handling.tlp(),
                handling.code(),
                a.id(),
                MessageKind.ALERT_HIT,
                extra,
                guard,
                List.of());
    }

    /**
     * Reports the hits found while their alert's owner could not be sent to; true when some were sent and
     * there may be more.
     */
    private boolean retryUnreported() {
        List<AlertTables.Hit> waiting = tables.unreported(100);
        Set<ParticipantCode> skipped = new java.util.HashSet<>();
        boolean sentSome = false;
        Instant now = clock.instant();
        for (AlertTables.Hit h : waiting) {
            Optional<AlertTables.Row> row = tables.find(h.alert());
            Optional<VersionedRecord> v = records.find(self, new org.concordia.model.RecordId(h.recordId()));
            if (row.isEmpty()
                    || v.isEmpty()
                    || skipped.contains(row.get().alert().owner())) {
                continue;
            }
            Alert a = row.get().alert();
            Record r = v.get().record();
            SharingPolicy.Disclosure disclosure = disclosure(a.owner(), r);
            if (disclosure == SharingPolicy.Disclosure.WITHHELD) {
                continue;
            }
            boolean full = disclosure == SharingPolicy.Disclosure.FULL;
            String reference = full ? null : h.reference() != null ? h.reference() : reference(a.owner(), r, now);
            AlertTables.Hit hit = new AlertTables.Hit(
                    h.id(),
                    h.side(),
                    h.alert(),
                    h.participant(),
                    h.recordId(),
                    reference,
                    full ? "hit" : "hit-only",
                    h.score(),
                    h.matchedOn(),
                    h.foundAt(),
                    h.state(),
                    h.decidedAt(),
                    h.decidedBy(),
                    null,
                    h.recordVersion(),
                    h.event());
            Channel.Sent sent = sendReport(
                    a, r, hit, null, (c, message) -> AlertTables.reported(c, h.id(), message, hit.reply(), reference));
            if (sent instanceof Channel.Sent.Queued) {
                sentSome = true;
            } else if (sent instanceof Channel.Sent.Refused refused) {
                skipped.add(a.owner());
            }
        }
        return sentSome && waiting.size() == 100;
    }

    /** A hit-only reference the owner can name in a follow-up request, as a hit-only search answer's. */
    private String reference(ParticipantCode partner, Record r, Instant now) {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        String ref = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        nodeTables.putReference(new NodeTables.Reference(ref, partner, r.owner(), r.id(), now));
        return ref;
    }

    // -------------------------------------------------------------------------------- reading

    List<AlertTables.Row> list(boolean own, int limit) {
        return tables.list(self, own, limit);
    }

    Optional<AlertTables.Row> find(UUID id) {
        return tables.find(id);
    }

    /** Hits partners reported on this node's alerts (of one alert, or all when null), newest first. */
    List<AlertTables.Hit> hits(UUID alert, int limit) {
        return tables.hits("reported", alert, limit);
    }

    /** A hit a partner reported on one of this node's alerts. */
    Optional<AlertTables.Hit> reported(UUID id) {
        return tables.hit(id).filter(h -> h.side().equals("reported"));
    }

    /** Hits of this node's records on partners' alerts, newest first: what its officers are told. */
    List<AlertTables.Hit> notifications(int limit) {
        return tables.hits("found", null, limit);
    }

    List<AlertTables.Link> links(int limit) {
        return tables.links(limit);
    }

    /** A reported hit's record as the report carried it (a full reply), opened with this node's key. */
    Optional<JsonNode> reportedRecord(AlertTables.Hit hit) {
        if (hit.message() == null || !hit.reply().equals("hit")) {
            return Optional.empty();
        }
        return channel.find(hit.message())
                .flatMap(channel::open)
                .map(c -> c.path("hit").path("record"))
                .filter(JsonNode::isObject);
    }

    // --------------------------------------------------------------------------------- worker

    /** Something to do: a record stored, an alert received or published. */
    void wake() {
        lock.lock();
        try {
            wake = true;
            signal.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void workForever() {
        Instant lastExpiry = Instant.EPOCH;
        while (!closed) {
            boolean more = false;
            try {
                distribute();
                more |= retryUnreported();
                more |= checkNewAlerts();
                more |= checkStoredRecords();
                Instant now = clock.instant();
                if (Duration.between(lastExpiry, now).compareTo(ROUND) >= 0) {
                    index.dropExpired(now);
                    lastExpiry = now;
                }
            } catch (RuntimeException e) {
                if (closed) {
                    return;
                }
                LOG.warn("alert work failed ({}); trying again", e.getClass().getSimpleName());
                pause(Duration.ofSeconds(1));
                continue;
            }
            if (!more) {
                pause(ROUND);
            }
        }
    }

    private void pause(Duration d) {
        lock.lock();
        try {
            long nanos = d.toNanos();
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

    @Override
    public void close() {
        closed = true;
        wake();
        try {
            worker.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
