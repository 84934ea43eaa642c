package org.concordia.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.net.http.HttpRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./concordia search}: one federated search through a running node, as an officer of that node.
 * With {@code --json} it prints {@code {"results": [{"owner", "reply", "score", "recordId"?,
 * "reference"?}], "partners": [{"participant", "status", "latencyMs"}]}} (other tools read it).
 */
@Command(
        name = "search",
        mixinStandardHelpOptions = true,
        description = {
            "Searches a person through a running node: its own records and every partner's, each under its",
            "owner's agreement. Exit 0 answered (hits or not), 2 wrong usage, refused credentials or node unreachable."
        })
final class SearchCommand extends NodeCall {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(
            names = "--purpose",
            required = true,
            paramLabel = "TEXT",
            description =
                    "A purpose code, then optionally ': ' and your words, e.g. \"criminal-investigation: case 42\".")
    String purpose;

    @Option(names = "--name", paramLabel = "NAME", description = "A name in any script and order.")
    String name;

    @Option(names = "--birth-date", paramLabel = "DATE", description = "YYYY, YYYY-MM or YYYY-MM-DD.")
    String birthDate;

    @Option(names = "--nationality", paramLabel = "COUNTRY", description = "ISO 3166-1 code or name.")
    String nationality;

    @Option(names = "--document", paramLabel = "NUMBER", description = "A travel document number.")
    String document;

    @Option(
            names = "--text",
            paramLabel = "TEXT",
            description = "One search box: name, date and document number together.")
    String text;

    @Option(names = "--json", description = "Print the answer as JSON.")
    boolean json;

    @Override
    int run(NodeClient client, PrintWriter out, PrintWriter err) throws Exception {
        ObjectNode request = JSON.createObjectNode();
        request.put("purpose", purpose);
        putIfSet(request, "name", name);
        putIfSet(request, "birthDate", birthDate);
        putIfSet(request, "nationality", nationality);
        putIfSet(request, "document", document);
        putIfSet(request, "text", text);
        JsonNode answer = JSON.readTree(client.post(
                "/api/v1/searches", "application/json", HttpRequest.BodyPublishers.ofString(request.toString())));
        if (json) {
            out.println(contract(answer));
        } else {
            print(answer, out);
        }
        return ConcordiaCli.OK;
    }

    /** Exactly the documented fields. */
    static ObjectNode contract(JsonNode answer) {
        ObjectNode o = JSON.createObjectNode();
        ArrayNode results = o.putArray("results");
        for (JsonNode r : answer.path("results")) {
            ObjectNode x = results.addObject();
            x.put("owner", r.path("owner").asText());
            x.put("reply", r.path("reply").asText());
            x.put("score", r.path("score").asDouble());
            if (r.hasNonNull("recordId")) {
                x.put("recordId", r.path("recordId").asText());
            }
            if (r.hasNonNull("reference")) {
                x.put("reference", r.path("reference").asText());
            }
        }
        ArrayNode partners = o.putArray("partners");
        for (JsonNode p : answer.path("partners")) {
            ObjectNode x = partners.addObject();
            x.put("participant", p.path("participant").asText());
            x.put("status", p.path("status").asText());
            x.put("latencyMs", p.path("latencyMs").asLong());
        }
        return o;
    }

    static void print(JsonNode answer, PrintWriter out) {
        out.println("participant  status       ms   code");
        for (JsonNode p : answer.path("partners")) {
            out.printf(
                    "%-12s %-11s %5d  %s%n",
                    p.path("participant").asText(),
                    p.path("status").asText(),
                    p.path("latencyMs").asLong(),
                    p.path("code").asText(""));
        }
        out.println();
        if (answer.path("results").isEmpty()) {
            out.println("no hit");
        }
        for (JsonNode r : answer.path("results")) {
            if (r.path("reply").asText().equals("hit")) {
                JsonNode rec = r.path("record");
                StringBuilder names = new StringBuilder();
                for (JsonNode n : rec.path("names")) {
                    names.append(names.isEmpty() ? "" : " | ")
                            .append(n.path("full").asText());
                }
                out.printf(
                        "%.3f  %-10s hit       %s  %s  born %s%n",
                        r.path("score").asDouble(),
                        r.path("owner").asText(),
                        r.path("recordId").asText(),
                        names,
                        rec.path("birthDate").asText("?"));
                for (JsonNode e : r.path("evidence")) {
                    out.printf(
                            "         %-12s %-8s %s%n",
                            e.path("field").asText(),
                            e.path("agreement").asText(),
                            e.path("explanation").asText());
                }
            } else {
                out.printf(
                        "%.3f  %-10s hit-only  reference %s (score band %s): ask the owner for the record%n",
                        r.path("score").asDouble(),
                        r.path("owner").asText(),
                        r.path("reference").asText(),
                        r.path("band").asText());
            }
        }
    }

    private static void putIfSet(ObjectNode o, String field, String value) {
        if (value != null && !value.isBlank()) {
            o.put(field, value);
        }
    }
}
