package org.concordia.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.concordia.model.Envelope;
import org.concordia.model.Grading;
import org.concordia.model.Handling;
import org.concordia.model.HandlingCode;
import org.concordia.model.ParticipantCode;
import org.concordia.model.Record;
import org.concordia.model.RecordId;
import org.concordia.model.RecordType;
import org.concordia.model.TlpLabel;
import org.concordia.problem.ErrorCode;
import org.concordia.problem.Problem;

/**
 * Decodes records of exchange model version 1 from JSON trees: checks the envelope, reads the fields
 * of each type ({@link TypeDecoders}), normalises, and reports every problem with its JSON pointer
 * and stable code. A record with any error is rejected whole; warnings (unknown country, unknown
 * property...) keep it.
 *
 * <p>Thread-safe.
 */
public final class RecordDecoder {
    static final Set<String> ENVELOPE_FIELDS = Set.of(
            "id",
            "type",
            "owner",
            "handling",
            "grading",
            "purpose",
            "legalBasis",
            "created",
            "retainUntil",
            "reviewBy",
            "schemaVersion");

    private final ParticipantCode defaultOwner;
    private final boolean onlyDefaultOwner;

    /** @param defaultOwner the owner of records that name none, or null to require {@code owner} */
    public RecordDecoder(ParticipantCode defaultOwner) {
        this(defaultOwner, false);
    }

    private RecordDecoder(ParticipantCode defaultOwner, boolean onlyDefaultOwner) {
        this.defaultOwner = defaultOwner;
        this.onlyDefaultOwner = onlyDefaultOwner;
    }

    /**
     * The decoder of a node's import: records without owner are the node's, and a record naming another
     * owner is rejected ({@code invalid_owner}): a node holds only its owner's records (data sovereignty).
     */
    public static RecordDecoder forNode(ParticipantCode owner) {
        return new RecordDecoder(java.util.Objects.requireNonNull(owner, "owner"), true);
    }

    public Decoded decode(JsonNode json) {
        List<Problem> problems = new ArrayList<>();
        if (!(json instanceof ObjectNode obj)) {
            problems.add(Problem.error(ErrorCode.NOT_AN_OBJECT, "", "a record must be a JSON object"));
            return new Decoded.Rejected(null, problems);
        }
        Fields f = new Fields(obj, "", problems);
        String idText = f.requiredText("id");
        RecordId id = null;
        if (idText != null) {
            if (RecordId.isValid(idText)) {
                id = new RecordId(idText);
            } else {
                f.error(ErrorCode.INVALID_ID, "id", "must be 1-200 printable characters");
            }
        }
        RecordType type = null;
        JsonNode typeNode = obj.get("type");
        if (typeNode == null || typeNode.isNull()) {
            f.error(ErrorCode.MISSING_FIELD, "type", "is required");
        } else if (!typeNode.isTextual()) {
            f.error(ErrorCode.INVALID_TYPE, "type", "must be a string");
        } else {
            type = RecordType.fromWireName(typeNode.textValue()).orElse(null);
            if (type == null) {
                f.error(
                        ErrorCode.UNKNOWN_TYPE,
                        "type",
                        "is not a record type of the model (Person, TravelDocument, Vehicle, Firearm, Organisation, Case, Link)");
            }
        }
        ParticipantCode owner = owner(f);
        Handling handling = handling(f);
        Grading grading = grading(f);
        Instant created = instant(f, "created");
        LocalDate retainUntil = localDate(f, "retainUntil");
        LocalDate reviewBy = localDate(f, "reviewBy");
        String purpose = f.text("purpose");
        String legalBasis = f.text("legalBasis");
        if (f.has("schemaVersion") && !"1".equals(f.text("schemaVersion"))) {
            f.error(ErrorCode.INVALID_VALUE, "schemaVersion", "this node reads version 1 of the exchange model");
        }
        if (type == null || id == null || owner == null) {
            return new Decoded.Rejected(idText, problems);
        }
        Envelope envelope =
                new Envelope(id, type, owner, handling, grading, purpose, legalBasis, created, retainUntil, reviewBy);
        Record record = TypeDecoders.decode(envelope, f);
        boolean failed = problems.stream().anyMatch(Problem::isError);
        if (failed || record == null) {
            return new Decoded.Rejected(idText, problems);
        }
        return new Decoded.Accepted(record, problems);
    }

