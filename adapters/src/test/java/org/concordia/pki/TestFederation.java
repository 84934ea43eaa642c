package org.concordia.pki;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.concordia.federation.Directory;
import org.concordia.federation.Participant;
import org.concordia.model.ParticipantCode;

/** An authority with credentials for a few participants and the directory listing them. */
final class TestFederation {
    static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final ParticipantCode INTERPOL = new ParticipantCode("INTERPOL");
    static final ParticipantCode EUROPOL = new ParticipantCode("EUROPOL");
    static final ParticipantCode AFRIPOL = new ParticipantCode("AFRIPOL");

    final FederationAuthority authority;
    final Map<ParticipantCode, NodeCredentials> nodes = new LinkedHashMap<>();
    final Directory directory;

    TestFederation(Clock clock, ParticipantCode... codes) {
        authority = FederationAuthority.create("Test", clock);
        List<Participant> entries = new ArrayList<>();
        int port = 8443;
        for (ParticipantCode code : codes) {
            NodeCredentials node = authority.issue(code, code.value() + " organisation", List.of(), clock);
            nodes.put(code, node);
            entries.add(participant(node, port++));
        }
        directory = new Directory(1, clock.instant(), Optional.empty(), entries, Set.of());
    }

    TestFederation() {
        this(Clock.systemUTC(), INTERPOL, EUROPOL, AFRIPOL);
    }

    static Participant participant(NodeCredentials node, int port) {
        return new Participant(
                node.code(),
                node.code().value() + " organisation",
                "Somewhere",
                URI.create("https://127.0.0.1:" + port),
                node.certificatePem(),
                Set.of("search", "messages"),
                node.encryption().map(k -> org.concordia.federation.EncryptionKey.of(k.publicKey())));
    }

    NodeCredentials node(ParticipantCode code) {
        return nodes.get(code);
    }
}
