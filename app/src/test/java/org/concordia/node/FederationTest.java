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
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.concordia.audit.AuditAction;
import org.concordia.audit.AuditEntry;
import org.concordia.model.ParticipantCode;
import org.concordia.model.Record;
import org.concordia.pki.FederationAuthority;
import org.concordia.pki.NodeCredentials;
import org.concordia.pki.RequestSigner;
import org.concordia.pki.SignedHeaders;
import org.concordia.pki.TlsContexts;
import org.concordia.sharing.SharingAgreement;
import org.concordia.sharing.SharingMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The federation tier: four nodes on this machine, each with its own embedded store, talking real
 * mutual TLS with signed requests. INTERPOL asks; EUROPOL shares in full, AFRIPOL hit-only, GCCPOL
 * nothing. The same person is held by EUROPOL in Latin script and by AFRIPOL and GCCPOL in Arabic.
 */
@Tag("federation")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FederationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CODES = List.of("INTERPOL", "EUROPOL", "AFRIPOL", "GCCPOL");

    @TempDir
    static Path tmp;

    TestFederation federation;
    final Map<String, NodeServer> nodes = new LinkedHashMap<>();

    @BeforeAll
    void start() throws Exception {
        federation = new TestFederation(tmp.resolve("pki"), CODES);
        Map<String, List<Record>> generated = TestFederation.generated(400, 7);
        for (String code : CODES) {
            NodeServer node = NodeServer.start(
                    federation.settings(code, tmp.resolve(code)).withDeadline(Duration.ofSeconds(5)));
            nodes.put(code, node);
            List<Record> records = new ArrayList<>(generated.getOrDefault(code, List.of()));
            records.addAll(samePerson(code));
            node.importRecords(records);
            node.putAccount("officer", "officer-pass", Roles.OFFICER);
            node.putAccount("dpo", "dpo-pass", Roles.DPO);
            node.putAccount("admin", "admin-pass", Roles.ADMIN);
        }
        ParticipantCode interpol = new ParticipantCode("INTERPOL");
        nodes.get("EUROPOL")
                .putAgreement(
                        SharingAgreement.persons(new ParticipantCode("EUROPOL"), interpol, SharingMode.FULL), "dpo");
        nodes.get("AFRIPOL")
                .putAgreement(
                        SharingAgreement.persons(new ParticipantCode("AFRIPOL"), interpol, SharingMode.HIT_ONLY),
                        "dpo");
        // GCCPOL: no agreement with INTERPOL (deny by default).
    }

    @AfterAll
    void stop() {
        nodes.values().forEach(NodeServer::close);
    }

    private static List<Record> samePerson(String code) throws Exception {
        String name = switch (code) {
            case "EUROPOL" -> "{\"full\": \"ABDALLAH, Mohamed Salih\", \"script\": \"Latn\"}";
            case "AFRIPOL", "GCCPOL" -> "{\"full\": \"محمد صالح عبد الله\", \"script\": \"Arab\"}";
            default -> null;
        };
        if (name == null) {
            return List.of();
        }
        String date = code.equals("EUROPOL") ? "1984-03-07" : "1984";
        return List.of(
                TestFederation.record("{\"id\": \"" + code + "-TARGET-1\", \"type\": \"Person\", \"owner\": \"" + code
                        + "\", \"names\": [" + name + "], \"sex\": \"M\", \"birthDate\": \"" + date
                        + "\", \"nationalities\": [\"EGY\"]}"));
    }

    private JsonNode search(String node, String user, String password, String body) throws Exception {
        HttpResponse<String> r = post(nodes.get(node).url() + "/api/v1/searches", user, password, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static HttpResponse<String> post(String url, String user, String password, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
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

    private static Map<String, String> statuses(JsonNode response) {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode p : response.path("partners")) {
            out.put(p.path("participant").asText(), p.path("status").asText());
        }
        return out;
    }

    @Test
    void aCrossScriptPersonHeldByTwoPartnersIsFoundFromAThirdUnderEachAgreement() throws Exception {
        JsonNode r = search(
                "INTERPOL",
                "officer",
                "officer-pass",
                "{\"purpose\": \"criminal-investigation: case 42\", \"name\": \"Mohamed Salih Abdallah\", \"birthDate\": \"1984-03-07\", \"nationality\": \"EGY\"}");

        assertThat(statuses(r))
                .containsEntry("EUROPOL", "hit")
                .containsEntry("AFRIPOL", "hit-only")
                .containsEntry("GCCPOL", "refused");
        List<String> found = new ArrayList<>();
        for (JsonNode res : r.path("results")) {
            found.add(res.path("owner").asText() + " " + res.path("reply").asText() + " "
                    + res.path("recordId").asText(res.path("reference").isMissingNode() ? "" : "ref"));
        }
        assertThat(found).contains("EUROPOL hit EUROPOL-TARGET-1");
        assertThat(found).anyMatch(s -> s.startsWith("AFRIPOL hit-only"));
    }

    @Test
    void aHitOnlyReplyCarriesNoPersonalData() throws Exception {
        JsonNode r = search(
                "INTERPOL",
                "officer",
                "officer-pass",
                "{\"purpose\": \"criminal-investigation\", \"name\": \"Mohamed Salih Abdallah\", \"birthDate\": \"1984\", \"nationality\": \"EGY\"}");

        for (JsonNode res : r.path("results")) {
            if (res.path("owner").asText().equals("AFRIPOL")) {
                assertThat(res.path("reply").asText()).isEqualTo("hit-only");
                List<String> fields = new ArrayList<>();
                res.fieldNames().forEachRemaining(fields::add);
                assertThat(fields).containsExactlyInAnyOrder("owner", "reply", "score", "reference", "band");
                assertThat(res.toString())
                        .doesNotContain("محمد")
                        .doesNotContain("1984")
                        .doesNotContain("AFRIPOL-TARGET");
            }
        }
    }

    @Test
    void aPartnerWithoutAgreementAnswersRefusedAndTheOwnerAuditsIt() throws Exception {
        JsonNode r = search(
                "INTERPOL",
                "officer",
                "officer-pass",
                "{\"purpose\": \"criminal-investigation\", \"name\": \"Mohamed Abdallah\"}");

        JsonNode gcc = null;
        for (JsonNode p : r.path("partners")) {
            if (p.path("participant").asText().equals("GCCPOL")) {
                gcc = p;
            }
        }
        assertThat(gcc).isNotNull();
        assertThat(gcc.path("status").asText()).isEqualTo("refused");
        assertThat(gcc.path("code").asText()).isEqualTo("no_agreement");
        assertThat(nodes.get("GCCPOL").auditEntries())
                .anyMatch(e -> e.event().action() == AuditAction.PARTNER_SEARCH
                        && e.event().outcome().equals("no_agreement"));
    }

    @Test
    void everyAgreementChangeIsInTheOwnersAuditLogWithItsTermsAndWhoMadeIt() {
        List<AuditEntry> changes = nodes.get("AFRIPOL").auditEntries().stream()
                .filter(e -> e.event().action() == AuditAction.AGREEMENT_CHANGE)
                .toList();
        assertThat(changes).hasSize(1);
        AuditEntry e = changes.getFirst();
        assertThat(e.event().participant()).isEqualTo("INTERPOL");
        assertThat(e.event().actor()).isEqualTo("dpo");
        assertThat(e.event().outcome()).isEqualTo("changed");
        assertThat(e.event().details()).containsEntry("mode", "hit-only");
        assertThat(nodes.get("GCCPOL").auditEntries())
                .noneMatch(x -> x.event().action() == AuditAction.AGREEMENT_CHANGE);
    }

    @Test
    void theAskingNodeAuditsTheSearchWithHashedTermsOnly() throws Exception {
        search(
                "INTERPOL",
                "officer",
                "officer-pass",
                "{\"purpose\": \"border-control\", \"name\": \"Zebulon Quartermaine\"}");

        List<AuditEntry> log = nodes.get("INTERPOL").auditEntries();
        assertThat(log)
                .anyMatch(e -> e.event().action() == AuditAction.SEARCH
                        && "border-control".equals(e.event().purpose()));
        assertThat(log.toString()).doesNotContain("Zebulon").doesNotContain("ZEBULON");
    }

    @Test
    void aForgedSignatureAReplayAndAnUnknownCertificateAreRefusedAndAudited() throws Exception {
        NodeServer europol = nodes.get("EUROPOL");
        int port = federation.federationPorts.get(new ParticipantCode("EUROPOL"));
        URI uri = URI.create("https://127.0.0.1:" + port + HttpPartnerGateway.SEARCH_PATH);
        NodeCredentials interpol = NodeCredentials.load(
                NodeCredentials.keystoreFile(federation.dir, new ParticipantCode("INTERPOL")), TestFederation.PASSWORD);
        RequestSigner signer = RequestSigner.of(interpol, Clock.systemUTC());
        byte[] body =
                "{\"purpose\": \"criminal-investigation\", \"name\": \"Mohamed Abdallah\", \"requester\": \"officer\"}"
                        .getBytes(StandardCharsets.UTF_8);
        SignedHeaders signed =
                signer.signRequest("POST", HttpPartnerGateway.SEARCH_PATH, body, new ParticipantCode("EUROPOL"));

        try (HttpClient client = HttpClient.newBuilder()
                .sslContext(TlsContexts.forNode(interpol, federation.authority.certificate()))
                .build()) {
            assertThat(send(client, uri, signed, body).statusCode()).isEqualTo(200);
            HttpResponse<String> replay = send(client, uri, signed, body);
            assertThat(replay.statusCode()).isEqualTo(401);
            assertThat(replay.body()).contains("replayed_request");

            SignedHeaders fresh =
                    signer.signRequest("POST", HttpPartnerGateway.SEARCH_PATH, body, new ParticipantCode("EUROPOL"));
            byte[] altered = new String(body, StandardCharsets.UTF_8)
                    .replace("Abdallah", "Abdullah")
                    .getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> forged = send(client, uri, fresh, altered);
            assertThat(forged.statusCode()).isEqualTo(401);
            assertThat(forged.body()).contains("signature_invalid");
        }

        FederationAuthority rogue = FederationAuthority.create("Rogue", Clock.systemUTC());
        NodeCredentials fake = rogue.issue(new ParticipantCode("INTERPOL"), "INTERPOL", List.of(), Clock.systemUTC());
        SignedHeaders fakeSigned = RequestSigner.of(fake, Clock.systemUTC())
                .signRequest("POST", HttpPartnerGateway.SEARCH_PATH, body, new ParticipantCode("EUROPOL"));
        // The rogue client trusts the real authority for the server, and presents its own certificate.
        try (HttpClient client = HttpClient.newBuilder()
                .sslContext(presentingTrusting(fake, federation.authority.certificate()))
                .build()) {
            HttpResponse<String> unknown = send(client, uri, fakeSigned, body);
            assertThat(unknown.statusCode()).isEqualTo(403);
            assertThat(unknown.body()).contains("unknown_certificate");
        }

        try (HttpClient client = HttpClient.newBuilder()
                .sslContext(TlsContexts.forNode(interpol, federation.authority.certificate()))
                .build()) {
            byte[] big = new byte[(int) PortGuard.MAX_FEDERATION_BODY + 1];
            SignedHeaders bigSigned =
                    signer.signRequest("POST", HttpPartnerGateway.SEARCH_PATH, big, new ParticipantCode("EUROPOL"));
            assertThat(send(client, uri, bigSigned, big).statusCode()).isEqualTo(413);
        }

        List<String> refused = europol.auditEntries().stream()
                .filter(e -> e.event().action() == AuditAction.REQUEST_REFUSED)
                .map(e -> e.event().outcome())
                .toList();
        assertThat(refused).contains("replayed_request", "signature_invalid", "unknown_certificate");
    }

    /** A TLS context presenting these credentials and trusting this authority for the server. */
    private static javax.net.ssl.SSLContext presentingTrusting(
            NodeCredentials creds, java.security.cert.X509Certificate authority) throws Exception {
        char[] pw = "x".toCharArray();
        javax.net.ssl.KeyManagerFactory kmf =
                javax.net.ssl.KeyManagerFactory.getInstance(javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(creds.toKeyStore(pw), pw);
        java.security.KeyStore anchors = java.security.KeyStore.getInstance("PKCS12");
        anchors.load(null, null);
        anchors.setCertificateEntry("ca", authority);
        javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance("PKIX");
        tmf.init(anchors);
        javax.net.ssl.SSLContext ctx = javax.net.ssl.SSLContext.getInstance("TLSv1.3");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ctx;
    }

    private static HttpResponse<String> send(HttpClient client, URI uri, SignedHeaders signed, byte[] body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        signed.headers().forEach(b::header);
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theUserApiDeniesWithoutCredentialsAndByRole() throws Exception {
        String body = "{\"purpose\": \"criminal-investigation\", \"name\": \"Mohamed Abdallah\"}";
        assertThat(post(nodes.get("INTERPOL").url() + "/api/v1/searches", null, null, body)
                        .statusCode())
                .isEqualTo(401);
        assertThat(post(nodes.get("INTERPOL").url() + "/api/v1/searches", "officer", "wrong", body)
                        .statusCode())
                .isEqualTo(401);
        HttpResponse<String> dpo = post(nodes.get("INTERPOL").url() + "/api/v1/searches", "dpo", "dpo-pass", body);
        assertThat(dpo.statusCode()).isEqualTo(403);
        assertThat(dpo.body()).contains("\"code\":\"forbidden\"");
        assertThat(nodes.get("INTERPOL").auditEntries())
                .anyMatch(e -> e.event().action() == AuditAction.LOGIN_FAILED
                        && e.event().actor().equals("officer"));
    }

    @Test
    void searchesAreCountedByOutcomeAndPartnerLatencyByStatusWithoutTerms() throws Exception {
        search(
                "INTERPOL",
                "officer",
                "officer-pass",
                "{\"purpose\": \"criminal-investigation\", \"name\": \"Mohamed Salih Abdallah\", \"birthDate\": \"1984-03-07\", \"nationality\": \"EGY\"}");

        String asking = get(nodes.get("INTERPOL").url() + "/actuator/prometheus", "admin", "admin-pass");
        assertThat(asking)
                .contains("concordia_searches_total{outcome=\"hit\"}")
                .contains("concordia_partner_latency_seconds_count{partner=\"EUROPOL\",status=\"hit\"}")
                .contains("concordia_partner_latency_seconds_count{partner=\"AFRIPOL\",status=\"hit-only\"}")
                .contains("concordia_partner_latency_seconds_count{partner=\"GCCPOL\",status=\"refused\"}")
                .doesNotContainIgnoringCase("abdallah");
        assertThat(get(nodes.get("EUROPOL").url() + "/actuator/prometheus", "admin", "admin-pass"))
                .contains("concordia_partner_searches_answered_total{outcome=\"hit\",partner=\"INTERPOL\"}");
        assertThat(get(nodes.get("GCCPOL").url() + "/actuator/prometheus", "admin", "admin-pass"))
                .contains("concordia_partner_searches_answered_total{outcome=\"no_agreement\",partner=\"INTERPOL\"}");
    }

    @Test
    void theAuditVerificationChecksCheckpointsWithTheNodesOwnCertificate() throws Exception {
        assertThat(nodes.get("EUROPOL").checkpointAudit()).isTrue();

        JsonNode v = JSON.readTree(get(nodes.get("EUROPOL").url() + "/api/v1/audit/verification", "dpo", "dpo-pass"));

        assertThat(v.path("intact").asBoolean()).as(v.toString()).isTrue();
        assertThat(v.path("checkpointsVerified").asInt()).as(v.toString()).isGreaterThanOrEqualTo(1);
        assertThat(v.path("checkpointsUnverified").asInt()).isZero();
    }

    private static String get(String url, String user, String password) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create(url))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .build();
        try (HttpClient c = HttpClient.newHttpClient()) {
            HttpResponse<String> res = c.send(r, HttpResponse.BodyHandlers.ofString());
            assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
            return res.body();
        }
    }

    @Test
    void aSearchWithoutPurposeIsRefusedWithItsCode() throws Exception {
        HttpResponse<String> r = post(
                nodes.get("INTERPOL").url() + "/api/v1/searches",
                "officer",
                "officer-pass",
                "{\"name\": \"Mohamed Abdallah\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("invalid_query");
    }

    private static String[] cli(String... args) {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine cl = org.concordia.cli.ConcordiaCli.commandLine();
        cl.setOut(new java.io.PrintWriter(out));
        cl.setErr(new java.io.PrintWriter(err));
        int exit = cl.execute(args);
        return new String[] {Integer.toString(exit), out.toString(), err.toString()};
    }

    @Test
    void theSearchCommandPrintsTheDocumentedJson() throws Exception {
        String[] r = cli(
                "search",
                "--node",
                nodes.get("INTERPOL").url(),
                "--user",
                "officer",
                "--password",
                "officer-pass",
                "--purpose",
                "criminal-investigation: case 42",
                "--name",
                "Mohamed Salih Abdallah",
                "--birth-date",
                "1984-03-07",
                "--nationality",
                "EGY",
                "--json");

        assertThat(r[0]).as(r[2]).isEqualTo("0");
        JsonNode json = JSON.readTree(r[1]);
        List<String> top = new ArrayList<>();
        json.fieldNames().forEachRemaining(top::add);
        assertThat(top).containsExactly("results", "partners");
        for (JsonNode res : json.path("results")) {
            List<String> fields = new ArrayList<>();
            res.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).isSubsetOf("owner", "reply", "score", "recordId", "reference");
            assertThat(res.has("recordId") != res.has("reference")).isTrue();
        }
        assertThat(json.path("results"))
                .anyMatch(res -> res.path("recordId").asText().equals("EUROPOL-TARGET-1"));
        assertThat(json.path("partners")).hasSize(4);
        for (JsonNode p : json.path("partners")) {
            List<String> fields = new ArrayList<>();
            p.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).containsExactly("participant", "status", "latencyMs");
        }
    }

    @Test
    void theSearchCommandSaysWhyANodeRefusedIt() {
        String[] r = cli(
                "search",
                "--node",
                nodes.get("INTERPOL").url(),
                "--user",
                "officer",
                "--password",
                "nope",
                "--purpose",
                "criminal-investigation",
                "--name",
                "Mohamed Abdallah");

        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("unauthenticated");
    }

    @Test
    void importToANodePrintsTheImportReportAndRefusesAnotherOwnersRecords() throws Exception {
        Path file = tmp.resolve("to-europol.ndjson");
        java.nio.file.Files.writeString(
                file,
                "{\"id\": \"EUROPOL-NEW-1\", \"type\": \"Person\", \"owner\": \"EUROPOL\", \"names\": [{\"full\": \"Jan Kowalski\"}]}\n"
                        + "{\"id\": \"AFRIPOL-X-1\", \"type\": \"Person\", \"owner\": \"AFRIPOL\", \"names\": [{\"full\": \"Amadou Diallo\"}]}\n");

        String[] r = cli(
                "import",
                "--node",
                nodes.get("EUROPOL").url(),
                "--user",
                "admin",
                "--password",
                "admin-pass",
                file.toString());

        assertThat(r[0]).as(r[2]).isEqualTo("1");
        assertThat(r[1]).contains("read 2, accepted 1, rejected 1").contains("invalid_owner");
        String[] officer = cli(
                "import",
                "--node",
                nodes.get("EUROPOL").url(),
                "--user",
                "officer",
                "--password",
                "officer-pass",
                file.toString());
        assertThat(officer[0]).isEqualTo("2");
        assertThat(officer[2]).contains("forbidden");
    }
}
