package org.concordia.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.concordia.alert.Alert;
import org.concordia.alert.AlertType;
import org.concordia.alert.Recipients;
import org.concordia.model.ParticipantCode;
import org.concordia.model.Record;
import org.concordia.problem.ErrorCode;
import org.concordia.problem.Problem;

/**
 * Alerts in JSON: the request a user publishes ({@code ALERT.json}: {@code type}, {@code subject} (a
 * record of the exchange model), {@code recipients} ({@code "all"}, a list of participant codes or
 * {@code {"region": "..."}}), {@code requestedAction}, optionally {@code validUntil}), and the whole
 * alert as it travels between nodes and is kept (the same fields with id, version, owner, validity
 * and status). Problems carry JSON pointers and stable codes, never the values.
 *
 * <p>Thread-safe.
 */
public final class AlertJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final RecordEncoder RECORDS = new RecordEncoder();

    private AlertJson() {}

    /** What reading an alert gave: the alert, or the problems that reject it. */
    public sealed interface Read {
        record Ok(Alert alert) implements Read {}

        record Invalid(List<Problem> problems) implements Read {
            public Invalid {
                problems = List.copyOf(problems);
            }
        }
    }

    /**
     * A user's request to publish, read as a new alert of {@code owner}: version 1, valid from {@code
     * now} until {@code validUntil} or {@link Alert#DEFAULT_VALIDITY}. The subject is decoded as a record
     * of the owner ({@link RecordDecoder#forNode}).
     */
    public static Read request(JsonNode json, ParticipantCode owner, UUID id, Instant now) {
        List<Problem> problems = new ArrayList<>();
        if (!(json instanceof ObjectNode o)) {
            return new Read.Invalid(List.of(Problem.error(ErrorCode.NOT_AN_OBJECT, "", "an alert is a JSON object")));
        }
        for (var it = o.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!List.of("type", "subject", "recipients", "requestedAction", "validUntil")
                    .contains(f)) {
                problems.add(Problem.error(ErrorCode.UNKNOWN_PROPERTY, "/" + f, "not a property of an alert"));
            }
        }
        AlertType type = type(o, problems);
        Record subject = subject(o.get("subject"), RecordDecoder.forNode(owner), problems);
        Recipients recipients = recipients(o.get("recipients"), problems);
        String action = text(o, "requestedAction", type == AlertType.WATCH, problems);
        Instant until = now.plus(Alert.DEFAULT_VALIDITY);
        if (o.hasNonNull("validUntil")) {
            Optional<Instant> u = instant(o.get("validUntil"));
            if (u.isEmpty() || !u.get().isAfter(now)) {
                problems.add(Problem.error(
                        ErrorCode.INVALID_DATE, "/validUntil", "validUntil is an instant (RFC 3339) in the future"));
            } else {
                until = u.get();
            }
        }
        return build(id, 1, owner, type, subject, action, now, until, recipients, Alert.Status.ACTIVE, problems);
    }

    /** An alert as it travels and is kept ({@link #write}). */
    public static Read read(JsonNode json) {
        List<Problem> problems = new ArrayList<>();
        if (!(json instanceof ObjectNode o)) {
            return new Read.Invalid(List.of(Problem.error(ErrorCode.NOT_AN_OBJECT, "", "an alert is a JSON object")));
        }
        UUID id = null;
        try {
            id = UUID.fromString(o.path("id").asText());
        } catch (IllegalArgumentException e) {
            problems.add(Problem.error(ErrorCode.INVALID_ID, "/id", "an alert id is a UUID"));
        }
        int version = o.path("version").asInt(0);
        ParticipantCode owner = null;
        try {
            owner = new ParticipantCode(o.path("owner").asText());
        } catch (IllegalArgumentException e) {
            problems.add(Problem.error(ErrorCode.INVALID_OWNER, "/owner", "not a participant code"));
        }
        AlertType type = type(o, problems);
        Record subject = owner == null ? null : subject(o.get("subject"), RecordDecoder.forNode(owner), problems);
        Recipients recipients = recipients(o.get("recipients"), problems);
        String action = text(o, "requestedAction", true, problems);
        Optional<Instant> from = instant(o.get("validFrom"));
        Optional<Instant> until = instant(o.get("validUntil"));
        if (from.isEmpty() || until.isEmpty()) {
            problems.add(Problem.error(ErrorCode.INVALID_DATE, "/validFrom", "validity is two instants (RFC 3339)"));
        }
        Optional<Alert.Status> status = Alert.Status.parse(o.path("status").asText());
        if (status.isEmpty()) {
            problems.add(Problem.error(ErrorCode.INVALID_VALUE, "/status", "status is active or cancelled"));
        }
        return build(
                id,
                version,
                owner,
                type,
                subject,
                action,
                from.orElse(null),
                until.orElse(null),
                recipients,
                status.orElse(null),
                problems);
    }

    /** The whole alert, as it travels and is kept. */
    public static ObjectNode write(Alert a) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", a.id().toString());
        o.put("version", a.version());
        o.put("owner", a.owner().value());
        o.put("type", a.type().wireName());
        o.set("subject", subject(a.subject()));
        o.put("requestedAction", a.requestedAction());
        o.put("validFrom", a.validFrom().toString());
        o.put("validUntil", a.validUntil().toString());
        o.set("recipients", recipients(a.recipients()));
        o.put("status", a.status().wireName());
        return o;
    }

    /** A record as the exchange model writes it. */
    public static JsonNode subject(Record r) {
        try {
            return MAPPER.readTree(RECORDS.encode(r));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode recipients(Recipients r) {
        return switch (r) {
            case Recipients.All a -> MAPPER.getNodeFactory().textNode("all");
            case Recipients.Region g -> MAPPER.createObjectNode().put("region", g.region());
            case Recipients.Named n -> {
                ArrayNode list = MAPPER.createArrayNode();
                n.participants().forEach(p -> list.add(p.value()));
                yield list;
            }
        };
    }

    private static Read build(
            UUID id,
            int version,
            ParticipantCode owner,
            AlertType type,
            Record subject,
            String action,
            Instant from,
            Instant until,
            Recipients recipients,
            Alert.Status status,
            List<Problem> problems) {
        if (subject != null && type != null && !type.subjects().contains(subject.type())) {
            problems.add(Problem.error(
                    ErrorCode.INVALID_TYPE,
                    "/subject/type",
                    "an alert of this type cannot have a subject of this type"));
        }
        if (problems.stream().anyMatch(Problem::isError)) {
            return new Read.Invalid(problems);
        }
        try {
            return new Read.Ok(new Alert(id, version, owner, type, subject, action, from, until, recipients, status));
        } catch (IllegalArgumentException | NullPointerException e) {
            return new Read.Invalid(List.of(Problem.error(ErrorCode.INVALID_VALUE, "", "not a valid alert")));
        }
    }

    private static AlertType type(ObjectNode o, List<Problem> problems) {
        if (!o.hasNonNull("type")) {
            problems.add(Problem.error(ErrorCode.MISSING_FIELD, "/type", "an alert has a type"));
            return null;
        }
        Optional<AlertType> t = AlertType.parse(o.get("type").asText());
        if (t.isEmpty()) {
            problems.add(Problem.error(ErrorCode.INVALID_VALUE, "/type", "not an alert type"));
        }
        return t.orElse(null);
    }

    private static Record subject(JsonNode json, RecordDecoder decoder, List<Problem> problems) {
        if (json == null || json.isNull()) {
            problems.add(Problem.error(ErrorCode.MISSING_FIELD, "/subject", "an alert has a subject record"));
            return null;
        }
        Decoded d = decoder.decode(json);
        for (Problem p : d.problems()) {
            problems.add(p.under("/subject"));
        }
        return d instanceof Decoded.Accepted a ? a.record() : null;
    }

    private static Recipients recipients(JsonNode json, List<Problem> problems) {
        try {
            if (json == null || json.isNull()) {
                problems.add(Problem.error(ErrorCode.MISSING_FIELD, "/recipients", "an alert names its recipients"));
                return null;
            }
            if (json.isTextual() && json.asText().equals("all")) {
                return new Recipients.All();
            }
            if (json.isObject() && json.path("region").isTextual() && json.size() == 1) {
                return new Recipients.Region(json.get("region").asText());
            }
            if (json.isArray()) {
                List<ParticipantCode> codes = new ArrayList<>();
                for (JsonNode c : json) {
                    codes.add(new ParticipantCode(c.asText()));
                }
                return new Recipients.Named(codes);
            }
        } catch (IllegalArgumentException e) {
            // below
        }
        problems.add(Problem.error(
                ErrorCode.INVALID_VALUE,
                "/recipients",
                "recipients are \"all\", a list of participant codes or {\"region\": \"...\"}"));
        return null;
    }

    private static String text(ObjectNode o, String field, boolean mayBeEmpty, List<Problem> problems) {
        JsonNode v = o.get(field);
        String s = v == null || v.isNull() ? "" : v.isTextual() ? v.asText() : null;
        if (s == null || (s.isBlank() && !mayBeEmpty) || s.length() > Alert.MAX_ACTION) {
            problems.add(Problem.error(
                    s == null || !s.isBlank() ? ErrorCode.INVALID_VALUE : ErrorCode.MISSING_FIELD,
                    "/" + field,
                    field + " is text of 1 to " + Alert.MAX_ACTION + " characters"));
            return null;
        }
        return s;
    }

    private static Optional<Instant> instant(JsonNode v) {
        if (v == null || !v.isTextual()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(v.asText()));
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(java.time.OffsetDateTime.parse(v.asText()).toInstant());
            } catch (DateTimeParseException again) {
                return Optional.empty();
            }
        }
    }
}
