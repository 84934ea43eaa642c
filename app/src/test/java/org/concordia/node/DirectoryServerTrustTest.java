package org.concordia.node;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.concordia.federation.Directory;
import org.concordia.model.ParticipantCode;
import org.concordia.pki.Certificates;
import org.concordia.pki.DirectoryJson;
import org.concordia.pki.FederationAuthority;
import org.concordia.pki.NodeCredentials;
import org.concordia.pki.SignedDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryServerTrustTest {
    @TempDir
    Path dir;

    @Test
    void aPartnerServerIsTrustedOnlyWithTheCertificateTheDirectoryListsAndHasNotRevoked() throws Exception {
        TestFederation federation = new TestFederation(dir, List.of("INTERPOL", "EUROPOL"));
        Directory directory = DirectoryJson.decode(Files.readAllBytes(dir.resolve(SignedDirectory.FILE)));
        X509Certificate europol = NodeCredentials.load(
                        NodeCredentials.keystoreFile(dir, new ParticipantCode("EUROPOL")), TestFederation.PASSWORD)
                .certificate();
        X509Certificate[] chain = {europol, federation.authority.certificate()};

        DirectoryServerTrust listed =
                new DirectoryServerTrust(federation.authority.certificate(), () -> directory, Clock.systemUTC());
        assertThatCode(() -> listed.checkServerTrusted(chain, "ECDHE_ECDSA")).doesNotThrowAnyException();

        Directory revoked = directory.revoking(Certificates.serialHex(europol), directory.serial() + 1, Instant.now());
        DirectoryServerTrust afterRevocation =
                new DirectoryServerTrust(federation.authority.certificate(), () -> revoked, Clock.systemUTC());
        assertThatThrownBy(() -> afterRevocation.checkServerTrusted(chain, "ECDHE_ECDSA"))
                .isInstanceOf(CertificateException.class)
                .hasMessageContaining("certificate_revoked");

        FederationAuthority rogue = FederationAuthority.create("Rogue", Clock.systemUTC());
        NodeCredentials fake = rogue.issue(new ParticipantCode("EUROPOL"), "EUROPOL", List.of(), Clock.systemUTC());
        assertThatThrownBy(() -> listed.checkServerTrusted(
                        new X509Certificate[] {fake.certificate(), rogue.certificate()}, "ECDHE_ECDSA"))
                .isInstanceOf(CertificateException.class);
    }
}
