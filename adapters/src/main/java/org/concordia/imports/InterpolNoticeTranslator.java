package org.concordia.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.concordia.problem.ErrorCode;
import org.concordia.problem.Problem;

/**
 * INTERPOL-notice-style JSON, as INTERPOL's public notices API publishes red, yellow and UN
 * notices: {@code entity_id}, {@code forename}, {@code name}, {@code date_of_birth} written {@code
 * 1980/05/12} (or {@code 1980}, {@code 1980/05}), {@code nationalities} and {@code
 * country_of_birth_id} as alpha-2 codes, {@code sex_id} {@code M}/{@code F}/{@code U}, {@code
 * place_of_birth}. A page of the API ({@code {"_embedded": {"notices": [...]}}}) gives one record
 * per notice. Each notice becomes a Person owned by the import's owner; fields the model has no
 * place for are not kept.
 */
public final class InterpolNoticeTranslator implements Translator {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Pattern DATE = Pattern.compile("(\\d{4})(?:[/-](\\d{1,2})(?:[/-](\\d{1,2}))?)?");

    @Override
    public Translation translate(JsonNode item) {
        JsonNode notices = item.path("_embedded").path("notices");
        if (notices.isArray()) {
            List<JsonNode> out = new ArrayList<>();
            for (JsonNode n : notices) {
                out.add(person(n));
            }
            return new Translation.Records(out);
        }
        if (!item.isObject()) {
            return new Translation.Fail(Problem.error(ErrorCode.NOT_AN_OBJECT, "", "a notice must be a JSON object"));
        }
        return new Translation.Records(List.of(person(item)));
    }

    private static JsonNode person(JsonNode n) {
        ObjectNode p = F.objectNode();
        String id = text(n, "entity_id");
        if (id != null) {
            p.put("id", id);
        }
        p.put("type", "Person");
        String given = text(n, "forename");
        String family = text(n, "name");
        if (given != null || family != null) {
            ObjectNode name = p.putArray("names").addObject();
            if (given != null) {
                name.put("given", given);
            }
            if (family != null) {
                name.put("family", family);
            }
        }
        String sex = text(n, "sex_id");
        if (sex != null && !sex.equalsIgnoreCase("U")) {
            p.put("sex", sex);
        }
        String dob = text(n, "date_of_birth");
        if (dob != null) {
            Matcher m = DATE.matcher(dob);
            if (m.matches()) {
                StringBuilder iso = new StringBuilder(m.group(1));
                if (m.group(2) != null) {
                    iso.append('-').append(pad(m.group(2)));
                    if (m.group(3) != null) {
                        iso.append('-').append(pad(m.group(3)));
                    }
                }
                p.put("birthDate", iso.toString());
            } else {
                p.put("birthDate", dob); // left for the decoder to report as invalid_date
            }
        }
        String place = text(n, "place_of_birth");
        String birthCountry = text(n, "country_of_birth_id");
        if (place != null || birthCountry != null) {
            p.put(
                    "birthPlace",
                    place == null ? birthCountry : (birthCountry == null ? place : place + ", " + birthCountry));
        }
        JsonNode nats = n.get("nationalities");
        if (nats != null && nats.isArray() && !nats.isEmpty()) {
            ArrayNode a = p.putArray("nationalities");
            nats.forEach(x -> {
                if (x.isTextual()) {
                    a.add(x.textValue());
                }
            });
        }
        return p;
    }

    private static String pad(String s) {
        return s.length() == 1 ? "0" + s : s;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        String s = v.asText().strip();
        return s.isEmpty() ? null : s;
    }
}
