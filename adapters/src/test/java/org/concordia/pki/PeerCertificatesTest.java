package org.concordia.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concordia.pki.TestFederation.AFRIPOL;
import static org.concordia.pki.TestFederation.CLOCK;
import static org.concordia.pki.TestFederation.EUROPOL;
import static org.concordia.pki.TestFederation.INTERPOL;
import static org.concordia.pki.TestFederation.NOW;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.concordia.federation.Directory;
import org.concordia.federation.Verification;
import org.concordia.federation.Verification.Rejected;
import org.concordia.federation.Verification.Verified;
import org.concordia.problem.ErrorCode;
import org.junit.jupiter.api.Test;

class PeerCertificatesTest {
    static final TestFederation FEDERATION = new TestFederation(CLOCK, INTERPOL, EUROPOL);
    final PeerCertificates peers = new PeerCertificates(FEDERATION.authority.certificate());

    Verification check(NodeCredentials node, Directory directory) {
        return peers.check(List.of(node.certificate(), node.authority()), directory, NOW);
    }

    static ErrorCode code(Verification v) {
        return ((Rejected) v).code();
    }

    @Test
    void acceptsTheCertificateTheDirectoryLists() {
        assertThat(check(FEDERATION.node(EUROPOL), FEDERATION.directory)).isEqualTo(new Verified(EUROPOL));
    }

    @Test
    void refusesACertificateOfAnotherAuthorityAsUnknown() {
        FederationAuthority rogue = FederationAuthority.create("Test", CLOCK); // same subject name, other key
        assertThat(code(check(rogue.issue(EUROPOL, "E", List.of(), CLOCK), FEDERATION.directory)))
                .isEqualTo(ErrorCode.UNKNOWN_CERTIFICATE);
    }

    @Test
    void refusesAParticipantTheDirectoryDoesNotList() {
        NodeCredentials afripol = FEDERATION.authority.issue(AFRIPOL, "A", List.of(), CLOCK);
        assertThat(code(check(afripol, FEDERATION.directory))).isEqualTo(ErrorCode.UNKNOWN_PARTICIPANT);
    }

    @Test
    void refusesAnotherCertificateOfAListedParticipantAsUnknown() {
        NodeCredentials second = FEDERATION.authority.issue(EUROPOL, "E", List.of(), CLOCK);
        assertThat(code(check(second, FEDERATION.directory))).isEqualTo(ErrorCode.UNKNOWN_CERTIFICATE);
    }

    @Test
    void refusesARevokedCertificate() {
        NodeCredentials europol = FEDERATION.node(EUROPOL);
        Directory revoked = FEDERATION.directory.revoking(Certificates.serialHex(europol.certificate()), 2, NOW);
        assertThat(code(check(europol, revoked))).isEqualTo(ErrorCode.CERTIFICATE_REVOKED);
        assertThat(check(FEDERATION.node(INTERPOL), revoked)).isEqualTo(new Verified(INTERPOL));
    }

    @Test
    void refusesAnExpiredCertificate() {
        Clock lastYear = Clock.fixed(NOW.minus(Duration.ofDays(365)), ZoneOffset.UTC);
        NodeCredentials old = FEDERATION.authority.issue(AFRIPOL, "A", List.of(), lastYear, Duration.ofDays(30));
        Directory listing = FEDERATION.directory.with(TestFederation.participant(old, 8445), 2, NOW);
        assertThat(code(check(old, listing))).isEqualTo(ErrorCode.CERTIFICATE_EXPIRED);
    }

    @Test
    void refusesAnEmptyChain() {
        assertThat(code(peers.check(List.of(), FEDERATION.directory, NOW))).isEqualTo(ErrorCode.UNKNOWN_CERTIFICATE);
    }
}
