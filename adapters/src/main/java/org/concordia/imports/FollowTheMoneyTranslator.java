package org.concordia.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.concordia.problem.ErrorCode;
import org.concordia.problem.Problem;

/**
 * FollowTheMoney entities (the model of OpenSanctions and Aleph: {@code {"id", "schema",
 * "properties": {name: [..], ...}}}, every property multi-valued). Mapped schemata:
 *
 * <ul>
 *   <li>Person → Person: {@code name}, {@code alias}, {@code weakAlias}, {@code firstName}/{@code
 *       lastName}; {@code birthDate} (first), {@code birthPlace}, {@code gender}, {@code nationality}
 *       and {@code citizenship}, {@code passportNumber}, {@code idNumber};
 *   <li>Passport, Identification → TravelDocument ({@code number}, {@code country}, {@code type},
 *       dates) and a person-document Link to its {@code holder};
 *   <li>Vehicle → Vehicle ({@code registrationNumber}, {@code model}, {@code country}, {@code
 *       buildDate});
 *   <li>Organization, Company, LegalEntity, PublicBody → Organisation;
 *   <li>Directorship, Membership, Employment → person-organisation Link; Family, Associate → person-person Link.
 * </ul>
 *
 * Other schemata (Address, Sanction, ...) are skipped and counted. Entities belong to the import's owner.
 */
public final class FollowTheMoneyTranslator implements Translator {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    @Override
    public Translation translate(JsonNode item) {
        if (!item.isObject()) {
            return new Translation.Fail(Problem.error(ErrorCode.NOT_AN_OBJECT, "", "an entity must be a JSON object"));
        }
        String schema = item.path("schema").asText("");
        JsonNode props = item.path("properties");
        String id = item.path("id").asText(null);
        return switch (schema) {
            case "Person" -> records(person(id, props));
            case "Passport", "Identification" -> document(id, schema, props);
            case "Vehicle" -> records(vehicle(id, props));
            case "Organization", "Company", "LegalEntity", "PublicBody" -> records(organisation(id, props));
            case "Directorship" -> link(id, "person-organisation", props, "director", "organization", "role");
            case "Membership" -> link(id, "person-organisation", props, "member", "organization", "role");
            case "Employment" -> link(id, "person-organisation", props, "employee", "employer", "role");
            case "Family" -> link(id, "person-person", props, "person", "relative", "relationship");
            case "Associate" -> link(id, "person-person", props, "person", "associate", "relationship");
            case "" ->
                new Translation.Fail(Problem.error(ErrorCode.MISSING_FIELD, "/schema", "an entity needs a schema"));
            default -> new Translation.Skip("FollowTheMoney schema not mapped to the model");
        };
    }

    private static Translation records(JsonNode... nodes) {
        return new Translation.Records(List.of(nodes));
    }

    private static ObjectNode base(String id, String type) {
        ObjectNode o = F.objectNode();
        if (id != null) {
            o.put("id", id);
        }
        o.put("type", type);
        return o;
    }

    private static JsonNode person(String id, JsonNode props) {
        ObjectNode p = base(id, "Person");
        ArrayNode names = F.arrayNode();
        Set<String> seen = new LinkedHashSet<>();
        for (String field : List.of("name", "alias", "weakAlias")) {
            for (String n : values(props, field)) {
                if (seen.add(n)) {
                    names.addObject().put("full", n);
                }
            }
        }
        String first = first(props, "firstName");
        String last = first(props, "lastName");
        if (names.isEmpty() && (first != null || last != null)) {
            ObjectNode n = names.addObject();
            if (first != null) {
                n.put("given", first);
            }
            if (last != null) {
                n.put("family", last);
            }
        }
        if (!names.isEmpty()) {
            p.set("names", names);
        }
        String gender = first(props, "gender");
        if (gender != null) {
            switch (gender.toLowerCase(Locale.ROOT)) {
                case "male" -> p.put("sex", "M");
                case "female" -> p.put("sex", "F");
                default -> p.put("sex", "X");
            }
        }
        putFirst(p, "birthDate", props, "birthDate");
        putFirst(p, "birthPlace", props, "birthPlace");
        Set<String> nats = new LinkedHashSet<>(values(props, "nationality"));
        nats.addAll(values(props, "citizenship"));
        if (!nats.isEmpty()) {
            ArrayNode a = p.putArray("nationalities");
            nats.forEach(a::add);
        }
        ArrayNode docs = F.arrayNode();
        for (String n : values(props, "passportNumber")) {
            docs.addObject().put("type", "passport").put("number", n);
        }
        for (String n : values(props, "idNumber")) {
            docs.addObject().put("type", "national_id").put("number", n);
        }
        if (!docs.isEmpty()) {
            p.set("documents", docs);
        }
        return p;
    }

