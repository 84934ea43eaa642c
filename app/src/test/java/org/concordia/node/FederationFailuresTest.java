package org.concordia.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.concordia.model.ParticipantCode;
import org.concordia.model.Record;
import org.concordia.sharing.SharingAgreement;
import org.concordia.sharing.SharingMode;
import org.concordia.store.NodeStorage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The federation tier when things go wrong: a partner that is stopped shows {@code unreachable} and the
 * rest of the answer still arrives within the deadline; a row of a node's audit log altered in its
 * database is found by {@code ./concordia audit verify}.
 */
@Tag("federation")
class FederationFailuresTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void aStoppedPartnerIsUnreachableAndTheRestStillAnswersWithinTheDeadline() throws Exception {
        TestFederation federation = new TestFederation(tmp.resolve("pki"), List.of("INTERPOL", "EUROPOL", "AFRIPOL"));
        Map<String, List<Record>> generated = TestFederation.generated(300, 3);
        Map<String, NodeServer> nodes = new LinkedHashMap<>();
        try {
            for (String code : List.of("INTERPOL", "EUROPOL", "AFRIPOL")) {
                NodeServer n = NodeServer.start(
                        federation.settings(code, tmp.resolve(code)).withDeadline(Duration.ofSeconds(3)));
                nodes.put(code, n);
                n.importRecords(generated.getOrDefault(code, List.of()));
                n.putAccount("officer", "officer-pass", Roles.OFFICER);
                n.putAgreement(
                        SharingAgreement.persons(
                                new ParticipantCode(code), new ParticipantCode("INTERPOL"), SharingMode.FULL),
                        "dpo");
            }
            nodes.remove("AFRIPOL").close();

            long start = System.nanoTime();
            JsonNode answer =
                    search(nodes.get("INTERPOL").url(), generated.get("EUROPOL").getFirst());
            long tookMs = (System.nanoTime() - start) / 1_000_000;

            Map<String, String> status = new LinkedHashMap<>();
            answer.path("partners")
                    .forEach(p -> status.put(
                            p.path("participant").asText(), p.path("status").asText()));
            assertThat(status).containsEntry("AFRIPOL", "unreachable").containsEntry("EUROPOL", "hit");
            assertThat(tookMs)
                    .as("bounded by the deadline, not by the stopped partner")
                    .isLessThan(3_000 + 10_000);
        } finally {
            nodes.values().forEach(NodeServer::close);
        }
    }

    @Test
    void anAlteredAuditRowIsFoundByAuditVerify() throws Exception {
        Path data = tmp.resolve("EUROPOL");
        TestFederation federation = new TestFederation(tmp.resolve("pki"), List.of("EUROPOL"));
        try (NodeServer node = NodeServer.start(federation.settings("EUROPOL", data))) {
            node.putAccount("officer", "officer-pass", Roles.OFFICER);
            for (int i = 0; i < 3; i++) {
                search(node.url(), null);
            }
        }
        assertThat(verify(data)).startsWith("0 ");
        try (NodeStorage storage = NodeStorage.open(new NodeStorage.Location.Embedded(data));
                Connection c = storage.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute("ALTER TABLE audit_entry DISABLE TRIGGER USER");
            s.execute("UPDATE audit_entry SET purpose = 'routine-check' WHERE sequence = 2");
        }
        String out = verify(data);
        assertThat(out).startsWith("1 ").contains("broken at entry 2").contains("audit_entry_altered");
    }

    private static String verify(Path data) {
        StringWriter out = new StringWriter();
        CommandLine cl = org.concordia.cli.ConcordiaCli.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(out));
        int exit = cl.execute("audit", "verify", "--data", data.toString());
        return exit + " " + out;
    }

    private static JsonNode search(String url, Record record) throws Exception {
        String name = record == null
                ? "Nobody Anywhere"
                : ((org.concordia.model.Person) record).names().getFirst().full();
        String body = JSON.createObjectNode()
                .put("purpose", "criminal-investigation")
                .put("name", name)
                .toString();
        HttpRequest r = HttpRequest.newBuilder(URI.create(url + "/api/v1/searches"))
                .header("Content-Type", "application/json")
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString("officer:officer-pass".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try (HttpClient c = HttpClient.newHttpClient()) {
            HttpResponse<String> resp = c.send(r, HttpResponse.BodyHandlers.ofString());
            assertThat(resp.statusCode()).as(resp.body()).isEqualTo(200);
            return JSON.readTree(resp.body());
        }
    }
}
