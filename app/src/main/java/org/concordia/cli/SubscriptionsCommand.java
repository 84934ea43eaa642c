package org.concordia.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./concordia subscriptions add|list|events|end}: an officer's watches through a running node.
 * {@code add --record ID} watches one of the node's records (told of partners' searches that find it);
 * {@code add --subject FILE} watches a person or object (a record of the exchange model) at the partners
 * (told when their data matches it, or a record that matched changes).
 */
@Command(
        name = "subscriptions",
        mixinStandardHelpOptions = true,
        description = "Watch a record of this node, or a person or object at the partners, and read what happened.",
        subcommands = {
            SubscriptionsCommand.Add.class,
            SubscriptionsCommand.ListSubscriptions.class,
            SubscriptionsCommand.Events.class,
            SubscriptionsCommand.End.class
        })
final class SubscriptionsCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static void print(JsonNode s, PrintWriter out) {
        out.printf(
                "%s  %-7s %s  since %s%s%n",
                s.path("id").asText(),
                s.path("kind").asText(),
                s.has("recordId")
                        ? "record " + s.path("recordId").asText()
                        : "alert " + s.path("alertId").asText(),
                s.path("createdAt").asText(),
                s.has("endedAt") ? "  ended " + s.path("endedAt").asText() : "");
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Starts a subscription.")
    static final class Add extends NodeCall {
        static final class What {
            @Option(names = "--record", paramLabel = "ID", description = "A record of this node.")
            String record;

            @Option(names = "--subject", paramLabel = "FILE", description = "A person or object (exchange model JSON).")
            Path subject;
        }

        @ArgGroup(exclusive = true, multiplicity = "1")
        What what;

        @Option(
                names = "--recipients",
                split = ",",
                paramLabel = "PARTICIPANT",
                description = "Whom a --subject watch goes to (default: all participants).")
        java.util.List<String> recipients;

        @Option(names = "--json", description = "Print the node's answer as JSON.")
        boolean json;

        @Override
        int run(NodeClient client, PrintWriter out, PrintWriter err) throws Exception {
            ObjectNode body = MessagesCommand.JSON.createObjectNode();
            if (what.record != null) {
                body.put("recordId", what.record);
            } else {
                body.set("subject", MessagesCommand.JSON.readTree(AlertsCommand.file(what.subject)));
                if (recipients != null) {
                    recipients.forEach(body.putArray("recipients")::add);
                }
            }
            JsonNode s = MessagesCommand.JSON.readTree(client.postJson("/api/v1/subscriptions", body.toString()));
            if (json) {
                out.println(s);
            } else {
                print(s, out);
            }
            return ConcordiaCli.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists your subscriptions.")
    static final class ListSubscriptions extends NodeCall {
        @Option(names = "--json", description = "Print {\"subscriptions\": [...]} as JSON.")
        boolean json;

        @Override
        int run(NodeClient client, PrintWriter out, PrintWriter err) throws Exception {
            JsonNode answer = MessagesCommand.JSON.readTree(client.get("/api/v1/subscriptions"));
            if (json) {
                out.println(answer);
            } else {
                answer.path("subscriptions").forEach(s -> print(s, out));
            }
            return ConcordiaCli.OK;
        }
    }

    @Command(
            name = "events",
            mixinStandardHelpOptions = true,
            description = "What your subscriptions told: enquiries, matches, changes.")
    static final class Events extends NodeCall {
        @Option(names = "--json", description = "Print {\"events\": [...]} as JSON.")
        boolean json;

        @Override
        int run(NodeClient client, PrintWriter out, PrintWriter err) throws Exception {
            JsonNode answer = MessagesCommand.JSON.readTree(client.get("/api/v1/subscriptions/events"));
            if (json) {
                out.println(answer);
            } else {
                for (JsonNode e : answer.path("events")) {
                    out.printf(
                            "%s  %-8s %-9s subscription %s  %s%n",
                            e.path("at").asText(),
                            e.path("kind").asText(),
                            e.path("participant").asText(),
                            e.path("subscription").asText(),
                            e.path("kind").asText().equals("enquiry")
                                    ? "purpose " + e.path("purpose").asText() + ", answered "
                                            + e.path("reply").asText()
                                    : e.path("reply").asText() + " score "
                                            + e.path("score").asText());
                }
            }
            return ConcordiaCli.OK;
        }
    }

    @Command(name = "end", mixinStandardHelpOptions = true, description = "Ends one of your subscriptions.")
    static final class End extends NodeCall {
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        int run(NodeClient client, PrintWriter out, PrintWriter err) throws Exception {
            print(MessagesCommand.JSON.readTree(client.postJson("/api/v1/subscriptions/" + id + "/end", "{}")), out);
            return ConcordiaCli.OK;
        }
    }
}
