package org.concordia.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.concordia.audit.AuditAction;
import org.concordia.audit.AuditEvent;
import org.concordia.audit.AuditSigner;
import org.concordia.audit.TermHasher;
import org.concordia.store.EmbeddedPostgresServer;
import org.concordia.store.NodeStorage;
import org.concordia.store.PostgresAuditLog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code audit verify} and {@code audit list} on embedded stores. The node's key and certificate
 * are made by the JDK's keytool, as an operator would make a test key.
 */
class AuditCommandTest {
    record Run(int exit, String out, String err) {}

    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    static Path dir;

    static Path intact;
    static Path certificate;
    static Path otherCertificate;

    static Run audit(String... args) {
        CommandLine cl = new CommandLine(new AuditCommand());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    static void keytool(String... args) throws IOException, InterruptedException {
        String[] cmd = new String[args.length + 1];
        cmd[0] = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        System.arraycopy(args, 0, cmd, 1, args.length);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(output).isZero();
    }

    /** An EC key in a PKCS #12 keystore and its self-signed certificate as PEM. */
    static PrivateKey nodeKey(String name, Path pem) throws Exception {
        Path keystore = dir.resolve(name + ".p12");
        keytool(
                "-genkeypair",
                "-alias",
                "node",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-sigalg",
                "SHA256withECDSA",
                "-dname",
                "CN=" + name,
                "-validity",
                "30",
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                "-storepass",
                "changeit",
                "-keypass",
                "changeit");
        keytool(
                "-exportcert",
                "-rfc",
                "-alias",
                "node",
                "-keystore",
                keystore.toString(),
                "-storepass",
                "changeit",
                "-file",
                pem.toString());
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, PASSWORD);
        }
        return (PrivateKey) ks.getKey("node", PASSWORD);
    }

    static AuditEvent event(int i, TermHasher terms) {
        return AuditEvent.of(
                        Instant.parse("2026-11-30T09:00:00Z").plusSeconds(i), AuditAction.SEARCH, "officer1", "hit")
                .withPurpose("criminal_investigation")
                .withParticipant("EUROPOL")
                .withRecordIds(List.of("R" + i))
                .withTermHashes(List.of(terms.hash("Ivan Petrov")))
                .withDetails(Map.of("request", "Q" + i));
    }

    /** A node's data directory holding {@code n} audit entries, checkpointed every 3, optionally tampered with. */
    static Path node(String name, AuditSigner signer, int n, String... tamper) throws Exception {
        Path data = dir.resolve(name);
        TermHasher terms = new TermHasher(TermHasher.newSecret());
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data)) {
            try (NodeStorage node = NodeStorage.open(
                    new NodeStorage.Location.External(server.jdbcUrl(), null, null),
                    new PostgresAuditLog.AutoCheckpoint.Every(3, signer))) {
                for (int i = 1; i <= n; i++) {
                    node.audit().append(event(i, terms));
                }
            }
            if (tamper.length > 0) {
                try (Connection c = server.dataSource().getConnection();
                        Statement s = c.createStatement()) {
                    s.execute("ALTER TABLE audit_entry DISABLE TRIGGER USER");
                    for (String q : tamper) {
                        s.execute(q);
                    }
                }
            }
        }
        return data;
    }

    @BeforeAll
    static void intactNode() throws Exception {
        certificate = dir.resolve("node.pem");
        otherCertificate = dir.resolve("other.pem");
        AuditSigner signer = AuditSigner.ecdsa("NODE-A", nodeKey("NODE-A", certificate));
        nodeKey("NODE-B", otherCertificate);
        intact = node("intact", signer, 7);
    }

    @Test
    void anIntactLogVerifiesWithTheNodeCertificate() {
        Run r = audit("verify", "--data", intact.toString(), "--certificate", certificate.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("audit log intact: 7 entries, last sequence 7, 2 checkpoints verified\n");
        assertThat(r.out()).containsPattern("last hash [0-9a-f]{64}");
    }

    @Test
    void withoutACertificateItSaysCheckpointsWereNotVerified() {
        Run r = audit("verify", "--data", intact.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out())
                .contains("audit log intact: 7 entries, last sequence 7, 0 checkpoints verified")
                .contains("checkpoints not verified: 2 match the chain");
    }

    @Test
    void anotherNodesCertificateDoesNotVerifyTheCheckpoints() {
        Run r = audit("verify", "--data", intact.toString(), "--certificate", otherCertificate.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).startsWith("audit log broken at entry 3: audit_checkpoint_invalid (");
    }

    @Test
    void aTamperedRowIsNamedAndExitsOne() throws Exception {
        Path tampered = node(
                "tampered",
                AuditSigner.ecdsa("NODE-A", nodeKey("NODE-C", dir.resolve("c.pem"))),
                5,
                "UPDATE audit_entry SET purpose = 'routine_check' WHERE sequence = 4");
        Run r = audit(
                "verify",
                "--data",
                tampered.toString(),
                "--certificate",
                dir.resolve("c.pem").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).startsWith("audit log broken at entry 4: audit_entry_altered (");
        assertThat(r.out()).doesNotContain("routine_check", "criminal_investigation");
    }

    @Test
    void listPrintsEntriesFromASequenceAsTextOrJson() throws Exception {
        Run text = audit("list", "--data", intact.toString(), "--from", "5");
        assertThat(text.exit()).isZero();
        List<String> lines = text.out().lines().toList();
        assertThat(lines).hasSize(4); // header and entries 5, 6, 7
        assertThat(lines.get(1))
                .startsWith("5\t2026-11-30T09:00:05Z\tSEARCH\tofficer1\t-\tEUROPOL\tcriminal_investigation\thit\tR5\t");

        Run json = audit("list", "--data", intact.toString(), "--json");
        assertThat(json.exit()).isZero();
        List<String> objects = json.out().lines().toList();
        assertThat(objects).hasSize(7);
        JsonNode last = new ObjectMapper().readTree(objects.get(6));
        assertThat(last.get("sequence").asLong()).isEqualTo(7);
        assertThat(last.get("termHashes").get(0).asText()).hasSize(64);
        assertThat(last.get("previousHash").asText())
                .isEqualTo(
                        new ObjectMapper().readTree(objects.get(5)).get("hash").asText());
        assertThat(json.out()).doesNotContainIgnoringCase("petrov");
    }

    @Test
    void anUnreadableStoreOrCertificateExitsTwo() throws IOException {
        Run store = audit("verify", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/none");
        assertThat(store.exit()).isEqualTo(2);
        assertThat(store.err()).startsWith("error: cannot read the audit log from the external PostgreSQL");

        Path notACertificate = Files.writeString(dir.resolve("junk.pem"), "not a certificate");
        Run cert = audit("verify", "--data", intact.toString(), "--certificate", notACertificate.toString());
        assertThat(cert.exit()).isEqualTo(2);
        assertThat(cert.err()).contains("cannot use the certificate");
    }
}
