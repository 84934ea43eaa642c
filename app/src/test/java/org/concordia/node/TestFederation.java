package org.concordia.node;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.concordia.generator.PeopleGenerator;
import org.concordia.json.Decoded;
import org.concordia.json.RecordDecoder;
import org.concordia.model.ParticipantCode;
import org.concordia.model.Record;
import org.concordia.pki.FederationAuthority;
import org.concordia.pki.FederationSetup;
import org.concordia.pki.NodeCredentials;
import org.concordia.pki.SignedDirectory;
import org.concordia.store.NodeStorage;

/** A federation of nodes on this machine for tests: authority, credentials, signed directory, generated data. */
final class TestFederation {
    static final char[] PASSWORD = "test-password".toCharArray();

    final Path dir;
    final FederationAuthority authority;
    final Map<ParticipantCode, Integer> federationPorts = new LinkedHashMap<>();

    TestFederation(Path dir, List<String> codes) throws IOException {
        this.dir = dir;
        List<FederationSetup.Member> members = new ArrayList<>();
        for (String c : codes) {
            ParticipantCode code = new ParticipantCode(c);
            int port = freePort();
            federationPorts.put(code, port);
            members.add(new FederationSetup.Member(code, c, "test", URI.create("https://127.0.0.1:" + port)));
        }
        this.authority = FederationSetup.write(dir, "Test", members, PASSWORD, 1, Clock.systemUTC());
    }

    NodeSettings settings(String code, Path data) {
        ParticipantCode p = new ParticipantCode(code);
        return NodeSettings.of(
                p,
                new NodeStorage.Location.Embedded(data),
                0,
                new NodeSettings.Federation(
                        federationPorts.get(p),
                        NodeCredentials.keystoreFile(dir, p),
                        PASSWORD,
                        dir.resolve(FederationAuthority.CERTIFICATE_FILE),
                        dir.resolve(SignedDirectory.FILE),
                        data.resolve("directory-cache")));
    }

    /** Generated people's records of each owner (the same people spread across owners in several scripts). */
    static Map<String, List<Record>> generated(int people, long seed) {
        Map<String, List<Record>> byOwner = new LinkedHashMap<>();
        for (Record r : new PeopleGenerator(seed).records(people)) {
            byOwner.computeIfAbsent(r.owner().value(), k -> new ArrayList<>()).add(r);
        }
        return byOwner;
    }

    static Record record(String json) throws IOException {
        return ((Decoded.Accepted) new RecordDecoder(null).decode(new ObjectMapper().readTree(json))).record();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
