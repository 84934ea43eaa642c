package org.concordia.pki;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.concordia.federation.Directory;
import org.concordia.federation.EncryptionKey;
import org.concordia.federation.Participant;
import org.concordia.model.ParticipantCode;

/**
 * A whole federation written into one directory at once, for a demo or a test: a new authority, each
 * member's credentials ({@code <CODE>.p12}, {@code <CODE>.pem}) and the signed directory listing them
 * ({@link SignedDirectory#FILE}), every key store under one password. For a real federation the
 * authority and each node are set up apart ({@code ./concordia pki init|issue}).
 */
public final class FederationSetup {
    /** A participant to issue and list. */
    public record Member(ParticipantCode code, String organisation, String region, URI endpoint) {}

    private FederationSetup() {}

    /**
     * Writes the federation and returns its authority.
     *
     * @param serial the directory's serial: a node keeps a cached directory with a higher one
     */
    public static FederationAuthority write(
            Path dir, String name, List<Member> members, char[] password, long serial, Clock clock) throws IOException {
        Files.createDirectories(dir);
        FederationAuthority authority = FederationAuthority.create(name, clock);
        authority.save(dir, password);
        List<Participant> participants = new ArrayList<>();
        for (Member m : members) {
            NodeCredentials creds = authority.issue(m.code(), m.organisation(), List.of(), clock);
            creds.save(dir, password);
            participants.add(new Participant(
                    m.code(),
                    m.organisation(),
                    m.region(),
                    m.endpoint(),
                    creds.certificatePem(),
                    Set.of("search", "messages"),
                    creds.encryption().map(k -> EncryptionKey.of(k.publicKey()))));
        }
        Instant now = clock.instant();
        Directory d = new Directory(serial, now, Optional.empty(), participants, Set.of());
        SignedDirectory.write(d, authority, dir.resolve(SignedDirectory.FILE));
        return authority;
    }
}
