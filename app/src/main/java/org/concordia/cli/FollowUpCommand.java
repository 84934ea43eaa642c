package org.concordia.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./concordia follow-up request|list|show|approve|refuse}: governed requests for a record found
 * hit-only, through a running node. {@code list --json} prints {@code {"followUps": [{"id", "direction",
 * "owner", "requester", "state", "urgency", "dueAt", "overdue"}]}}.
 */
@Command(
        name = "follow-up",
        mixinStandardHelpOptions = true,
        description = "Follow-up requests: ask a record's owner for a record found hit-only, and decide them.",
        subcommands = {
            FollowUpCommand.Request.class,
            FollowUpCommand.ListFollowUps.class,
            FollowUpCommand.Show.class,
            FollowUpCommand.Approve.class,
            FollowUpCommand.Refuse.class
        })
final class FollowUpCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static ObjectNode contract(JsonNode f) {
        ObjectNode o = MessagesCommand.JSON.createObjectNode();
        for (String field : List.of("id", "direction", "owner", "requester", "state", "urgency", "dueAt")) {
            o.put(field, f.path(field).isNull() ? null : f.path(field).asText(null));
        }
        o.put("overdue", f.path("overdue").asBoolean());
        return o;
    }

    static void print(JsonNode f, PrintWriter out) {
        out.printf(
                "%s  %-3s %-10s %-9s %-8s due %s%s%n",
                f.path("id").asText(),
                f.path("direction").asText(),
                f.path("direction").asText().equals("out")
                        ? f.path("owner").asText()
                        : f.path("requester").asText(),
                f.path("state").asText(),
                f.path("urgency").asText(),
                f.path("dueAt").asText(),
                f.path("overdue").asBoolean()
                        ? "  OVERDUE (escalated to " + f.path("escalatedTo").asText() + ")"
                        : "");
    }

    /** A subcommand whose answer is one follow-up request, printed as text or, with --json, as the node gives it. */
    abstract static class FollowUpCall extends NodeCall {
        @Option(names = "--json", description = "Print the node's answer as JSON.")
        boolean json;

        /** The node's answer to this subcommand's call. */
        abstract byte[] request(NodeClient client) throws Exception;

        @Override
        int run(NodeClient client, PrintWriter out, PrintWriter err) throws Exception {
            return answer(MessagesCommand.JSON.readTree(request(client)), json, out);
        }
    }

    static int answer(JsonNode f, boolean json, PrintWriter out) {
        if (json) {
            out.println(f);
        } else {
            print(f, out);
            if (f.has("justification")) {
                out.println("legal basis: " + f.path("legalBasis").asText());
                out.println("justification: " + f.path("justification").asText());
            }
            if (f.has("reason")) {
                out.println("refused: " + f.path("reason").asText());
            }
            if (f.has("record")) {
                out.println("released fields " + f.path("fields") + ":");
                out.println(f.path("record").toPrettyString());
            }
        }
        out.flush();
        return ConcordiaCli.OK;
    }

    @Command(name = "request", mixinStandardHelpOptions = true, description = "Asks a record's owner for a record.")
    static final class Request extends FollowUpCall {
        @Option(names = "--owner", required = true, paramLabel = "PARTICIPANT")
        String owner;

        @Option(names = "--reference", required = true, paramLabel = "REF", description = "From the hit-only result.")
        String reference;

        @Option(names = "--purpose", required = true, paramLabel = "TEXT", description = "A purpose code [: words].")
        String purpose;

        @Option(names = "--legal-basis", required = true, paramLabel = "TEXT")
        String legalBasis;

        @Option(names = "--urgency", defaultValue = "standard", paramLabel = "urgent|standard")
        String urgency;

        @Option(names = "--justification", required = true, paramLabel = "TEXT")
        String justification;

        @Override
        byte[] request(NodeClient client) throws Exception {
            return client.postJson(
                    "/api/v1/follow-ups",
                    MessagesCommand.JSON
                            .createObjectNode()
                            .put("owner", owner)
                            .put("reference", reference)
                            .put("purpose", purpose)
                            .put("legalBasis", legalBasis)
                            .put("urgency", urgency)
                            .put("justification", justification)
                            .toString());
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists requests sent and received.")
    static final class ListFollowUps extends NodeCall {
        @Option(names = "--json", description = "Print {\"followUps\": [...]} as JSON.")
        boolean json;

        @Override
        int run(NodeClient client, PrintWriter out, PrintWriter err) throws Exception {
            JsonNode answer = MessagesCommand.JSON.readTree(client.get("/api/v1/follow-ups"));
            if (json) {
                ObjectNode o = MessagesCommand.JSON.createObjectNode();
                ArrayNode a = o.putArray("followUps");
                answer.path("followUps").forEach(f -> a.add(contract(f)));
                out.println(o);
            } else {
                answer.path("followUps").forEach(f -> print(f, out));
            }
            return ConcordiaCli.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Shows one request and its decision.")
    static final class Show extends FollowUpCall {
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        byte[] request(NodeClient client) throws Exception {
            return client.get("/api/v1/follow-ups/" + id);
        }
    }

    @Command(
            name = "approve",
            mixinStandardHelpOptions = true,
            description = "Releases the record (or only --fields of it) to the requester (DPO or releaser).")
    static final class Approve extends FollowUpCall {
        @Parameters(paramLabel = "ID")
        String id;

        @Option(names = "--fields", split = ",", paramLabel = "FIELD", description = "e.g. names,birthDate")
        List<String> fields = List.of();

        @Override
        byte[] request(NodeClient client) throws Exception {
            ObjectNode body = MessagesCommand.JSON.createObjectNode();
            ArrayNode f = body.putArray("fields");
            fields.forEach(f::add);
            return client.postJson("/api/v1/follow-ups/" + id + "/approve", body.toString());
        }
    }

    @Command(name = "refuse", mixinStandardHelpOptions = true, description = "Refuses a request, with a reason.")
    static final class Refuse extends FollowUpCall {
        @Parameters(paramLabel = "ID")
        String id;

        @Option(names = "--reason", required = true, paramLabel = "TEXT")
        String reason;

        @Override
        byte[] request(NodeClient client) throws Exception {
            return client.postJson(
                    "/api/v1/follow-ups/" + id + "/refuse",
                    MessagesCommand.JSON
                            .createObjectNode()
                            .put("reason", reason)
                            .toString());
        }
    }
}
