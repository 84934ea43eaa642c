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
        // EUROPOL shares persons in full with INTERPOL, but these two records are H2: answered hit-only
        nodes.get("EUROPOL")
                .importRecords(List.of(
                        TestFederation.record("{\"id\": \"EUROPOL-H2-1\", \"type\": \"Person\", \"owner\":"
                                + " \"EUROPOL\", \"handling\": {\"tlp\": \"AMBER\", \"code\": \"H2\"}, \"names\":"
                                + " [{\"full\": \"KOVALENKO, Taras\"}], \"birthDate\": \"1979-05-14\","
                                + " \"nationalities\": [\"UKR\"]}"),
                        TestFederation.record("{\"id\": \"EUROPOL-H2-2\", \"type\": \"Person\", \"owner\":"
                                + " \"EUROPOL\", \"handling\": {\"tlp\": \"AMBER\", \"code\": \"H2\"}, \"names\":"
                                + " [{\"full\": \"OYELARAN, Funmilayo\"}], \"birthDate\": \"1990-11-02\"}")));
        nodes.get("EUROPOL")
                .putAgreement(
                        org.concordia.sharing.SharingAgreement.persons(
                                new org.concordia.model.ParticipantCode("EUROPOL"),
                                new org.concordia.model.ParticipantCode("INTERPOL"),
                                org.concordia.sharing.SharingMode.FULL),
                        "dpo");
    }

    private void startNode(String code) {
        NodeSettings.Channel c = NodeSettings.Channel.DEFAULT;
        NodeSettings.Channel channel = new NodeSettings.Channel(
                code.equals("AFRIPOL") ? Duration.ofSeconds(3) : c.deliverWithin(),
                c.urgentDeadline(),
                c.standardDeadline(),
                c.escalationRole(),
                Duration.ofSeconds(2));
        if (code.equals("AFRIPOL")) {
            channel = new NodeSettings.Channel(
                    channel.deliverWithin(),
                    Duration.ofSeconds(2),
                    channel.standardDeadline(),
                    channel.escalationRole(),
                    channel.retryAtMost());
        }
        NodeServer node =
                NodeServer.start(federation.settings(code, tmp.resolve(code)).withChannel(channel));
        node.putAccount("officer", "officer-pass", Roles.OFFICER);
        node.putAccount("admin", "admin-pass", Roles.ADMIN);
        node.putAccount("dpo", "dpo-pass", Roles.DPO);
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

    /** What {@code read} returns once it satisfies {@code until} (null: not there yet), within {@link #WAIT}. */
    static JsonNode await(String what, java.util.concurrent.Callable<JsonNode> read, Predicate<JsonNode> until)
            throws Exception {
        long end = System.nanoTime() + WAIT.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < end) {
            last = read.call();
            if (last != null && until.test(last)) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(what + " never got there; last seen: " + last);
    }

    private JsonNode awaitMessage(String node, String id, Predicate<JsonNode> until) throws Exception {
        return await("message " + id + " at " + node, () -> message(node, id), until);
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

    private JsonNode post(String node, String user, String password, String path, String body) throws Exception {
        HttpResponse<String> r = call("POST", nodes.get(node).url() + path, user, password, body);
        JsonNode json = JSON.readTree(r.body().isEmpty() ? "{}" : r.body());
        ((com.fasterxml.jackson.databind.node.ObjectNode) json).put("httpStatus", r.statusCode());
        return json;
    }

    private JsonNode followUp(String node, String user, String password, String id, Predicate<JsonNode> until)
            throws Exception {
        return await(
                "follow-up " + id + " at " + node,
                () -> {
                    HttpResponse<String> r =
                            call("GET", nodes.get(node).url() + "/api/v1/follow-ups/" + id, user, password, null);
                    return r.statusCode() == 200 ? JSON.readTree(r.body()) : null;
                },
                until);
    }

    /** INTERPOL's hit-only reference for a EUROPOL person. */
    private String reference(String name, String birthDate) throws Exception {
        JsonNode r = post(
                "INTERPOL",
                "officer",
                "officer-pass",
                "/api/v1/searches",
                JSON.createObjectNode()
                        .put("purpose", "criminal-investigation")
                        .put("name", name)
                        .put("birthDate", birthDate)
                        .toString());
        for (JsonNode x : r.path("results")) {
            if (x.path("owner").asText().equals("EUROPOL")) {
                assertThat(x.path("reply").asText()).isEqualTo("hit-only");
                return x.path("reference").asText();
            }
        }
        throw new AssertionError("no EUROPOL result: " + r);
    }

    private String requestFollowUp(String owner, String reference, String urgency) throws Exception {
        JsonNode f = post(
                "INTERPOL",
                "officer",
                "officer-pass",
                "/api/v1/follow-ups",
                JSON.createObjectNode()
                        .put("owner", owner)
                        .put("reference", reference)
                        .put("purpose", "criminal-investigation: case 42")
                        .put("legalBasis", "Council Framework Decision 2006/960/JHA")
                        .put("urgency", urgency)
                        .put("justification", "Suspected of the robbery in case 42; we need his identity.")
                        .toString());
        assertThat(f.path("httpStatus").asInt()).as(f.toString()).isEqualTo(201);
        assertThat(f.path("state").asText()).isEqualTo("requested");
        return f.path("id").asText();
    }

    @Test
    void aFollowUpGoesFromAHitOnlyResultToAnApprovedPartialReleaseThatCannotBeForwarded() throws Exception {
        String id = requestFollowUp("EUROPOL", reference("Taras Kovalenko", "1979-05-14"), "standard");

        JsonNode atOwner = followUp("EUROPOL", "dpo", "dpo-pass", id, f -> true);
        assertThat(atOwner.path("direction").asText()).isEqualTo("in");
        assertThat(atOwner.path("requester").asText()).isEqualTo("INTERPOL");
        assertThat(atOwner.path("justification").asText()).contains("robbery in case 42");
        assertThat(atOwner.path("legalBasis").asText()).isEqualTo("Council Framework Decision 2006/960/JHA");
        assertThat(Duration.between(
                        java.time.Instant.parse(atOwner.path("requestedAt").asText()),
                        java.time.Instant.parse(atOwner.path("dueAt").asText())))
                .isEqualTo(Duration.ofDays(3));

        JsonNode refusedForOfficer =
                post("EUROPOL", "officer", "officer-pass", "/api/v1/follow-ups/" + id + "/approve", "{}");
        assertThat(refusedForOfficer.path("httpStatus").asInt()).isEqualTo(403);
        JsonNode approved = post(
                "EUROPOL",
                "dpo",
                "dpo-pass",
                "/api/v1/follow-ups/" + id + "/approve",
                "{\"fields\": [\"names\", \"birthDate\"]}");
        assertThat(approved.path("httpStatus").asInt()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.path("state").asText()).isEqualTo("approved");
        assertThat(post("EUROPOL", "dpo", "dpo-pass", "/api/v1/follow-ups/" + id + "/refuse", "{\"reason\": \"late\"}")
                        .path("code")
                        .asText())
                .isEqualTo("follow_up_closed");

        JsonNode released = followUp(
                "INTERPOL",
                "officer",
                "officer-pass",
                id,
                f -> f.path("state").asText().equals("approved"));
        assertThat(released.path("record").path("id").asText()).isEqualTo("EUROPOL-H2-1");
        assertThat(released.path("record").path("names").toString()).contains("KOVALENKO");
        assertThat(released.path("record").path("birthDate").asText()).isEqualTo("1979-05-14");
        assertThat(released.path("record").has("nationalities"))
                .as("not released")
                .isFalse();

        // the release arrived under the record's handling (H2): INTERPOL may not pass it on to AFRIPOL
        JsonNode decision = null;
        for (JsonNode m : get("INTERPOL", "/api/v1/messages?limit=1000").path("messages")) {
            if (m.path("thread").asText().equals(id) && m.path("kind").asText().equals("follow-up-decision")) {
                decision = m;
            }
        }
        assertThat(decision).isNotNull();
        assertThat(decision.path("handlingCode").asText()).isEqualTo("H2");
        JsonNode forward = post(
                "INTERPOL",
                "officer",
                "officer-pass",
                "/api/v1/messages/" + decision.path("id").asText() + "/forward",
                "{\"to\": \"AFRIPOL\"}");
        assertThat(forward.path("httpStatus").asInt()).isEqualTo(403);
        assertThat(forward.path("code").asText()).isEqualTo("forwarding_refused");
        String decisionId = decision.path("id").asText();
        assertThat(audit("INTERPOL", AuditAction.FORWARDING_REFUSED))
                .anyMatch(e -> e.event().recordIds().contains(decisionId)
                        && "AFRIPOL".equals(e.event().participant()));

        assertThat(audit("EUROPOL", AuditAction.FOLLOW_UP_REQUEST))
                .anyMatch(e -> e.event().recordIds().contains(id));
        assertThat(audit("EUROPOL", AuditAction.FOLLOW_UP_DECISION))
                .anyMatch(e -> e.event().recordIds().contains(id)
                        && e.event().outcome().equals("approved")
                        && e.event().details().get("record").equals("EUROPOL/EUROPOL-H2-1"));
        assertThat(audit("INTERPOL", AuditAction.FOLLOW_UP_REQUEST))
                .anyMatch(e -> e.event().recordIds().contains(id));
        assertThat(audit("INTERPOL", AuditAction.FOLLOW_UP_DECISION))
                .anyMatch(e -> e.event().recordIds().contains(id)
                        && e.event().outcome().equals("approved"));
    }

    @Test
    void aFollowUpCanBeRefusedWithAReasonTheRequesterReads() throws Exception {
        String id = requestFollowUp("EUROPOL", reference("Funmilayo Oyelaran", "1990-11-02"), "urgent");
        followUp("EUROPOL", "dpo", "dpo-pass", id, f -> true);
        JsonNode refused = post(
                "EUROPOL",
                "dpo",
                "dpo-pass",
                "/api/v1/follow-ups/" + id + "/refuse",
                "{\"reason\": \"Ongoing covert operation; ask again in June.\"}");
        assertThat(refused.path("httpStatus").asInt()).as(refused.toString()).isEqualTo(200);
        JsonNode atRequester = followUp(
                "INTERPOL",
                "officer",
                "officer-pass",
                id,
                f -> f.path("state").asText().equals("refused"));
        assertThat(atRequester.path("reason").asText()).isEqualTo("Ongoing covert operation; ask again in June.");
        assertThat(atRequester.has("record")).isFalse();
    }

    @Test
    void anUndecidedRequestPastItsDeadlineIsFlaggedOverdueAndEscalated() throws Exception {
        // AFRIPOL gives urgent requests 2 seconds
        String id = requestFollowUp("AFRIPOL", "AAAAAAAAAAAAAAAAAAAAAA", "urgent");
        JsonNode f = followUp(
                "AFRIPOL", "dpo", "dpo-pass", id, x -> x.path("overdue").asBoolean());
        assertThat(f.path("state").asText()).isEqualTo("requested");
        assertThat(f.path("escalatedTo").asText()).isEqualTo("dpo");
        assertThat(audit("AFRIPOL", AuditAction.FOLLOW_UP_OVERDUE))
                .anyMatch(e -> e.event().recordIds().contains(id)
                        && e.event().details().get("escalated-to").equals("dpo"));
    }

    record Run(int exit, String out, String err) {}

    static Run cli(String... args) {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine cl = org.concordia.cli.ConcordiaCli.commandLine();
        cl.setOut(new java.io.PrintWriter(out, true));
        cl.setErr(new java.io.PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void theCommandLineSendsAndListsMessagesAndFollowUpsAsDocumented() throws Exception {
        String interpol = nodes.get("INTERPOL").url();
        String europol = nodes.get("EUROPOL").url();
        Run sent = cli(
                "messages",
                "send",
                "--node",
                interpol,
                "--user",
                "officer",
                "--password",
                "officer-pass",
                "--to",
                "EUROPOL",
                "--subject",
                "From the command line",
                "--body",
                "Hello Europol",
                "--json");
        assertThat(sent.exit()).as(sent.err()).isZero();
        String id = JSON.readTree(sent.out()).path("id").asText();
        awaitMessage("EUROPOL", id, m -> true);

        Run list =
                cli("messages", "list", "--node", europol, "--user", "officer", "--password", "officer-pass", "--json");
        assertThat(list.exit()).as(list.err()).isZero();
        JsonNode mine = null;
        for (JsonNode m : JSON.readTree(list.out()).path("messages")) {
            assertThat(m.properties().stream().map(Map.Entry::getKey).toList())
                    .containsExactly("id", "from", "to", "subject", "status", "attachments");
            if (m.path("id").asText().equals(id)) {
                mine = m;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.path("from").asText()).isEqualTo("INTERPOL");
        assertThat(mine.path("subject").asText()).isEqualTo("From the command line");
        assertThat(mine.path("status").asText()).isEqualTo("received");

        Run wrong = cli(
                "messages",
                "send",
                "--node",
                interpol,
                "--user",
                "officer",
                "--password",
                "officer-pass",
                "--to",
                "NOBODY",
                "--subject",
                "s",
                "--body",
                "b");
        assertThat(wrong.exit()).isEqualTo(2);
        assertThat(wrong.err()).contains("error recipient_cannot_receive");

        Run requested = cli(
                "follow-up",
                "request",
                "--node",
                interpol,
                "--user",
                "officer",
                "--password",
                "officer-pass",
                "--owner",
                "EUROPOL",
                "--reference",
                "BBBBBBBBBBBBBBBBBBBBBB",
                "--purpose",
                "criminal-investigation",
                "--legal-basis",
                "Art. 5",
                "--justification",
                "Needed for case 9",
                "--json");
        assertThat(requested.exit()).as(requested.err()).isZero();
        String f = JSON.readTree(requested.out()).path("id").asText();
        followUp("EUROPOL", "dpo", "dpo-pass", f, x -> true);
        Run followUps =
                cli("follow-up", "list", "--node", europol, "--user", "dpo", "--password", "dpo-pass", "--json");
        assertThat(followUps.exit()).as(followUps.err()).isZero();
        assertThat(JSON.readTree(followUps.out()).path("followUps").toString()).contains(f);
        Run refused = cli(
                "follow-up",
                "refuse",
                f,
                "--node",
                europol,
                "--user",
                "dpo",
                "--password",
                "dpo-pass",
                "--reason",
                "No such record");
        assertThat(refused.exit()).as(refused.err()).isZero();
        assertThat(refused.out()).contains("refused");
    }

    @Test
    void anAttachmentTravelsSealedInSegmentsAndArrivesWithTheHashItWasSentWith() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 3 * 1024 * 1024 + 123; i++) {
            text.append("Evidence file of case 42, line ").append(i).append('\n');
        }
        byte[] content = text.toString().getBytes(StandardCharsets.UTF_8);
        Path file = tmp.resolve("evidence-42.txt");
        java.nio.file.Files.write(file, content);
        String interpol = nodes.get("INTERPOL").url();
        String europol = nodes.get("EUROPOL").url();
        Run sent = cli(
                "messages",
                "send",
                "--node",
                interpol,
                "--user",
                "officer",
                "--password",
                "officer-pass",
                "--to",
                "EUROPOL",
                "--subject",
                "Evidence",
                "--body",
                "See the file.",
                "--attach",
                file.toString(),
                "--json");
        assertThat(sent.exit()).as(sent.err()).isZero();
        String id = JSON.readTree(sent.out()).path("id").asText();
        JsonNode attached = JSON.readTree(sent.out()).path("attachments").get(0);
        assertThat(attached.path("name").asText()).isEqualTo("evidence-42.txt");
        assertThat(attached.path("size").asLong()).isEqualTo(content.length);

        awaitMessage("INTERPOL", id, m -> m.path("status").asText().equals("delivered"));
        JsonNode received = awaitMessage("EUROPOL", id, m -> true);
        JsonNode listed = received.path("attachments").get(0);
        String sha256 = java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        assertThat(listed.path("sha256").asText()).isEqualTo(sha256);

        Path out = tmp.resolve("downloaded.txt");
        Run got = cli(
                "messages",
                "download",
                id,
                listed.path("id").asText(),
                "--out",
                out.toString(),
                "--node",
                europol,
                "--user",
                "officer",
                "--password",
                "officer-pass");
        assertThat(got.exit()).as(got.err()).isZero();
        assertThat(java.nio.file.Files.readAllBytes(out)).isEqualTo(content);

        byte[] plain = "Evidence file of case 42".getBytes(StandardCharsets.UTF_8);
        for (String node : List.of("INTERPOL", "EUROPOL")) {
            List<byte[]> cells = cells(
                    node,
                    "SELECT * FROM attachment_segment WHERE attachment = '"
                            + listed.path("id").asText() + "'");
            assertThat(cells).as("segments at " + node).hasSizeGreaterThan(12);
            for (byte[] cell : cells) {
                assertThat(java.util.HexFormat.of().formatHex(cell))
                        .doesNotContain(java.util.HexFormat.of().formatHex(plain));
            }
            for (byte[] cell : cells(node, "SELECT * FROM attachment")) {
                assertThat(new String(cell, StandardCharsets.ISO_8859_1)).doesNotContain("evidence-42");
            }
        }
    }

    @Test
    void anAttachmentOverFiftyMegabytesIsRefusedBeforeItIsRead() throws Exception {
        long before = cells("INTERPOL", "SELECT count(*) FROM attachment").size();
        long rowsBefore = Long.parseLong(
                new String(cells("INTERPOL", "SELECT count(*) FROM attachment").get(0), StandardCharsets.UTF_8));
        long tooBig = 50L * 1024 * 1024 + 1;
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(nodes.get("INTERPOL").url() + "/api/v1/messages/attachments?name=big.bin"))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString("officer:officer-pass".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.InputStream() {
                            long left = tooBig;

                            @Override
                            public int read() {
                                return left-- > 0 ? 'x' : -1;
                            }
                        }),
                        tooBig))
                .build();
        try (HttpClient c = HttpClient.newHttpClient()) {
            HttpResponse<String> r = c.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(413);
            assertThat(r.body()).contains("attachment_too_large");
        } catch (java.io.IOException e) {
            // the node may close the connection while the body is still being sent: also a refusal
        }
        assertThat(before).isEqualTo(1);
        assertThat(Long.parseLong(new String(
                        cells("INTERPOL", "SELECT count(*) FROM attachment").get(0), StandardCharsets.UTF_8)))
                .as("nothing of it kept")
                .isEqualTo(rowsBefore);
    }

    @Test
    void aPartnerCannotPassItsMessageOffUnderTheIdOfAnotherMessage() throws Exception {
        // INTERPOL sent EUROPOL a message; EUROPOL now delivers a message of its own under that id
        String taken = send("INTERPOL", "EUROPOL", "Original", "original body")
                .path("id")
                .asText();
        awaitMessage("INTERPOL", taken, m -> m.path("status").asText().equals("delivered"));
        org.concordia.model.ParticipantCode interpolCode = new org.concordia.model.ParticipantCode("INTERPOL");
        org.concordia.model.ParticipantCode europolCode = new org.concordia.model.ParticipantCode("EUROPOL");
        org.concordia.pki.NodeCredentials europol = org.concordia.pki.NodeCredentials.load(
                org.concordia.pki.NodeCredentials.keystoreFile(federation.dir, europolCode), TestFederation.PASSWORD);
        org.concordia.pki.NodeCredentials interpol = org.concordia.pki.NodeCredentials.load(
                org.concordia.pki.NodeCredentials.keystoreFile(federation.dir, interpolCode), TestFederation.PASSWORD);
        java.util.UUID id = java.util.UUID.fromString(taken);
        java.time.Instant now = java.time.Instant.now();
        org.concordia.channel.MessageEnvelope header = new org.concordia.channel.MessageEnvelope(
                id,
                id,
                org.concordia.channel.MessageKind.MESSAGE,
                europolCode,
                interpolCode,
                now,
                org.concordia.model.TlpLabel.AMBER,
                org.concordia.model.HandlingCode.H0,
                new byte[0],
                new byte[0]);
        org.concordia.pki.Sealing.Sealed sealed = org.concordia.pki.Sealing.standard()
                .seal(
                        interpol.encryption().orElseThrow().publicKey(),
                        header.info(),
                        header.aad(),
                        "{\"subject\": \"Imposter\", \"body\": \"not what INTERPOL sent\"}"
                                .getBytes(StandardCharsets.UTF_8));
        byte[] envelope = MessageCodec.envelope(new org.concordia.channel.MessageEnvelope(
                id,
                id,
                header.kind(),
                europolCode,
                interpolCode,
                header.createdAt(),
                header.tlp(),
                header.handlingCode(),
                sealed.enc(),
                sealed.ciphertext()));
        byte[] body = JSON.createObjectNode()
                .set(
                        "messages",
                        JSON.createArrayNode()
                                .add(JSON.createObjectNode()
                                        .put("envelope", new String(envelope, StandardCharsets.US_ASCII))
                                        .put(
                                                "signature",
                                                MessageCodec.base64(org.concordia.pki.EnvelopeSignature.sign(
                                                        europol.key(), envelope)))))
                .toString()
                .getBytes(StandardCharsets.UTF_8);
        org.concordia.pki.SignedHeaders signed = org.concordia.pki.RequestSigner.of(
                        europol, java.time.Clock.systemUTC())
                .signRequest("POST", Channel.MESSAGES_PATH, body, interpolCode);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(
                        "https://127.0.0.1:" + federation.federationPorts.get(interpolCode) + Channel.MESSAGES_PATH))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        signed.headers().forEach(b::header);
        try (HttpClient c = HttpClient.newBuilder()
                .sslContext(org.concordia.pki.TlsContexts.forNode(europol, federation.authority.certificate()))
                .build()) {
            HttpResponse<String> r = c.send(b.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(JSON.readTree(r.body())
                            .path("results")
                            .get(0)
                            .path("status")
                            .asText())
                    .isEqualTo("refused");
        }
        JsonNode mine = get("INTERPOL", "/api/v1/messages/" + taken);
        assertThat(mine.path("direction").asText()).isEqualTo("out");
        assertThat(mine.path("subject").asText()).isEqualTo("Original");
        assertThat(mine.path("body").asText()).isEqualTo("original body");
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
    void aRedMessageIsNotForwardedToAThirdParticipantButMayGoBackToItsSender() throws Exception {
        HttpResponse<String> sent = call(
                "POST",
                nodes.get("INTERPOL").url() + "/api/v1/messages",
                "officer",
                "officer-pass",
                JSON.createObjectNode()
                        .put("to", "EUROPOL")
                        .put("subject", "Source identity")
                        .put("body", "For your eyes only")
                        .put("tlp", "RED")
                        .toString());
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        String id = JSON.readTree(sent.body()).path("id").asText();
        JsonNode received = awaitMessage("EUROPOL", id, m -> true);
        assertThat(received.path("tlp").asText()).isEqualTo("RED");

        JsonNode refused = post(
                "EUROPOL", "officer", "officer-pass", "/api/v1/messages/" + id + "/forward", "{\"to\": \"AFRIPOL\"}");
        assertThat(refused.path("httpStatus").asInt()).isEqualTo(403);
        assertThat(refused.path("code").asText()).isEqualTo("forwarding_refused");
        assertThat(audit("EUROPOL", AuditAction.FORWARDING_REFUSED))
                .anyMatch(e -> e.event().recordIds().contains(id)
                        && "RED".equals(e.event().details().get("tlp")));

        JsonNode back = post(
                "EUROPOL", "officer", "officer-pass", "/api/v1/messages/" + id + "/forward", "{\"to\": \"INTERPOL\"}");
        assertThat(back.path("httpStatus").asInt()).as(back.toString()).isEqualTo(201);
        assertThat(back.path("tlp").asText()).isEqualTo("RED");
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
