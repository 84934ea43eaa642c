package org.concordia.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.concordia.model.PartialDate;
import org.concordia.problem.ErrorCode;
import org.concordia.problem.Problem;

/**
 * Reads typed fields of one JSON object and collects problems with their JSON pointers. Messages
 * name fields, never values.
 */
final class Fields {
    private final ObjectNode node;
    private final String pointer;
    private final List<Problem> problems;

    Fields(ObjectNode node, String pointer, List<Problem> problems) {
        this.node = node;
        this.pointer = pointer;
        this.problems = problems;
    }

    String at(String field) {
        return pointer + "/" + field.replace("~", "~0").replace("/", "~1");
    }

    List<Problem> problems() {
        return problems;
    }

    void error(ErrorCode code, String field, String message) {
        problems.add(Problem.error(code, field == null ? pointer : at(field), message));
    }

    void warning(ErrorCode code, String field, String message) {
        problems.add(Problem.warning(code, field == null ? pointer : at(field), message));
    }

    /** Warns about properties outside {@code known}; they are not kept. */
    void rejectUnknown(Set<String> known) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!known.contains(n)) {
                problems.add(Problem.warning(
                        ErrorCode.UNKNOWN_PROPERTY, at(n), "property is not part of the model and was ignored"));
            }
        }
    }

    boolean has(String field) {
        JsonNode v = node.get(field);
        return v != null && !v.isNull();
    }

    /** A string field; null when absent, null or blank; a problem when of another JSON type. */
    String text(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isTextual()) {
            String s = v.textValue().strip();
            return s.isEmpty() ? null : s;
        }
        if (v.isNumber()) {
            return v.asText();
        }
        error(ErrorCode.INVALID_VALUE, field, "must be a string");
        return null;
    }

    String requiredText(String field) {
        String s = text(field);
        if (s == null && !problemAt(field)) {
            error(ErrorCode.MISSING_FIELD, field, "is required");
        }
        return s;
    }

    private boolean problemAt(String field) {
        String p = at(field);
        return problems.stream().anyMatch(x -> x.pointer().equals(p));
    }

    Boolean bool(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        error(ErrorCode.INVALID_VALUE, field, "must be true or false");
        return null;
    }

    Integer integer(String field, int min, int max) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        int i;
        if (v.isIntegralNumber() && v.canConvertToInt()) {
            i = v.intValue();
        } else if (v.isTextual() && v.textValue().strip().matches("-?\\d{1,9}")) {
            i = Integer.parseInt(v.textValue().strip());
        } else {
            error(ErrorCode.INVALID_VALUE, field, "must be an integer");
            return null;
        }
        if (i < min || i > max) {
            error(ErrorCode.INVALID_VALUE, field, "must be between " + min + " and " + max);
            return null;
        }
        return i;
    }

    /** A partial ISO date ({@code 1984}, {@code 1984-03}, {@code 1984-03-07}). */
    PartialDate date(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        String s = v.isTextual() ? v.textValue() : (v.isIntegralNumber() ? v.asText() : null);
        if (s == null || s.isBlank()) {
            if (s == null) {
                error(ErrorCode.INVALID_DATE, field, "must be a date written YYYY, YYYY-MM or YYYY-MM-DD");
            }
            return null;
        }
        return switch (PartialDate.parse(s)) {
            case PartialDate.Parsed.Ok ok -> ok.date();
            case PartialDate.Parsed.Bad bad
            when bad.failure() == PartialDate.Failure.IMPOSSIBLE -> {
                error(ErrorCode.IMPOSSIBLE_DATE, field, "no such day in the calendar");
                yield null;
            }
            case PartialDate.Parsed.Bad bad -> {
                error(ErrorCode.INVALID_DATE, field, "must be a date written YYYY, YYYY-MM or YYYY-MM-DD");
                yield null;
            }
        };
    }

    /** An object field; null when absent or null. */
    Fields object(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v instanceof ObjectNode o) {
            return new Fields(o, at(field), problems);
        }
        error(ErrorCode.INVALID_VALUE, field, "must be an object");
        return null;
    }

    JsonNode raw(String field) {
        return node.get(field);
    }

    /** The elements of an array field; a single value counts as an array of one. */
    List<Element> array(String field) {
        JsonNode v = node.get(field);
        List<Element> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (v.isArray()) {
            for (int i = 0; i < v.size(); i++) {
                out.add(new Element(v.get(i), at(field) + "/" + i));
            }
        } else {
            out.add(new Element(v, at(field)));
        }
        return out;
    }

    /** One element of an array, with its pointer. */
    record Element(JsonNode node, String pointer) {}

    Fields fieldsOf(Element e) {
        if (e.node() instanceof ObjectNode o) {
            return new Fields(o, e.pointer(), problems);
        }
        problems.add(Problem.error(ErrorCode.INVALID_VALUE, e.pointer(), "must be an object"));
        return null;
    }

    String textOf(Element e) {
        if (e.node().isTextual()) {
            String s = e.node().textValue().strip();
            return s.isEmpty() ? null : s;
        }
        problems.add(Problem.error(ErrorCode.INVALID_VALUE, e.pointer(), "must be a string"));
        return null;
    }
}
