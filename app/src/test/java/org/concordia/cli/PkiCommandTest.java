package org.concordia.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import org.concordia.federation.Directory;
import org.concordia.federation.Participant;
import org.concordia.federation.Verification;
import org.concordia.model.ParticipantCode;
import org.concordia.pki.Certificates;
import org.concordia.pki.DirectoryCache;
import org.concordia.pki.DirectorySource;
import org.concordia.pki.FederationAuthority;
import org.concordia.pki.NodeCredentials;
import org.concordia.pki.PeerCertificates;
import org.concordia.pki.Pem;
import org.concordia.problem.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PkiCommandTest {
    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        CommandLine cl = new CommandLine(new PkiCommand());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @TempDir
    Path dir;

    Directory directory() throws IOException {
        X509Certificate ca = FederationAuthority.loadCertificate(dir.resolve("ca.pem"));
        DirectoryCache cache = new DirectoryCache(
                DirectorySource.file(dir.resolve("directory.json")), dir.resolve("cache"), ca, Clock.systemUTC());
        return cache.refresh().directory().orElseThrow();
    }

    Run init() {
        return run(
                "init",
                "--dir",
                dir.toString(),
                "--participants",
                "INTERPOL,europol,AFRIPOL",
                "--endpoint",
                "EUROPOL=https://node.europol.example:9443",
                "--password",
                "pw");
    }

    @Test
    void initWritesTheAuthorityTheNodesAndASignedDirectoryListingThemAll() throws Exception {
        Run r = init();
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("CN=Concordia Federation Authority", "serial 1, 3 participants");
        for (String f : List.of(
                "authority.p12",
                "ca.pem",
                "INTERPOL.p12",
                "INTERPOL.pem",
                "EUROPOL.p12",
                "AFRIPOL.pem",
                "directory.json",
                "directory.json.sig")) {
            assertThat(dir.resolve(f)).exists();
        }
        Directory d = directory();
        assertThat(d.serial()).isEqualTo(1);
        assertThat(d.participants())
                .extracting(p -> p.code().value())
                .containsExactly("AFRIPOL", "EUROPOL", "INTERPOL");
        Participant europol = d.participant(new ParticipantCode("EUROPOL")).orElseThrow();
        assertThat(europol.endpoint()).isEqualTo(URI.create("https://node.europol.example:9443"));
        assertThat(d.participant(new ParticipantCode("INTERPOL")).orElseThrow().endpoint())
                .isEqualTo(URI.create("https://127.0.0.1:8443"));

        NodeCredentials node = NodeCredentials.load(dir.resolve("EUROPOL.p12"), "pw".toCharArray());
        assertThat(node.certificatePem()).isEqualTo(europol.certificatePem());
        assertThat(node.certificate().getSubjectAlternativeNames()).contains(List.of(2, "node.europol.example"));
        X509Certificate ca = FederationAuthority.loadCertificate(dir.resolve("ca.pem"));
        assertThat(new PeerCertificates(ca).check(List.of(node.certificate()), d, java.time.Instant.now()))
                .isInstanceOf(Verification.Verified.class);
    }

    @Test
    void initRefusesADirectoryThatAlreadyHoldsAnAuthority() {
        init();
        assertThat(init().exit()).isEqualTo(ConcordiaCli.USAGE);
    }

    @Test
    void initRefusesAMalformedParticipantCode() {
        Run r = run("init", "--dir", dir.toString(), "--participants", "INTERPOL,x", "--password", "pw");
        assertThat(r.exit()).isEqualTo(ConcordiaCli.USAGE);
        assertThat(dir.resolve("authority.p12")).doesNotExist();
    }

    @Test
    void issueAddsAParticipantUnderAHigherSerial() throws Exception {
        init();
        Run r = run("issue", "--dir", dir.toString(), "--participant", "GCCPOL", "--password", "pw");
        assertThat(r.exit()).as(r.err()).isZero();
        Directory d = directory();
        assertThat(d.serial()).isEqualTo(2);
        assertThat(d.participant(new ParticipantCode("GCCPOL")).orElseThrow().endpoint())
                .isEqualTo(URI.create("https://127.0.0.1:8446"));
        assertThat(dir.resolve("GCCPOL.p12")).exists();
    }

    @Test
    void issueRefusesAListedParticipantUnlessRenewingWhichRevokesTheOldCertificate() throws Exception {
        init();
        String oldPem = Files.readString(dir.resolve("AFRIPOL.pem"), StandardCharsets.US_ASCII);
        assertThat(run("issue", "--dir", dir.toString(), "--participant", "AFRIPOL", "--password", "pw")
                        .exit())
                .isEqualTo(ConcordiaCli.USAGE);
        Run r = run("issue", "--dir", dir.toString(), "--participant", "AFRIPOL", "--renew", "--password", "pw");
        assertThat(r.exit()).as(r.err()).isZero();
        Directory d = directory();
        assertThat(d.serial()).isEqualTo(2);
        assertThat(d.isRevoked(Certificates.serialHex(Pem.decode(oldPem)))).isTrue();
        assertThat(d.participant(new ParticipantCode("AFRIPOL")).orElseThrow().certificatePem())
                .isNotEqualTo(oldPem)
                .isEqualTo(Files.readString(dir.resolve("AFRIPOL.pem"), StandardCharsets.US_ASCII));
    }

    @Test
    void revokeListsTheCertificateAsRevokedSoPeersAreRefused() throws Exception {
        init();
        Run r = run("revoke", "--dir", dir.toString(), "--participant", "EUROPOL", "--password", "pw");
        assertThat(r.exit()).as(r.err()).isZero();
        Directory d = directory();
        assertThat(d.serial()).isEqualTo(2);
        X509Certificate europol = Pem.decode(Files.readString(dir.resolve("EUROPOL.pem")));
        X509Certificate ca = FederationAuthority.loadCertificate(dir.resolve("ca.pem"));
        Verification v = new PeerCertificates(ca).check(List.of(europol), d, java.time.Instant.now());
        assertThat(((Verification.Rejected) v).code()).isEqualTo(ErrorCode.CERTIFICATE_REVOKED);
        assertThat(run("revoke", "--dir", dir.toString(), "--participant", "EUROPOL", "--password", "pw")
                        .out())
                .contains("already revoked");
    }

    @Test
    void revokeOfAnUnlistedParticipantIsAProblem() {
        init();
        Run r = run("revoke", "--dir", dir.toString(), "--participant", "AMERIPOL", "--password", "pw");
        assertThat(r.exit()).isEqualTo(ConcordiaCli.PROBLEMS);
        assertThat(r.err()).contains("unknown_participant");
    }

    @Test
    void aWrongPasswordOrATamperedDirectoryIsAProblem() throws IOException {
        init();
        assertThat(run("revoke", "--dir", dir.toString(), "--participant", "EUROPOL", "--password", "nope")
                        .exit())
                .isEqualTo(ConcordiaCli.PROBLEMS);
        Path json = dir.resolve("directory.json");
        Files.writeString(json, Files.readString(json).replace("\"serial\" : 1", "\"serial\" : 2"));
        Run r = run("revoke", "--dir", dir.toString(), "--participant", "EUROPOL", "--password", "pw");
        assertThat(r.exit()).isEqualTo(ConcordiaCli.PROBLEMS);
        assertThat(r.err()).contains("directory_invalid");
    }
}
