package org.concordia.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.concordia.audit.AuditAction;
import org.concordia.channel.MessageIds;
import org.concordia.model.ParticipantCode;
import org.concordia.model.RecordId;
import org.concordia.port.RecordStore;
import org.concordia.problem.ErrorCode;
import org.concordia.search.PartnerAnswer;
import org.concordia.search.SearchQuery;
import org.concordia.search.SearchResult;
import org.concordia.store.AlertTables;
import org.concordia.store.NodeTables;
import org.concordia.store.SubscriptionTables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Officers' subscriptions (docs/decisions/0006): watch one of this node's records, and be told of every
 * partner's search that finds it (as INTERPOL lets a data owner be informed of enquiries: who, when,
 * under which purpose, answered in full or hit-only; never the query's terms); or watch a person or
 * object held elsewhere, through a {@code watch} alert to the partners, and be told when their data
 * matches it and when a record that matched changes. Thread-safe.
 */
final class Subscriptions {
    private static final Logger LOG = LoggerFactory.getLogger(Subscriptions.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ParticipantCode self;
    private final SubscriptionTables tables;
    private final Alerts alerts;
    private final NodeTables nodeTables;
    private final RecordStore records;
    private final NodeAudit audit;
    private final Clock clock;
    /** Watched records of this node (id) to their running subscriptions. */
    private final Map<String, Set<UUID>> watched = new ConcurrentHashMap<>();

    sealed interface Outcome {
        record Done(SubscriptionTables.Row subscription) implements Outcome {}

        record Refused(int status, ErrorCode code, String reason) implements Outcome {}
    }

    Subscriptions(
            ParticipantCode self,
            SubscriptionTables tables,
            Alerts alerts,
            NodeTables nodeTables,
            RecordStore records,
            NodeAudit audit,
            Clock clock) {
        this.self = self;
        this.tables = tables;
        this.alerts = alerts;
        this.nodeTables = nodeTables;
        this.records = records;
        this.audit = audit;
        this.clock = clock;
        for (SubscriptionTables.Row r : tables.watchedRecords()) {
            watched.computeIfAbsent(r.recordId(), k -> ConcurrentHashMap.newKeySet())
                    .add(r.id());
        }
    }

    /** Watches one of this node's records: partners' searches that find it are told to {@code user}. */
    Outcome watchRecord(String user, RecordId id) {
        if (records.find(self, id).isEmpty()) {
            return new Outcome.Refused(404, ErrorCode.NOT_FOUND, "no such record of this node");
        }
        SubscriptionTables.Row row = new SubscriptionTables.Row(
                MessageIds.next(clock.instant()), user, "record", self, id.value(), null, clock.instant(), null);
        tables.insert(row);
        watched.computeIfAbsent(id.value(), k -> ConcurrentHashMap.newKeySet()).add(row.id());
        audit.channel(AuditAction.SUBSCRIPTION, user, null, "record", List.of(row.id()), Map.of("record", id.value()));
        return new Outcome.Done(row);
    }

    /**
     * Watches a person or object at the partners: a {@code watch} alert of {@code user} with this subject
     * (a record of the exchange model) to {@code recipients} ({@code "all"} when absent).
     */
    Outcome watchSubject(String user, JsonNode subject, JsonNode recipients) {
        ObjectNode request = JSON.createObjectNode();
        request.put("type", "watch");
        request.set("subject", subject);
        request.set("recipients", recipients == null ? JSON.getNodeFactory().textNode("all") : recipients);
        request.put("requestedAction", "");
        return switch (alerts.publish(user, request)) {
            case Alerts.Outcome.Refused r -> new Outcome.Refused(r.status(), r.code(), r.reason());
            case Alerts.Outcome.Done d -> {
                Instant now = clock.instant();
                SubscriptionTables.Row row = new SubscriptionTables.Row(
                        MessageIds.next(now),
                        user,
                        "subject",
                        null,
                        null,
                        d.alert().id(),
                        now,
                        null);
                tables.insert(row);
                audit.channel(
                        AuditAction.SUBSCRIPTION,
                        user,
                        null,
                        "subject",
                        List.of(row.id(), d.alert().id()),
                        Map.of());
                yield new Outcome.Done(row);
            }
        };
    }

    /** Ends a subscription of {@code user} (a watch alert is cancelled at every partner). */
    Outcome end(String user, UUID id) {
        Optional<SubscriptionTables.Row> row =
                tables.find(id).filter(r -> r.user().equals(user) && r.endedAt() == null);
        if (row.isEmpty()) {
            return new Outcome.Refused(404, ErrorCode.NOT_FOUND, "no running subscription of yours with this id");
        }
        if (row.get().alert() != null
                && alerts.cancel(user, row.get().alert()) instanceof Alerts.Outcome.Refused r
                && r.code() != ErrorCode.ALERT_CLOSED) {
            return new Outcome.Refused(r.status(), r.code(), r.reason());
        }
        tables.end(id, user, clock.instant());
        if (row.get().recordId() != null) {
            Set<UUID> ids = watched.get(row.get().recordId());
            if (ids != null) {
                ids.remove(id);
            }
        }
        audit.channel(AuditAction.SUBSCRIPTION, user, null, "ended", List.of(id), Map.of());
        return new Outcome.Done(tables.find(id).orElseThrow());
    }

    List<SubscriptionTables.Row> of(String user, int limit) {
        return tables.of(user, limit);
    }

    /** Partners' enquiries that found {@code user}'s watched records. */
    List<SubscriptionTables.Event> enquiries(String user, int limit) {
        return tables.events(user, limit);
    }

    /** What partners reported on the watch alert of a subscription: matches and changes. */
    List<AlertTables.Hit> reports(SubscriptionTables.Row r, int limit) {
        return r.alert() == null ? List.of() : alerts.hits(r.alert(), limit);
    }

    /** A partner's search was answered: each watched record it found is an enquiry for its subscribers. */
    void answered(ParticipantCode partner, SearchQuery query, PartnerAnswer answer) {
        if (watched.isEmpty() || !(answer instanceof PartnerAnswer.Answered a)) {
            return;
        }
        for (SearchResult r : a.results()) {
            String recordId;
            String reply;
            switch (r) {
                case SearchResult.Hit h -> {
                    recordId = h.record().id().value();
                    reply = "hit";
                }
                case SearchResult.HitOnly h -> {
                    recordId = nodeTables
                            .reference(h.reference())
                            .map(ref -> ref.recordId().value())
                            .orElse(null);
                    reply = "hit-only";
                }
            }
            Set<UUID> subscriptions = recordId == null ? null : watched.get(recordId);
            if (subscriptions == null) {
                continue;
            }
            for (UUID s : subscriptions) {
                try {
                    tables.event(new SubscriptionTables.Event(
                            MessageIds.next(clock.instant()),
                            s,
                            "enquiry",
                            partner,
                            clock.instant(),
                            query.purpose().code(),
                            reply));
                } catch (RuntimeException e) {
                    // the answer stands; the subscriber misses this one event
                    LOG.warn(
                            "enquiry of subscription {} not stored ({})",
                            s,
                            e.getClass().getSimpleName());
                }
            }
        }
    }
}
