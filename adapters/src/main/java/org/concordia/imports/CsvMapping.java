package org.concordia.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.Charset;
import java.text.ParsePosition;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.concordia.problem.ErrorCode;

/**
 * A declarative mapping from the columns of a CSV file to exchange-model records, read from JSON:
 *
 * <pre>{@code
 * {"type": "Person", "delimiter": ";", "encoding": "windows-1252",
 *  "fields": {
 *    "id":                {"column": "REF"},
 *    "names/0/given":     {"column": "PRENOM"},
 *    "names/0/family":    {"column": "NOM"},
 *    "birthDate":         {"column": "DATE_NAISS", "dateFormats": ["dd/MM/yyyy", "MM/yyyy", "yyyy"]},
 *    "sex":               {"column": "SEXE", "values": {"H": "M", "F": "F"}},
 *    "nationalities/-":   {"column": "NATIONALITE", "split": ",", "values": {"Gabonaise": "GAB"}},
 *    "documents/0/number": {"column": "PASSEPORT"},
 *    "documents/0/type":  {"value": "passport"},
 *    "handling/tlp":      {"value": "AMBER"}}}
 * }</pre>
 *
 * Targets are JSON pointers into the record ({@code -} appends, as in RFC 6902). A column value is
 * trimmed; blank cells are left out; {@code values} maps source vocabularies case-insensitively
 * (countries, sex codes...); {@code dateFormats} are {@link DateTimeFormatter} patterns tried in
 * order, and a pattern without day or month gives a partial date. A constant ({@code value}) is set
 * only on objects that received at least one column value, so that an empty document column does not
 * leave a document with a type and no number.
 */
public final class CsvMapping {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final String type;
    private final char delimiter;
    private final Charset charset;
    private final List<FieldRule> rules;

    private record FieldRule(
            List<String> path,
            String column,
            String constant,
            String split,
            Map<String, String> values,
            List<DateTimeFormatter> dateFormats) {}

    private CsvMapping(String type, char delimiter, Charset charset, List<FieldRule> rules) {
        this.type = type;
        this.delimiter = delimiter;
        this.charset = charset;
        this.rules = rules;
    }

    public char delimiter() {
        return delimiter;
    }

    public Charset charset() {
        return charset;
    }

    /** The columns the mapping reads. */
    public List<String> columns() {
        return rules.stream()
                .map(FieldRule::column)
                .filter(c -> c != null)
                .distinct()
                .toList();
    }

