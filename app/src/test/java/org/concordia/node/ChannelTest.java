package org.concordia.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.concordia.audit.AuditAction;
import org.concordia.audit.AuditEntry;
import org.concordia.store.NodeStorage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The channel's federation tier: nodes on this machine exchanging messages over real mutual TLS, each
 * with its own embedded store. GCCPOL is in the directory but never started (a recipient that is down
 * for good); AFRIPOL gives up on a delivery after a few seconds.
 */
@Tag("federation")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChannelTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CODES = List.of("INTERPOL", "EUROPOL", "AFRIPOL", "GCCPOL");
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path tmp;

    TestFederation federation;
    final Map<String, NodeServer> nodes = new LinkedHashMap<>();

    @BeforeAll
    void start() throws Exception {
        federation = new TestFederation(tmp.resolve("pki"), CODES);
        for (String code : List.of("INTERPOL", "EUROPOL", "AFRIPOL")) {
            startNode(code);
        }
    }

    private void startNode(String code) {
        NodeSettings.Channel c = NodeSettings.Channel.DEFAULT;
        NodeSettings.Channel channel = new NodeSettings.Channel(
                code.equals("AFRIPOL") ? Duration.ofSeconds(3) : c.deliverWithin(),
                c.urgentDeadline(),
                c.standardDeadline(),
                c.escalationRole(),
                Duration.ofSeconds(2));
        NodeServer node =
                NodeServer.start(federation.settings(code, tmp.resolve(code)).withChannel(channel));
        node.putAccount("officer", "officer-pass", Roles.OFFICER);
        node.putAccount("admin", "admin-pass", Roles.ADMIN);
        nodes.put(code, node);
    }

    @AfterAll
    void stop() {
        nodes.values().forEach(NodeServer::close);
    }

    private JsonNode send(String from, String to, String subject, String body) throws Exception {
        HttpResponse<String> r = call(
                "POST",
                nodes.get(from).url() + "/api/v1/messages",
                "officer",
                "officer-pass",
                JSON.createObjectNode()
                        .put("to", to)
                        .put("subject", subject)
                        .put("body", body)
                        .toString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body());
    }

    private JsonNode get(String node, String path) throws Exception {
        HttpResponse<String> r = call("GET", nodes.get(node).url() + path, "officer", "officer-pass", null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private JsonNode message(String node, String id) throws Exception {
        for (JsonNode m : get(node, "/api/v1/messages?limit=1000").path("messages")) {
            if (m.path("id").asText().equals(id)) {
                return m;
            }
        }
        return null;
    }

    private JsonNode awaitMessage(String node, String id, Predicate<JsonNode> until) throws Exception {
        long end = System.nanoTime() + WAIT.toNanos();
        JsonNode m = null;
        while (System.nanoTime() < end) {
            m = message(node, id);
            if (m != null && until.test(m)) {
                return m;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("message " + id + " at " + node + " never got there; last seen: " + m);
    }

    static HttpResponse<String> call(String method, String url, String user, String password, String body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (user != null) {
            b.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        try (HttpClient c = HttpClient.newHttpClient()) {
            return c.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private List<AuditEntry> audit(String node, AuditAction action) {
        return nodes.get(node).auditEntries().stream()
                .filter(e -> e.event().action() == action)
                .toList();
    }

    @Test
    void aMessageIsDeliveredReadAndTheSenderSeesBoth() throws Exception {
        JsonNode sent = send("INTERPOL", "EUROPOL", "Case 42: suspect travel", "He flew to Lyon on the 3rd.");
        String id = sent.path("id").asText();
        assertThat(sent.path("from").asText()).isEqualTo("INTERPOL");
        assertThat(sent.path("subject").asText()).isEqualTo("Case 42: suspect travel");

        awaitMessage("INTERPOL", id, m -> m.path("status").asText().equals("delivered"));
        JsonNode received = awaitMessage("EUROPOL", id, m -> true);
        assertThat(received.path("status").asText()).isEqualTo("received");
        assertThat(received.path("subject").asText()).isEqualTo("Case 42: suspect travel");
        assertThat(received.path("direction").asText()).isEqualTo("in");

        JsonNode read = get("EUROPOL", "/api/v1/messages/" + id);
        assertThat(read.path("body").asText()).isEqualTo("He flew to Lyon on the 3rd.");
        assertThat(read.path("status").asText()).isEqualTo("read");
        awaitMessage("INTERPOL", id, m -> m.path("status").asText().equals("read"));

        Predicate<AuditEntry> names = e -> e.event().recordIds().contains(id);
        assertThat(audit("INTERPOL", AuditAction.MESSAGE_SENT)).anyMatch(names);
        assertThat(audit("INTERPOL", AuditAction.MESSAGE_DELIVERED)).anyMatch(names);
        assertThat(audit("INTERPOL", AuditAction.MESSAGE_READ_RECEIPT)).anyMatch(names);
        assertThat(audit("EUROPOL", AuditAction.MESSAGE_RECEIVED)).anyMatch(names);
        assertThat(audit("EUROPOL", AuditAction.MESSAGE_READ)).anyMatch(names);
    }

    @Test
    void aMessageReachesAPartnerThatWasDownWhenItWasSent() throws Exception {
        nodes.remove("AFRIPOL").close();
        try {
            JsonNode sent = send("INTERPOL", "AFRIPOL", "While you were out", "Call back about case 7.");
            String id = sent.path("id").asText();
            Thread.sleep(3_000); // several attempts fail meanwhile
            assertThat(message("INTERPOL", id).path("status").asText()).isEqualTo("queued");

            startNode("AFRIPOL");
            awaitMessage("INTERPOL", id, m -> m.path("status").asText().equals("delivered"));
            assertThat(awaitMessage("AFRIPOL", id, m -> true).path("subject").asText())
                    .isEqualTo("While you were out");
        } finally {
            if (!nodes.containsKey("AFRIPOL")) {
                startNode("AFRIPOL");
            }
        }
    }

    @Test
    void aMessageThatCannotBeDeliveredInTimeIsReportedUndeliverableNotDropped() throws Exception {
        String id = send("AFRIPOL", "GCCPOL", "To a node that never answers", "...")
                .path("id")
                .asText();
        JsonNode m = awaitMessage("AFRIPOL", id, x -> x.path("status").asText().equals("undeliverable"));
        assertThat(m.path("code").asText()).isEqualTo("message_undeliverable");
        assertThat(audit("AFRIPOL", AuditAction.MESSAGE_UNDELIVERABLE))
                .anyMatch(e -> e.event().recordIds().contains(id));
    }

    @Test
    void theDatabaseRowsOfAMessageHoldNoReadableSubjectOrBody() throws Exception {
        String subject = "Confidential subject 5c1e";
        String body = "The informant's name is Zaphod Quirinius Beeblebrox";
        String id = send("INTERPOL", "EUROPOL", subject, body).path("id").asText();
        awaitMessage("EUROPOL", id, m -> true);
        for (String node : List.of("INTERPOL", "EUROPOL")) {
            List<byte[]> cells = cells(node, "SELECT * FROM message WHERE id = '" + id + "'");
            assertThat(cells).as("the row at " + node).isNotEmpty();
            for (String secret : List.of(subject, body, "Zaphod")) {
                byte[] plain = secret.getBytes(StandardCharsets.UTF_8);
                for (byte[] cell : cells) {
                    assertThat(HexFormat.of().formatHex(cell))
                            .as("a column at " + node)
                            .doesNotContain(HexFormat.of().formatHex(plain));
                }
            }
        }
        // and yet both sides read it
        assertThat(get("INTERPOL", "/api/v1/messages/" + id).path("body").asText())
                .isEqualTo(body);
        assertThat(get("EUROPOL", "/api/v1/messages/" + id).path("body").asText())
                .isEqualTo(body);
    }

    /** Every column of every row the query returns, as bytes (text as UTF-8; base 64 inside decoded too). */
    private List<byte[]> cells(String node, String sql) throws Exception {
        List<byte[]> out = new ArrayList<>();
        try (Connection c = nodes.get(node).bean(NodeStorage.class).dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    byte[] b = md.getColumnTypeName(i).equals("bytea")
                            ? rs.getBytes(i)
                            : String.valueOf(rs.getString(i)).getBytes(StandardCharsets.UTF_8);
                    if (b != null) {
                        out.add(b);
                        JsonNode json = tryJson(b);
                        if (json != null) {
                            for (JsonNode v : json) {
                                try {
                                    out.add(Base64.getUrlDecoder().decode(v.asText()));
                                } catch (IllegalArgumentException e) {
                                    out.add(v.asText().getBytes(StandardCharsets.UTF_8));
                                }
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    private static JsonNode tryJson(byte[] b) {
        try {
            JsonNode n = JSON.readTree(b);
            return n != null && n.isObject() ? n : null;
        } catch (Exception e) {
            return null;
        }
    }
}
