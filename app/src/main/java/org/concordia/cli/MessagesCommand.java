package org.concordia.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./concordia messages send|list|show|forward}: the channel between participants, through a
 * running node. {@code list --json} prints {@code {"messages": [{"id", "from", "to", "subject",
 * "status", "attachments"}]}} (other tools read it).
 */
@Command(
        name = "messages",
        mixinStandardHelpOptions = true,
        description = "Secure messages between participants, through a running node.",
        subcommands = {
            MessagesCommand.Send.class,
            MessagesCommand.ListMessages.class,
            MessagesCommand.Show.class,
            MessagesCommand.Forward.class,
            MessagesCommand.Download.class
        })
final class MessagesCommand implements Runnable {
    static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The documented fields of one message. */
    static ObjectNode contract(JsonNode m) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", m.path("id").asText());
        o.put("from", m.path("from").asText());
        o.put("to", m.path("to").asText());
        o.put("subject", m.path("subject").asText(null));
        o.put("status", m.path("status").asText());
        ArrayNode a = o.putArray("attachments");
        for (JsonNode x : m.path("attachments")) {
            a.addObject()
                    .put("id", x.path("id").asText())
                    .put("name", x.path("name").asText())
                    .put("size", x.path("size").asLong());
        }
        return o;
    }

    static void line(JsonNode m, PrintWriter out) {
        out.printf(
                "%s  %-9s %-10s -> %-10s %-13s %s%s%n",
                m.path("id").asText(),
                m.path("direction").asText(),
                m.path("from").asText(),
                m.path("to").asText(),
                m.path("status").asText(),
                m.path("subject").asText("(cannot be opened here)"),
                m.path("attachments").isEmpty()
                        ? ""
                        : "  [" + m.path("attachments").size() + " attachment(s)]");
    }

    @Command(name = "send", mixinStandardHelpOptions = true, description = "Sends a message to a participant.")
    static final class Send extends NodeCall {
        @Option(names = "--to", required = true, paramLabel = "PARTICIPANT")
        String to;

        @Option(names = "--subject", required = true, paramLabel = "S")
        String subject;

        @Option(names = "--body", required = true, paramLabel = "TEXT")
        String body;

        @Option(names = "--tlp", paramLabel = "LABEL", description = "TLP 2.0 label (default amber).")
        String tlp;

        @Option(names = "--handling-code", paramLabel = "H", description = "H0, H1, H2 or H3 (default H0).")
        String handlingCode;

        @Option(names = "--thread", paramLabel = "ID", description = "The case thread it continues.")
        String thread;

        @Option(
                names = "--attach",
                paramLabel = "FILE",
                description = "A file to attach (at most 50 MB); repeat for several.")
        java.util.List<java.nio.file.Path> attach = new java.util.ArrayList<>();

        @Option(names = "--json", description = "Print the queued message as JSON.")
        boolean json;

        @Override
        int run(NodeClient client, PrintWriter out, PrintWriter err) throws Exception {
            for (java.nio.file.Path f : attach) {
                if (!java.nio.file.Files.isRegularFile(f)) {
                    err.println("error unreadable_input: " + f + " is not a readable file");
                    return ConcordiaCli.USAGE;
                }
            }
            ObjectNode request = JSON.createObjectNode()
                    .put("to", to)
                    .put("subject", subject)
                    .put("body", body);
            ArrayNode ids = request.putArray("attachments");
            for (java.nio.file.Path f : attach) {
                JsonNode a = JSON.readTree(client.post(
                        "/api/v1/messages/attachments?name="
                                + java.net.URLEncoder.encode(
                                        f.getFileName().toString(), java.nio.charset.StandardCharsets.UTF_8),
                        "application/octet-stream",
                        java.net.http.HttpRequest.BodyPublishers.ofFile(f)));
                ids.add(a.path("id").asText());
            }
            if (tlp != null) {
                request.put("tlp", tlp);
            }
            if (handlingCode != null) {
                request.put("handlingCode", handlingCode);
            }
            if (thread != null) {
                request.put("thread", thread);
            }
            JsonNode m = JSON.readTree(client.postJson("/api/v1/messages", request.toString()));
            if (json) {
                out.println(contract(m));
            } else {
                out.println("queued " + m.path("id").asText() + " to "
                        + m.path("to").asText());
            }
            out.flush();
            return ConcordiaCli.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists messages sent and received.")
    static final class ListMessages extends NodeCall {
        @Option(names = "--limit", defaultValue = "100", paramLabel = "N")
        int limit;

        @Option(names = "--json", description = "Print {\"messages\": [...]} as JSON.")
        boolean json;

        @Override
        int run(NodeClient client, PrintWriter out, PrintWriter err) throws Exception {
            JsonNode answer = JSON.readTree(client.get("/api/v1/messages?limit=" + limit));
            if (json) {
                ObjectNode o = JSON.createObjectNode();
                ArrayNode a = o.putArray("messages");
                answer.path("messages").forEach(m -> a.add(contract(m)));
                out.println(o);
            } else {
                answer.path("messages").forEach(m -> line(m, out));
            }
            out.flush();
            return ConcordiaCli.OK;
        }
    }

    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description = "Shows one message with its body (a received one is then marked read).")
    static final class Show extends NodeCall {
        @Parameters(paramLabel = "ID")
        String id;

        @Option(names = "--json", description = "Print the node's answer as JSON.")
        boolean json;

        @Override
        int run(NodeClient client, PrintWriter out, PrintWriter err) throws Exception {
            JsonNode m = JSON.readTree(client.get("/api/v1/messages/" + id));
            if (json) {
                out.println(m);
            } else {
                line(m, out);
                out.println("thread " + m.path("thread").asText() + ", "
                        + m.path("tlp").asText() + "/"
                        + m.path("handlingCode").asText());
                out.println();
                out.println(m.path("body").asText(""));
            }
            out.flush();
            return ConcordiaCli.OK;
        }
    }

    @Command(
            name = "download",
            mixinStandardHelpOptions = true,
            description = "Saves an attachment of a message to a file (decrypted, each segment checked).")
    static final class Download extends NodeCall {
        @Parameters(index = "0", paramLabel = "MESSAGE")
        String message;

        @Parameters(index = "1", paramLabel = "ATTACHMENT")
        String attachment;

        @Option(names = "--out", required = true, paramLabel = "FILE")
        java.nio.file.Path file;

        @Override
        int run(NodeClient client, PrintWriter out, PrintWriter err) throws Exception {
            client.download("/api/v1/messages/" + message + "/attachments/" + attachment, file);
            out.println("wrote " + file + " (" + java.nio.file.Files.size(file) + " bytes)");
            out.flush();
            return ConcordiaCli.OK;
        }
    }

    @Command(
            name = "forward",
            mixinStandardHelpOptions = true,
            description = "Forwards a message to another participant (refused for TLP:RED, H2 and H3).")
    static final class Forward extends NodeCall {
        @Parameters(paramLabel = "ID")
        String id;

        @Option(names = "--to", required = true, paramLabel = "PARTICIPANT")
        String to;

        @Override
        int run(NodeClient client, PrintWriter out, PrintWriter err) throws Exception {
            JsonNode m = JSON.readTree(client.postJson(
                    "/api/v1/messages/" + id + "/forward",
                    JSON.createObjectNode().put("to", to).toString()));
            out.println(
                    "queued " + m.path("id").asText() + " to " + m.path("to").asText());
            out.flush();
            return ConcordiaCli.OK;
        }
    }
}