    private ParticipantCode owner(Fields f) {
        String text = f.text("owner");
        if (text == null) {
            if (defaultOwner == null && !f.has("owner")) {
                f.error(ErrorCode.MISSING_FIELD, "owner", "is required (no default owner for this import)");
            }
            return defaultOwner;
        }
        ParticipantCode code = ParticipantCode.parse(text);
        if (code == null) {
            f.error(ErrorCode.INVALID_OWNER, "owner", "must be a participant code of 2-32 letters, digits, _ or -");
        } else if (onlyDefaultOwner && !code.equals(defaultOwner)) {
            f.error(
                    ErrorCode.INVALID_OWNER,
                    "owner",
                    "names another participant: this node holds only " + defaultOwner + "'s records");
        }
        return code;
    }

    private static Handling handling(Fields f) {
        JsonNode raw = f.raw("handling");
        if (raw == null || raw.isNull()) {
            return Handling.DEFAULT;
        }
        if (raw.isTextual()) {
            return TlpLabel.parse(raw.textValue())
                    .map(t -> Handling.of(t, Handling.DEFAULT.code(), false))
                    .orElseGet(() -> {
                        f.error(
                                ErrorCode.INVALID_HANDLING,
                                "handling",
                                "TLP label must be CLEAR, GREEN, AMBER, AMBER+STRICT or RED");
                        return Handling.DEFAULT;
                    });
        }
        Fields h = f.object("handling");
        if (h == null) {
            return Handling.DEFAULT;
        }
        h.rejectUnknown(Set.of("tlp", "code", "hitOnly"));
        TlpLabel tlp = Handling.DEFAULT.tlp();
        String t = h.text("tlp");
        if (t != null) {
            tlp = TlpLabel.parse(t).orElse(null);
            if (tlp == null) {
                h.error(ErrorCode.INVALID_HANDLING, "tlp", "must be CLEAR, GREEN, AMBER, AMBER+STRICT or RED");
                tlp = Handling.DEFAULT.tlp();
            }
        }
        HandlingCode code = Handling.DEFAULT.code();
        String c = h.text("code");
        if (c != null) {
            code = HandlingCode.parse(c).orElse(null);
            if (code == null) {
                h.error(ErrorCode.INVALID_HANDLING, "code", "must be H0, H1, H2 or H3");
                code = Handling.DEFAULT.code();
            }
        }
        Boolean hitOnly = h.bool("hitOnly");
        return Handling.of(tlp, code, hitOnly != null && hitOnly);
    }

    private static Grading grading(Fields f) {
        JsonNode raw = f.raw("grading");
        if (raw == null || raw.isNull()) {
            return Grading.DEFAULT;
        }
        if (raw.isTextual()) {
            return Grading.parse(raw.textValue()).orElseGet(() -> {
                f.error(
                        ErrorCode.INVALID_GRADING,
                        "grading",
                        "must be source A, B, C or X and information 1-4, as in B2");
                return Grading.DEFAULT;
            });
        }
        Fields g = f.object("grading");
        if (g == null) {
            return Grading.DEFAULT;
        }
        g.rejectUnknown(Set.of("source", "information"));
        Grading.Source source = Grading.DEFAULT.source();
        String s = g.text("source");
        if (s != null) {
            source = Grading.Source.parse(s).orElse(null);
            if (source == null) {
                g.error(ErrorCode.INVALID_GRADING, "source", "must be A, B, C or X");
                source = Grading.DEFAULT.source();
            }
        }
        Integer info = g.integer("information", 1, 4);
        return new Grading(source, info == null ? Grading.DEFAULT.information() : info);
    }

    private static Instant instant(Fields f, String field) {
        String s = f.text(field);
        if (s == null) {
            return null;
        }
        try {
            return s.length() == 10
                    ? LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(s);
        } catch (DateTimeParseException e) {
            f.error(ErrorCode.INVALID_DATE, field, "must be an ISO 8601 date or instant (2024-05-01T10:00:00Z)");
            return null;
        }
    }

    private static LocalDate localDate(Fields f, String field) {
        String s = f.text(field);
        if (s == null) {
            return null;
        }
        return switch (org.concordia.model.PartialDate.parse(s)) {
            case org.concordia.model.PartialDate.Parsed.Ok ok
            when ok.date().hasDay() -> ok.date().toLocalDate().orElseThrow();
            case org.concordia.model.PartialDate.Parsed.Bad bad
            when bad.failure() == org.concordia.model.PartialDate.Failure.IMPOSSIBLE -> {
                f.error(ErrorCode.IMPOSSIBLE_DATE, field, "no such day in the calendar");
                yield null;
            }
            default -> {
                f.error(ErrorCode.INVALID_DATE, field, "must be a full ISO 8601 date (YYYY-MM-DD)");
                yield null;
            }
        };
    }
}
