package org.concordia.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./concordia alerts publish|update|cancel|list|show|hits|confirm|reject|notifications|links}:
 * alerts through a running node. {@code publish --file ALERT.json} where the file is {@code {"type",
 * "subject": <a record of the exchange model>, "recipients": "all" | ["EUROPOL", ...] | {"region": "..."},
 * "requestedAction", "validUntil"?}}; {@code hits --json} prints {@code {"hits": [{"alertId",
 * "participant", "reply", "score", "recordId"?}]}} (with the hit's {@code id}, {@code reference} of a
 * hit-only reply and {@code state}) as the alerts' owner sees them.
 */
@Command(
        name = "alerts",
        mixinStandardHelpOptions = true,
        description = "Alerts: publish, update, cancel and list them; the hits partners report, and decide them.",
        subcommands = {
            AlertsCommand.Publish.class,
            AlertsCommand.Update.class,
            AlertsCommand.Cancel.class,
            AlertsCommand.ListAlerts.class,
            AlertsCommand.Show.class,
            AlertsCommand.Hits.class,
            AlertsCommand.Confirm.class,
            AlertsCommand.Reject.class,
            AlertsCommand.Notifications.class,
            AlertsCommand.Links.class
        })
final class AlertsCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static void print(JsonNode a, PrintWriter out) {
        out.printf(
                "%s  %-20s %-9s v%d  %s %s  until %s  %s%n",
                a.path("id").asText(),
                a.path("type").asText(),
                a.path("state").asText(),
                a.path("version").asInt(),
                a.path("owner").asText(),
                a.path("subjectType").asText(),
                a.path("validUntil").asText(),
                a.path("requestedAction").asText());
    }

    static void printHit(JsonNode h, PrintWriter out) {
        out.printf(
                "%s  alert %s  %-9s %-8s score %.3f on %-8s %-9s %s%n",
                h.path("id").asText(),
                h.path("alertId").asText(),
                h.path("participant").asText(),
                h.path("reply").asText(),
                h.path("score").asDouble(),
                h.path("on").asText(),
                h.path("state").asText(),
                h.has("recordId")
                        ? "record " + h.path("recordId").asText()
                        : "reference " + h.path("reference").asText());
    }

    /** A subcommand whose answer is one alert or hit, printed as text or, with --json, as the node gives it. */
    abstract static class OneCall extends NodeCall {
        @Option(names = "--json", description = "Print the node's answer as JSON.")
        boolean json;

        abstract byte[] request(NodeClient client) throws Exception;

        @Override
        int run(NodeClient client, PrintWriter out, PrintWriter err) throws Exception {
            JsonNode a = MessagesCommand.JSON.readTree(request(client));
            if (json) {
                out.println(a);
            } else if (a.has("alertId")) {
                printHit(a, out);
            } else {
                print(a, out);
                if (a.has("sentTo")) {
                    out.println("sent to " + a.path("sentTo"));
                }
            }
            return ConcordiaCli.OK;
        }
    }

    static String file(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    @Command(
            name = "publish",
            mixinStandardHelpOptions = true,
            description = "Publishes an alert to its recipients, who check their records against it.")
    static final class Publish extends OneCall {
        @Option(names = "--file", required = true, paramLabel = "ALERT.json")
        Path alertFile;

        @Override
        byte[] request(NodeClient client) throws Exception {
            return client.postJson("/api/v1/alerts", file(alertFile));
        }
    }

    @Command(
            name = "update",
            mixinStandardHelpOptions = true,
            description =
                    "Sends a new version of an alert (subject, requested action, validity; type and recipients stay).")
    static final class Update extends OneCall {
        @Parameters(paramLabel = "ID")
        String id;

        @Option(names = "--file", required = true, paramLabel = "ALERT.json")
        Path alertFile;

        @Override
        byte[] request(NodeClient client) throws Exception {
            return client.putJson("/api/v1/alerts/" + id, file(alertFile));
        }
    }

    @Command(
            name = "cancel",
            mixinStandardHelpOptions = true,
            description = "Cancels an alert: it stops matching everywhere.")
    static final class Cancel extends OneCall {
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        byte[] request(NodeClient client) throws Exception {
            return client.postJson("/api/v1/alerts/" + id + "/cancel", "{}");
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Shows one alert with its subject.")
    static final class Show extends OneCall {
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        byte[] request(NodeClient client) throws Exception {
            return client.get("/api/v1/alerts/" + id);
        }

        @Override
        int run(NodeClient client, PrintWriter out, PrintWriter err) throws Exception {
            JsonNode a = MessagesCommand.JSON.readTree(request(client));
            if (json) {
                out.println(a);
            } else {
                print(a, out);
                out.println(a.path("subject").toPrettyString());
            }
            return ConcordiaCli.OK;
        }
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "Lists this node's alerts, or with --received those of partners.")
    static final class ListAlerts extends NodeCall {
        @Option(names = "--received", description = "Partners' alerts received by this node.")
        boolean received;

        @Option(names = "--json", description = "Print {\"alerts\": [...]} as JSON.")
        boolean json;

        @Override
        int run(NodeClient client, PrintWriter out, PrintWriter err) throws Exception {
            JsonNode answer = MessagesCommand.JSON.readTree(
                    client.get("/api/v1/alerts?scope=" + (received ? "received" : "own")));
            if (json) {
                out.println(answer);
            } else {
                answer.path("alerts").forEach(a -> print(a, out));
            }
            return ConcordiaCli.OK;
        }
    }

    @Command(
            name = "hits",
            mixinStandardHelpOptions = true,
            description = "Lists the hits partners reported on this node's alerts.")
    static final class Hits extends NodeCall {
        @Option(names = "--alert", paramLabel = "ID", description = "Only the hits of this alert.")
        String alert;

        @Option(
                names = "--json",
                description =
                        "Print {\"hits\": [{\"alertId\", \"participant\", \"reply\", \"score\", \"recordId\"?}]}.")
        boolean json;

        @Override
        int run(NodeClient client, PrintWriter out, PrintWriter err) throws Exception {
            JsonNode answer = MessagesCommand.JSON.readTree(
                    client.get("/api/v1/alerts/hits" + (alert == null ? "" : "?alert=" + alert)));
            if (json) {
                ObjectNode o = MessagesCommand.JSON.createObjectNode();
                ArrayNode hits = o.putArray("hits");
                for (JsonNode h : answer.path("hits")) {
                    ObjectNode c = hits.addObject();
                    for (String f : List.of(
                            "alertId", "participant", "reply", "score", "recordId", "id", "reference", "state")) {
                        if (h.has(f)) {
                            c.set(f, h.get(f));
                        }
                    }
                }
                out.println(o);
            } else {
                answer.path("hits").forEach(h -> printHit(h, out));
            }
            return ConcordiaCli.OK;
        }
    }

    @Command(
            name = "confirm",
            mixinStandardHelpOptions = true,
            description = "Confirms a reported hit: the same person or object (an identity link, sent to the partner).")
    static final class Confirm extends OneCall {
        @Parameters(paramLabel = "HIT")
        String id;

        @Override
        byte[] request(NodeClient client) throws Exception {
            return client.postJson("/api/v1/alerts/hits/" + id + "/confirm", "{}");
        }
    }

    @Command(name = "reject", mixinStandardHelpOptions = true, description = "Rejects a reported hit: not the same.")
    static final class Reject extends OneCall {
        @Parameters(paramLabel = "HIT")
        String id;

        @Override
        byte[] request(NodeClient client) throws Exception {
            return client.postJson("/api/v1/alerts/hits/" + id + "/reject", "{}");
        }
    }

    @Command(
            name = "notifications",
            mixinStandardHelpOptions = true,
            description = "This node's records that hit partners' alerts, with the action each owner requests.")
    static final class Notifications extends NodeCall {
        @Option(names = "--json", description = "Print {\"notifications\": [...]} as JSON.")
        boolean json;

        @Override
        int run(NodeClient client, PrintWriter out, PrintWriter err) throws Exception {
            JsonNode answer = MessagesCommand.JSON.readTree(client.get("/api/v1/alerts/notifications"));
            if (json) {
                out.println(answer);
            } else {
                for (JsonNode n : answer.path("notifications")) {
                    out.printf(
                            "%s  record %s hit %s alert %s of %s (score %.3f, %s) -> %s%n",
                            n.path("id").asText(),
                            n.path("recordId").asText(),
                            n.path("type").asText(),
                            n.path("alertId").asText(),
                            n.path("owner").asText(),
                            n.path("score").asDouble(),
                            n.path("state").asText(),
                            n.path("requestedAction").asText());
                }
            }
            return ConcordiaCli.OK;
        }
    }

    @Command(name = "links", mixinStandardHelpOptions = true, description = "Identity links decided on hits.")
    static final class Links extends NodeCall {
        @Override
        int run(NodeClient client, PrintWriter out, PrintWriter err) throws Exception {
            out.println(MessagesCommand.JSON.readTree(client.get("/api/v1/alerts/links")));
            return ConcordiaCli.OK;
        }
    }
}
