package org.concordia.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.concordia.pki.TestFederation.CLOCK;
import static org.concordia.pki.TestFederation.EUROPOL;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FederationAuthorityTest {
    static final FederationAuthority AUTHORITY = FederationAuthority.create("Concordia", CLOCK);

    @TempDir
    Path dir;

    @Nested
    class Create {
        @Test
        void isASelfSignedP256CertificateAuthority() throws Exception {
            X509Certificate ca = AUTHORITY.certificate();
            assertThat(ca.getSubjectX500Principal().getName()).isEqualTo("CN=Concordia Federation Authority");
            assertThat(ca.getIssuerX500Principal()).isEqualTo(ca.getSubjectX500Principal());
            ca.verify(ca.getPublicKey());
            assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
            assertThat(ca.getKeyUsage()[5]).as("keyCertSign").isTrue();
            assertThat(ca.getCriticalExtensionOIDs()).contains("2.5.29.19", "2.5.29.15");
            assertThat(((ECPublicKey) ca.getPublicKey())
                            .getParams()
                            .getCurve()
                            .getField()
                            .getFieldSize())
                    .isEqualTo(256);
            assertThat(ca.getSigAlgName()).isEqualTo("SHA256withECDSA");
            assertThat(ca.getNotAfter().toInstant()).isAfter(TestFederation.NOW.plusSeconds(9L * 365 * 86400));
        }

        @Test
        void survivesSaveAndLoadWithItsPassword() throws Exception {
            AUTHORITY.save(dir, "secret".toCharArray());
            FederationAuthority loaded = FederationAuthority.load(dir, "secret".toCharArray());
            assertThat(loaded.certificate()).isEqualTo(AUTHORITY.certificate());
            assertThat(FederationAuthority.loadCertificate(dir.resolve("ca.pem")))
                    .isEqualTo(AUTHORITY.certificate());
            byte[] data = {1, 2, 3};
            assertThat(FederationAuthority.verify(AUTHORITY.certificate(), data, loaded.sign(data)))
                    .isTrue();
        }

        @Test
        void refusesToLoadWithAWrongPassword() throws IOException {
            AUTHORITY.save(dir, "secret".toCharArray());
            assertThatThrownBy(() -> FederationAuthority.load(dir, "wrong".toCharArray()))
                    .isInstanceOf(IOException.class);
        }
    }

    @Nested
    class Issue {
        final NodeCredentials node =
                AUTHORITY.issue(EUROPOL, "Europol, The Hague", List.of("node.europol.example", "10.0.0.7"), CLOCK);

        @Test
        void namesTheParticipantAndOrganisationInTheSubject() {
            X509Certificate c = node.certificate();
            assertThat(c.getSubjectX500Principal().getName()).isEqualTo("CN=EUROPOL,O=Europol\\, The Hague");
            assertThat(Certificates.participantOf(c)).contains(EUROPOL);
        }

        @Test
        void isSignedByTheAuthorityForBothTlsSides() throws Exception {
            X509Certificate c = node.certificate();
            c.verify(AUTHORITY.certificate().getPublicKey());
            assertThat(c.getIssuerX500Principal())
                    .isEqualTo(AUTHORITY.certificate().getSubjectX500Principal());
            assertThat(c.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2");
            assertThat(c.getBasicConstraints()).isEqualTo(-1);
            assertThat(c.getKeyUsage()[0]).as("digitalSignature").isTrue();
        }

        @Test
        void coversLocalhostAndTheGivenHostsInTheAlternativeNames() throws Exception {
            assertThat(node.certificate().getSubjectAlternativeNames())
                    .containsExactlyInAnyOrder(
                            List.of(2, "localhost"),
                            List.of(7, "127.0.0.1"),
                            List.of(2, "node.europol.example"),
                            List.of(7, "10.0.0.7"));
        }

        @Test
        void getsARandomPositiveSerialOfAtMost128Bits() {
            BigInteger a = node.certificate().getSerialNumber();
            BigInteger b = AUTHORITY
                    .issue(EUROPOL, "Europol", List.of(), CLOCK)
                    .certificate()
                    .getSerialNumber();
            assertThat(a.signum()).isPositive();
            assertThat(a.bitLength()).isLessThanOrEqualTo(128);
            assertThat(a).isNotEqualTo(b);
        }

        @Test
        void survivesSaveAndLoadAsP12AndPem() throws Exception {
            node.save(dir, "pw".toCharArray());
            assertThat(dir.resolve("EUROPOL.pem")).exists();
            NodeCredentials loaded = NodeCredentials.load(dir.resolve("EUROPOL.p12"), "pw".toCharArray());
            assertThat(loaded.code()).isEqualTo(EUROPOL);
            assertThat(loaded.encryption()).hasValueSatisfying(k -> {
                assertThat(k.publicKey())
                        .isEqualTo(node.encryption().orElseThrow().publicKey());
                assertThat(k.privateKey())
                        .isEqualTo(node.encryption().orElseThrow().privateKey());
            });
            assertThat(loaded.certificate()).isEqualTo(node.certificate());
            assertThat(loaded.authority()).isEqualTo(AUTHORITY.certificate());
            assertThat(Pem.decode(Files.readString(dir.resolve("EUROPOL.pem")))).isEqualTo(node.certificate());
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(loaded.key());
            s.update(new byte[] {9});
            byte[] sig = s.sign();
            s.initVerify(node.certificate().getPublicKey());
            s.update(new byte[] {9});
            assertThat(s.verify(sig)).isTrue();
        }
    }
}