    private static Translation document(String id, String schema, JsonNode props) {
        ObjectNode d = base(id, "TravelDocument");
        String type = first(props, "type");
        d.put("documentType", schema.equals("Passport") ? "passport" : (type == null ? "national_id" : type));
        putFirst(d, "number", props, "number");
        putFirst(d, "issuingCountry", props, "country");
        putFirst(d, "issueDate", props, "startDate");
        putFirst(d, "expiryDate", props, "endDate");
        List<JsonNode> out = new ArrayList<>();
        out.add(d);
        String holder = first(props, "holder");
        if (holder != null && id != null) {
            out.add(linkNode(id + ":holder", "person-document", holder, id, null));
        }
        return new Translation.Records(out);
    }

    private static JsonNode vehicle(String id, JsonNode props) {
        ObjectNode v = base(id, "Vehicle");
        putFirst(v, "plate", props, "registrationNumber");
        putFirst(v, "model", props, "model");
        putFirst(v, "registrationCountry", props, "country");
        String build = first(props, "buildDate");
        if (build != null
                && build.length() >= 4
                && build.substring(0, 4).chars().allMatch(Character::isDigit)) {
            v.put("modelYear", Integer.parseInt(build.substring(0, 4)));
        }
        return v;
    }

    private static JsonNode organisation(String id, JsonNode props) {
        ObjectNode o = base(id, "Organisation");
        ArrayNode names = F.arrayNode();
        Set<String> seen = new LinkedHashSet<>();
        for (String field : List.of("name", "alias")) {
            for (String n : values(props, field)) {
                if (seen.add(n)) {
                    names.addObject().put("full", n);
                }
            }
        }
        if (!names.isEmpty()) {
            o.set("names", names);
        }
        String country = first(props, "jurisdiction");
        if (country == null) {
            country = first(props, "country");
        }
        if (country != null) {
            o.put("country", country);
        }
        putFirst(o, "registrationNumber", props, "registrationNumber");
        putFirst(o, "kind", props, "legalForm");
        return o;
    }

    private static Translation link(
            String id, String kind, JsonNode props, String fromProp, String toProp, String roleProp) {
        return records(linkNode(id, kind, first(props, fromProp), first(props, toProp), first(props, roleProp)));
    }

    private static JsonNode linkNode(String id, String kind, String from, String to, String role) {
        ObjectNode l = base(id, "Link");
        l.put("kind", kind);
        if (from != null) {
            l.put("from", from);
        }
        if (to != null) {
            l.put("to", to);
        }
        if (role != null) {
            l.put("role", role);
        }
        return l;
    }

    private static void putFirst(ObjectNode target, String field, JsonNode props, String prop) {
        String v = first(props, prop);
        if (v != null) {
            target.put(field, v);
        }
    }

    private static String first(JsonNode props, String prop) {
        List<String> v = values(props, prop);
        return v.isEmpty() ? null : v.getFirst();
    }

    /** FollowTheMoney values: an array of strings (entity references are ids or nested entities). */
    private static List<String> values(JsonNode props, String prop) {
        JsonNode v = props.get(prop);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        for (JsonNode x : v.isArray() ? v : F.arrayNode().add(v)) {
            String s = x.isObject() ? x.path("id").asText(null) : (x.isValueNode() ? x.asText() : null);
            if (s != null && !s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }
}