    public static CsvMapping parse(JsonNode json) throws ImportSetupException {
        if (!json.isObject()) {
            throw bad("the mapping must be a JSON object");
        }
        String type = json.path("type").asText(null);
        if (type == null) {
            throw bad("the mapping needs a record type (\"type\")");
        }
        String d = json.path("delimiter").asText(",");
        if (d.equals("\\t") || d.equals("tab")) {
            d = "\t";
        }
        if (d.length() != 1) {
            throw bad("the delimiter must be one character");
        }
        Charset cs;
        try {
            cs = Charset.forName(json.path("encoding").asText("UTF-8"));
        } catch (IllegalArgumentException e) {
            throw bad("the encoding is not one this Java supports");
        }
        JsonNode fields = json.path("fields");
        if (!fields.isObject() || fields.isEmpty()) {
            throw bad("the mapping needs \"fields\": an object of target pointer to rule");
        }
        List<FieldRule> rules = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = fields.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String target = e.getKey();
            JsonNode r = e.getValue();
            List<String> path = List.of((target.startsWith("/") ? target.substring(1) : target).split("/"));
            if (path.isEmpty()
                    || path.stream().anyMatch(String::isEmpty)
                    || path.getFirst().equals("type")) {
                throw bad("target \"" + target + "\" is not a usable pointer into a record");
            }
            String column = r.path("column").asText(null);
            String constant = r.has("value") ? r.get("value").asText() : null;
            if ((column == null) == (constant == null)) {
                throw bad("target \"" + target + "\" needs exactly one of \"column\" or \"value\"");
            }
            Map<String, String> values = new HashMap<>();
            r.path("values")
                    .fields()
                    .forEachRemaining(v -> values.put(
                            v.getKey().strip().toLowerCase(Locale.ROOT),
                            v.getValue().asText()));
            List<DateTimeFormatter> formats = new ArrayList<>();
            for (JsonNode p : r.path("dateFormats")) {
                try {
                    formats.add(DateTimeFormatter.ofPattern(p.asText(), Locale.ROOT));
                } catch (IllegalArgumentException ex) {
                    throw bad("target \"" + target + "\" has a date format that is not a valid pattern");
                }
            }
            String split = r.path("split").asText(null);
            if (split != null && !path.getLast().equals("-")) {
                throw bad("target \"" + target + "\" splits values, so it must end with /- (append)");
            }
            rules.add(new FieldRule(path, column, constant, split, values, formats));
        }
        return new CsvMapping(type, d.charAt(0), cs, rules);
    }

    private static ImportSetupException bad(String message) {
        return new ImportSetupException(ErrorCode.INVALID_MAPPING, "invalid CSV mapping: " + message);
    }

    /** The record for one row; {@code row} maps column names to cell values. */
    JsonNode toRecord(Map<String, String> row) {
        ObjectNode record = F.objectNode();
        record.put("type", type);
        for (FieldRule rule : rules) {
            if (rule.column() == null) {
                continue;
            }
            String raw = row.get(rule.column());
            if (raw == null || raw.isBlank()) {
                continue;
            }
            List<String> parts = rule.split() == null
                    ? List.of(raw)
                    : List.of(raw.split(java.util.regex.Pattern.quote(rule.split())));
            for (String part : parts) {
                String v = part.strip();
                if (v.isEmpty()) {
                    continue;
                }
                v = rule.values().getOrDefault(v.toLowerCase(Locale.ROOT), v);
                if (!rule.dateFormats().isEmpty()) {
                    v = isoDate(v, rule.dateFormats());
                }
                set(record, rule.path(), v);
            }
        }
        for (FieldRule rule : rules) {
            if (rule.constant() != null) {
                List<String> parent = rule.path().subList(0, rule.path().size() - 1);
                if (parent.isEmpty() || resolve(record, parent) != null) {
                    set(record, rule.path(), rule.constant());
                }
            }
        }
        return record;
    }

    /**
     * The first format that reads the whole value, as a partial ISO date; the value unchanged when
     * none does. Fields are taken as written, unresolved, so that an impossible day such as 31
     * February reaches the decoder as {@code 1990-02-31} and is reported, not silently moved.
     */
    private static String isoDate(String v, List<DateTimeFormatter> formats) {
        for (DateTimeFormatter f : formats) {
            ParsePosition pos = new ParsePosition(0);
            TemporalAccessor t = f.parseUnresolved(v, pos);
            if (t == null || pos.getErrorIndex() >= 0 || pos.getIndex() != v.length()) {
                continue;
            }
            Long year = field(t, ChronoField.YEAR);
            if (year == null) {
                year = field(t, ChronoField.YEAR_OF_ERA);
            }
            if (year == null) {
                continue;
            }
            Long month = field(t, ChronoField.MONTH_OF_YEAR);
            Long day = field(t, ChronoField.DAY_OF_MONTH);
            if (month == null) {
                return String.format("%04d", year);
            }
            if (day == null) {
                return String.format("%04d-%02d", year, month);
            }
            return String.format("%04d-%02d-%02d", year, month, day);
        }
        return v;
    }

    private static Long field(TemporalAccessor t, ChronoField f) {
        return t.isSupported(f) ? t.getLong(f) : null;
    }

    private static JsonNode resolve(JsonNode node, List<String> path) {
        JsonNode cur = node;
        for (String seg : path) {
            if (cur == null) {
                return null;
            }
            cur = cur.isArray() ? (seg.matches("\\d+") ? cur.get(Integer.parseInt(seg)) : null) : cur.get(seg);
        }
        return cur;
    }

    private static void set(ObjectNode root, List<String> path, String value) {
        JsonNode cur = root;
        for (int i = 0; i < path.size(); i++) {
            String seg = path.get(i);
            boolean last = i == path.size() - 1;
            String next = last ? null : path.get(i + 1);
            boolean nextIsArray = next != null && (next.equals("-") || next.matches("\\d+"));
            if (cur instanceof ObjectNode o) {
                if (last) {
                    o.put(seg, value);
                    return;
                }
                JsonNode child = o.get(seg);
                if (child == null || child.isNull()) {
                    child = nextIsArray ? o.putArray(seg) : o.putObject(seg);
                }
                cur = child;
            } else if (cur instanceof ArrayNode a) {
                if (seg.equals("-")) {
                    if (last) {
                        a.add(value);
                        return;
                    }
                    JsonNode child = nextIsArray ? a.addArray() : a.addObject();
                    cur = child;
                    continue;
                }
                int idx = Integer.parseInt(seg);
                while (a.size() <= idx) {
                    if (last) {
                        a.addNull();
                    } else if (nextIsArray) {
                        a.addArray();
                    } else {
                        a.addObject();
                    }
                }
                if (last) {
                    a.set(idx, F.textNode(value));
                    return;
                }
                cur = a.get(idx);
            } else {
                return; // a value already stands where an object was expected; the first rule wins
            }
        }
    }
}
