package org.concordia.pki;

import java.security.GeneralSecurityException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.concordia.federation.Directory;
import org.concordia.federation.Participant;
import org.concordia.federation.Verification;
import org.concordia.federation.Verification.Rejected;
import org.concordia.federation.Verification.Verified;
import org.concordia.model.ParticipantCode;
import org.concordia.problem.ErrorCode;

/**
 * Checks a peer's certificate chain against the federation: issued by the federation authority
 * (signature of RFC 5280 section 4.1.1.3, and the authority's own validity), naming a participant the
 * directory lists, not revoked by the directory, within its validity period, and byte for byte the
 * certificate the directory lists for that participant. The checks run in that order and the first
 * failure is the answer:
 *
 * <ol>
 *   <li>not issued by the authority, or no participant code in its subject: {@code unknown_certificate}
 *   <li>a participant the directory does not list: {@code unknown_participant}
 *   <li>its serial is revoked: {@code certificate_revoked}
 *   <li>outside its validity period: {@code certificate_expired}
 *   <li>not the certificate listed for the participant (a replaced or self-made one): {@code
 *       unknown_certificate}
 * </ol>
 *
 * Never throws for a bad certificate. Immutable and thread-safe.
 */
public final class PeerCertificates {
    private final X509Certificate authority;

    public PeerCertificates(X509Certificate authority) {
        this.authority = Objects.requireNonNull(authority, "authority");
    }

    /**
     * @param chain the peer's chain, its own certificate first (as {@code
     *     SSLSession.getPeerCertificates()} gives it); may be empty
     */
    public Verification check(List<X509Certificate> chain, Directory directory, Instant now) {
        if (chain.isEmpty()) {
            return new Rejected(ErrorCode.UNKNOWN_CERTIFICATE, "no certificate presented");
        }
        X509Certificate leaf = chain.get(0);
        if (!issuedByAuthority(leaf, now)) {
            return new Rejected(ErrorCode.UNKNOWN_CERTIFICATE, "certificate not issued by the federation authority");
        }
        Optional<ParticipantCode> code = Certificates.participantOf(leaf);
        if (code.isEmpty()) {
            return new Rejected(ErrorCode.UNKNOWN_CERTIFICATE, "certificate names no participant");
        }
        Optional<Participant> listed = directory.participant(code.get());
        if (listed.isEmpty()) {
            return new Rejected(ErrorCode.UNKNOWN_PARTICIPANT, "participant not in the directory");
        }
        return checkListed(leaf, listed.get(), directory, now);
    }

    /** The checks of a certificate whose subject names {@code participant}: revoked, validity, listed. */
    private static Verification checkListed(
            X509Certificate leaf, Participant participant, Directory directory, Instant now) {
        if (directory.isRevoked(Certificates.serialHex(leaf))) {
            return new Rejected(ErrorCode.CERTIFICATE_REVOKED, "certificate revoked by the directory");
        }
        Optional<String> validity = validityProblem(leaf, now);
        if (validity.isPresent()) {
            return new Rejected(ErrorCode.CERTIFICATE_EXPIRED, validity.get());
        }
        X509Certificate expected;
        try {
            expected = Pem.decode(participant.certificatePem());
        } catch (GeneralSecurityException e) {
            return new Rejected(
                    ErrorCode.UNKNOWN_CERTIFICATE, "the directory's certificate for the participant is unreadable");
        }
        if (!sameEncoding(leaf, expected)) {
            return new Rejected(ErrorCode.UNKNOWN_CERTIFICATE, "not the certificate the directory lists");
        }
        return new Verified(participant.code());
    }

    /** Empty when {@code certificate} is valid at {@code now}, else which bound it is outside of. */
    static Optional<String> validityProblem(X509Certificate certificate, Instant now) {
        try {
            certificate.checkValidity(Date.from(now));
            return Optional.empty();
        } catch (CertificateExpiredException e) {
            return Optional.of("certificate expired");
        } catch (CertificateNotYetValidException e) {
            return Optional.of("certificate not yet valid");
        }
    }

    private boolean issuedByAuthority(X509Certificate leaf, Instant now) {
        if (!leaf.getIssuerX500Principal().equals(authority.getSubjectX500Principal())
                || validityProblem(authority, now).isPresent()) {
            return false;
        }
        try {
            leaf.verify(authority.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static boolean sameEncoding(X509Certificate a, X509Certificate b) {
        try {
            return Arrays.equals(a.getEncoded(), b.getEncoded());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
